package org.reluflow.interval;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators of finite doubles across all magnitudes (uniform bit patterns, moderate values, values near
 * sqrt(MAX_VALUE) and sqrt(MIN_VALUE) whose products overflow or underflow, subnormals, short mantissas whose
 * results are often exact, and edge constants), and of intervals built from them.
 */
final class IntervalArbitraries {

    private IntervalArbitraries() {
    }

    static Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> anyBits = Arbitraries.longs().withDistribution(RandomDistribution.uniform())
                .map(Double::longBitsToDouble).filter(Double::isFinite);
        return Arbitraries.frequencyOf(
                Tuple.of(3, anyBits),
                Tuple.of(4, scaled(-40, 40)),
                Tuple.of(2, scaled(480, 545)),
                Tuple.of(2, scaled(-545, -480)),
                Tuple.of(1, scaled(1000, 1023)),
                Tuple.of(2, subnormals()),
                Tuple.of(2, shortMantissas()),
                Tuple.of(1, edgeConstants()));
    }

    /** Full-precision mantissa, random sign, binary exponent in [minExp, maxExp]. */
    static Arbitrary<Double> scaled(int minExp, int maxExp) {
        Arbitrary<Long> mantissa = Arbitraries.longs().between(1L << 52, (1L << 53) - 1)
                .withDistribution(RandomDistribution.uniform());
        Arbitrary<Integer> exponent = Arbitraries.integers().between(minExp, maxExp);
        Arbitrary<Boolean> negative = Arbitraries.of(true, false);
        return Combinators.combine(mantissa, exponent, negative)
                .as((m, e, neg) -> (neg ? -1 : 1) * Math.scalb((double) m, e - 52));
    }

    static Arbitrary<Double> subnormals() {
        return Combinators.combine(
                Arbitraries.longs().between(1, (1L << 52) - 1).withDistribution(RandomDistribution.uniform()),
                Arbitraries.of(true, false)).as((bits, neg) -> (neg ? -1 : 1) * Double.longBitsToDouble(bits));
    }

    static Arbitrary<Double> shortMantissas() {
        return Combinators.combine(Arbitraries.integers().between(-1000, 1000), Arbitraries.integers().between(-12, 12))
                .as((m, e) -> Math.scalb((double) m, e));
    }

    static Arbitrary<Double> edgeConstants() {
        return Arbitraries.of(0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, 0.1, -0.1,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
                Math.nextDown(Double.MAX_VALUE), Math.nextUp(1.0), Math.nextDown(1.0),
                0x1p511, 0x1p512, 0x1p-537, 0x1p-538, 1.3407807929942596E154, 1e-160, 1e154);
    }

    /** Intervals with finite endpoints: general, points, narrow, and with a zero endpoint. */
    static Arbitrary<Interval> finiteIntervals() {
        Arbitrary<Double> d = finiteDoubles();
        Arbitrary<Interval> general = Combinators.combine(d, d).as((a, b) -> Interval.of(Math.min(a, b), Math.max(a, b)));
        Arbitrary<Interval> point = d.map(Interval::of);
        Arbitrary<Interval> narrow = Combinators.combine(d, Arbitraries.integers().between(1, 8)).as((a, k) -> {
            double b = a;
            for (int i = 0; i < k; i++) {
                b = Math.nextUp(b);
            }
            return Interval.of(a, Math.min(b, Double.MAX_VALUE));
        });
        Arbitrary<Interval> zeroEnd = Combinators.combine(d, Arbitraries.of(true, false))
                .as((a, lower) -> lower ? Interval.of(0.0, Math.abs(a)) : Interval.of(-Math.abs(a), 0.0));
        return Arbitraries.frequencyOf(
                Tuple.of(6, general), Tuple.of(2, point), Tuple.of(2, narrow), Tuple.of(1, zeroEnd));
    }

    /** Finite intervals that exclude zero (divisors). */
    static Arbitrary<Interval> nonZeroIntervals() {
        return finiteIntervals().filter(x -> !x.containsZero());
    }

    /** Doubles spread uniformly by value over [lo, hi] (full precision), plus the end points. */
    static Arbitrary<Double> uniform(double lo, double hi) {
        Arbitrary<Double> inside = Arbitraries.longs().between(0, (1L << 53) - 1)
                .withDistribution(RandomDistribution.uniform())
                .map(k -> Math.min(hi, Math.max(lo, lo + (hi - lo) * (k * 0x1p-53))));
        return Arbitraries.frequencyOf(Tuple.of(12, inside), Tuple.of(1, Arbitraries.of(lo, hi)));
    }
}
