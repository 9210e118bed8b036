package org.reluflow.interval;

/**
 * A map {@code F : R^n -> R^n} given by interval extensions of itself and of its Jacobian. Both must be
 * inclusion functions: for every point {@code p} in the box {@code x}, {@code F(p)} lies in {@code value(x)}
 * and the Jacobian {@code DF(p)} in {@code jacobian(x)}.
 */
public interface IntervalMap {

    int dimension();

    IntervalVector value(IntervalVector x);

    IntervalMatrix jacobian(IntervalVector x);
}
