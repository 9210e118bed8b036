package org.reluflow.interval;

import java.util.function.UnaryOperator;

/**
 * A real function of one variable given by interval extensions of itself and of its derivative. Both must be
 * inclusion functions: for every real {@code t} in {@code x}, {@code f(t)} lies in {@code value(x)} and
 * {@code f'(t)} in {@code derivative(x)}. Interval Newton certificates are only as good as this contract.
 */
public interface IntervalFunction {

    Interval value(Interval x);

    Interval derivative(Interval x);

    /** Builds a function from two interval extensions. */
    static IntervalFunction of(UnaryOperator<Interval> value, UnaryOperator<Interval> derivative) {
        return new IntervalFunction() {
            @Override
            public Interval value(Interval x) {
                return value.apply(x);
            }

            @Override
            public Interval derivative(Interval x) {
                return derivative.apply(x);
            }
        };
    }
}
