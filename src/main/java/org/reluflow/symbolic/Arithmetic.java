package org.reluflow.symbolic;

import org.hipparchus.fraction.BigFraction;

/**
 * The operations a {@link StraightLineProgram} needs. Implementations: {@link DoubleArithmetic} now; interval and
 * Taylor-series arithmetics run the same program for validated integration. Constants arrive exact, so an interval
 * arithmetic can enclose them rigorously.
 */
public interface Arithmetic<T> {
    T constant(BigFraction value);

    T add(T a, T b);

    T subtract(T a, T b);

    T multiply(T a, T b);

    T divide(T a, T b);

    T negate(T a);

    /** a^n for an integer n (n may be negative). */
    T power(T a, int n);

    T sqrt(T a);

    T exp(T a);

    T log(T a);

    /** max(0, a): ReLU. */
    T ramp(T a);

    /** 1 for a &gt; 0, 0 for a &lt; 0 (and the declared value at 0). */
    T unitStep(T a);
}
