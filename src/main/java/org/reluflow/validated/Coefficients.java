package org.reluflow.validated;

import org.reluflow.symbolic.IntervalArithmetic;
import org.reluflow.interval.Interval;

/**
 * The algebra Taylor-coefficient recurrences run in: plain intervals ({@link #INTERVALS}), or intervals carrying a
 * gradient with respect to the initial condition ({@link Jets}), which gives the Jacobian of the Taylor map that
 * Lohner's method needs. Every operation encloses the exact result for all members of its operands.
 */
interface Coefficients<C> {

    C zero();

    C constant(Interval v);

    C add(C a, C b);

    C sub(C a, C b);

    C mul(C a, C b);

    C sqr(C a);

    C div(C a, C b);

    C neg(C a);

    /** a times an exactly representable integer k. */
    C times(C a, int k);

    /** a divided by a positive integer k. */
    C divide(C a, int k);

    C sqrt(C a);

    C exp(C a);

    C log(C a);

    /** Interval ramp of an order-0 coefficient whose sign is not known (convex-hull mode). */
    C ramp(C a);

    /** Interval unit step of an order-0 coefficient whose sign is not known (convex-hull mode). */
    C step(C a, double atZero);

    C[] newArray(int n);

    Coefficients<Interval> INTERVALS = new Coefficients<>() {
        @Override public Interval zero() { return Interval.ZERO; }
        @Override public Interval constant(Interval v) { return v; }
        @Override public Interval add(Interval a, Interval b) { return a.add(b); }
        @Override public Interval sub(Interval a, Interval b) { return a.sub(b); }
        @Override public Interval mul(Interval a, Interval b) { return a.mul(b); }
        @Override public Interval sqr(Interval a) { return a.sqr(); }
        @Override public Interval div(Interval a, Interval b) { return a.div(b); }
        @Override public Interval neg(Interval a) { return a.neg(); }
        @Override public Interval times(Interval a, int k) { return a.mul(k); }
        @Override public Interval divide(Interval a, int k) { return a.div(k); }
        @Override public Interval sqrt(Interval a) { return a.sqrt(); }
        @Override public Interval exp(Interval a) { return a.exp(); }
        @Override public Interval log(Interval a) { return a.log(); }
        @Override public Interval ramp(Interval a) { return IntervalArithmetic.INSTANCE.ramp(a); }
        @Override public Interval step(Interval a, double atZero) { return new IntervalArithmetic(atZero).unitStep(a); }
        @Override public Interval[] newArray(int n) { return new Interval[n]; }
    };
}
