package org.reluflow.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * exp, expm1, log, log1p, sin, cos, tanh, atan against 60-digit BigDecimal references: the result interval
 * must contain the function at both endpoints and at interior points, must include the extrema of sin and
 * cos that the interval contains (decided in high precision), and must stay a few ulps wide on points.
 */
class ElementaryFunctionProperties {

    // ------------------------------------------------------------ generators

    private static Arbitrary<Double> tiny() {
        return IntervalArbitraries.scaled(-1074, -20);
    }

    @Provide
    Arbitrary<Double> expArgs() {
        return Arbitraries.frequencyOf(Tuple.of(6, IntervalArbitraries.uniform(-760, 720)),
                Tuple.of(3, IntervalArbitraries.uniform(-3, 3)), Tuple.of(2, tiny()),
                Tuple.of(1, Arbitraries.of(0.0, 709.782712893384, 709.7827128933841, -745.1332191019411, 1.0)));
    }

    @Provide
    Arbitrary<Double> positiveArgs() {
        return IntervalArbitraries.finiteDoubles().map(Math::abs).filter(x -> x > 0);
    }

    @Provide
    Arbitrary<Double> log1pArgs() {
        return Arbitraries.frequencyOf(Tuple.of(4, IntervalArbitraries.uniform(-1, 4)), Tuple.of(3, tiny()),
                Tuple.of(2, positiveArgs()), Tuple.of(1, Arbitraries.of(-1.0, Math.nextUp(-1.0), 0.0)));
    }

    @Provide
    Arbitrary<Double> trigArgs() {
        Arbitrary<Double> nearQuarterPeriods = Combinators.combine(Arbitraries.integers().between(-40, 40),
                        Arbitraries.integers().between(-6, 6))
                .as((k, ulps) -> {
                    double x = k * (Math.PI / 2);
                    for (int i = 0; i < Math.abs(ulps); i++) {
                        x = ulps > 0 ? Math.nextUp(x) : Math.nextDown(x);
                    }
                    return x;
                });
        return Arbitraries.frequencyOf(Tuple.of(5, IntervalArbitraries.uniform(-10, 10)),
                Tuple.of(3, nearQuarterPeriods), Tuple.of(2, IntervalArbitraries.scaled(-30, 52)),
                Tuple.of(1, tiny()));
    }

    @Provide
    Arbitrary<Double> anyArgs() {
        return Arbitraries.frequencyOf(Tuple.of(3, IntervalArbitraries.uniform(-25, 25)),
                Tuple.of(2, IntervalArbitraries.finiteDoubles()), Tuple.of(1, tiny()));
    }

    // ------------------------------------------------------------------ core

    /** Checks f over [min(a,b), max(a,b)] at the endpoints and at an interior point. */
    private static void checkRange(double a, double b, UnaryOperator<Interval> f, Function<BigDecimal, BigDecimal> ref,
                                   String name) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        Interval x = Interval.of(lo, hi);
        Interval r = f.apply(x);
        double mid = x.midpoint();
        for (double t : new double[] {lo, hi, mid}) {
            BigDecimal v = ref.apply(new BigDecimal(t));
            assertNull(HighPrecision.containment(r, v, name + " over " + x + " at " + t));
        }
    }

    /** On a point argument the enclosure is at most {@code ulps} steps wide. */
    private static void checkNarrow(double a, UnaryOperator<Interval> f, int ulps, String name) {
        Interval r = f.apply(Interval.of(a));
        double u = r.lo();
        for (int i = 0; i < ulps; i++) {
            u = Math.nextUp(u);
        }
        assertTrue(r.hi() <= u || Double.isInfinite(r.hi()), () -> name + "(" + a + ") = " + r + " is too wide");
    }

    // ------------------------------------------------------------ properties

    @Property(tries = 600, seed = "11")
    void exp(@ForAll("expArgs") double a, @ForAll("expArgs") double b) {
        checkRange(a, b, Interval::exp, HighPrecision::exp, "exp");
        checkNarrow(a, Interval::exp, 4, "exp");
    }

    @Property(tries = 600, seed = "12")
    void expm1(@ForAll("expArgs") double a, @ForAll("expArgs") double b) {
        checkRange(a, b, Interval::expm1, HighPrecision::expm1, "expm1");
        checkNarrow(a, Interval::expm1, 4, "expm1");
    }

    @Property(tries = 600, seed = "13")
    void log(@ForAll("positiveArgs") double a, @ForAll("positiveArgs") double b) {
        checkRange(a, b, Interval::log, HighPrecision::log, "log");
        checkNarrow(a, Interval::log, 4, "log");
    }

    @Property(tries = 600, seed = "14")
    void log1p(@ForAll("log1pArgs") double a, @ForAll("log1pArgs") double b) {
        if (Math.min(a, b) <= -1) {
            Interval r = Interval.of(Math.min(a, b), Math.max(a, b)).log1p();
            assertTrue(Math.max(a, b) <= -1 ? r.isEmpty() : r.lo() == Double.NEGATIVE_INFINITY);
            return;
        }
        checkRange(a, b, Interval::log1p, HighPrecision::log1p, "log1p");
        checkNarrow(a, Interval::log1p, 4, "log1p");
    }

    @Property(tries = 600, seed = "15")
    void tanh(@ForAll("anyArgs") double a, @ForAll("anyArgs") double b) {
        checkRange(a, b, Interval::tanh, HighPrecision::tanh, "tanh");
        checkNarrow(a, Interval::tanh, 12, "tanh");
    }

    @Property(tries = 600, seed = "16")
    void atan(@ForAll("anyArgs") double a, @ForAll("anyArgs") double b) {
        checkRange(a, b, Interval::atan, HighPrecision::atan, "atan");
        checkNarrow(a, Interval::atan, 4, "atan");
    }

    @Property(tries = 800, seed = "17")
    void sin(@ForAll("trigArgs") double a, @ForAll("trigArgs") double b) {
        checkRange(a, b, Interval::sin, HighPrecision::sin, "sin");
        checkExtrema(a, b, Interval::sin, true);
        if (Math.abs(a) < 1e9) { // beyond, quadrants of binary64 arguments blur and [-1, 1] is accepted
            checkNarrow(a, Interval::sin, 4, "sin");
        }
    }

    @Property(tries = 800, seed = "18")
    void cos(@ForAll("trigArgs") double a, @ForAll("trigArgs") double b) {
        checkRange(a, b, Interval::cos, HighPrecision::cos, "cos");
        checkExtrema(a, b, Interval::cos, false);
        if (Math.abs(a) < 1e9) {
            checkNarrow(a, Interval::cos, 4, "cos");
        }
    }

    /**
     * Independent check of the quadrant logic: sin = +-1 at pi/2 + j pi with sign (-1)^j, cos = +-1 at j pi
     * with sign (-1)^j. Find the integers j whose point lies in [lo, hi] with 160-digit pi.
     */
    private static void checkExtrema(double a, double b, UnaryOperator<Interval> f, boolean sine) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        Interval r = f.apply(Interval.of(lo, hi));
        MathContext mc = new MathContext(160);
        BigDecimal pi = HighPrecision.pi();
        BigDecimal shift = sine ? pi.divide(BigDecimal.valueOf(2), mc) : BigDecimal.ZERO;
        // j in [ceil((lo - shift)/pi), floor((hi - shift)/pi)]
        BigInteger first = new BigDecimal(lo).subtract(shift).divide(pi, mc).setScale(0, RoundingMode.CEILING)
                .toBigIntegerExact();
        BigInteger last = new BigDecimal(hi).subtract(shift).divide(pi, mc).setScale(0, RoundingMode.FLOOR)
                .toBigIntegerExact();
        int count = last.subtract(first).add(BigInteger.ONE).min(BigInteger.TWO).max(BigInteger.ZERO).intValue();
        boolean hasPlusOne = count == 2 || (count == 1 && !first.testBit(0));
        boolean hasMinusOne = count == 2 || (count == 1 && first.testBit(0));
        String what = (sine ? "sin" : "cos") + " over [" + lo + ", " + hi + "] = " + r;
        if (hasPlusOne) {
            assertEquals(1.0, r.hi(), () -> what + " must reach 1");
        }
        if (hasMinusOne) {
            assertEquals(-1.0, r.lo(), () -> what + " must reach -1");
        }
    }

    // ------------------------------------------------------- spot examples

    @Example
    void trigonometricRangesOnKnownIntervals() {
        assertEquals(Interval.of(-1, 1), Interval.of(0, 7).sin());
        Interval s = Interval.of(0.1, 3).sin();
        assertEquals(1.0, s.hi());
        assertTrue(s.lo() > 0.09 && s.lo() <= Math.sin(0.1));
        Interval c = Interval.of(-0.5, 0.25).cos();
        assertEquals(1.0, c.hi());
        assertTrue(c.lo() <= Math.cos(0.5) && c.lo() > 0.87);
        Interval around = Interval.PI.cos();
        assertEquals(-1.0, around.lo());
        assertTrue(around.hi() < -0.9999999999999);
        Interval monotone = Interval.of(0.5, 1.0).sin();
        assertTrue(monotone.hi() < 0.85 && monotone.lo() > 0.47);
        assertEquals(Interval.of(-1, 1), Interval.of(-1e300, 1).sin());
        assertEquals(Interval.of(-1, 1), Interval.of(1, Double.POSITIVE_INFINITY).cos());
    }

    @Example
    void rangesClippedToTheFunctionsCodomain() {
        assertEquals(0.0, Interval.of(Double.NEGATIVE_INFINITY, 0).exp().lo());
        assertTrue(Interval.of(-1000, -800).exp().lo() >= 0);
        assertEquals(Double.POSITIVE_INFINITY, Interval.of(0, 710).exp().hi());
        assertTrue(Interval.of(710, 711).exp().lo() > 1.7976931348622e308);
        assertEquals(-1.0, Interval.of(Double.NEGATIVE_INFINITY, 0).expm1().lo());
        assertEquals(Interval.of(-1, 1), Interval.ENTIRE.tanh());
        Interval atan = Interval.ENTIRE.atan();
        assertEquals(Interval.HALF_PI.hi(), atan.hi());
        assertEquals(-Interval.HALF_PI.hi(), atan.lo());
        assertTrue(Interval.of(0, 1).log().lo() == Double.NEGATIVE_INFINITY && Interval.of(0, 1).log().hi() >= 0);
        assertTrue(Interval.of(-2, -1).log().isEmpty());
        assertTrue(Interval.ZERO.log().isEmpty());
        assertTrue(Interval.of(-5, -1).log1p().isEmpty());
        for (UnaryOperator<Interval> f : java.util.List.<UnaryOperator<Interval>>of(Interval::exp, Interval::expm1,
                Interval::log, Interval::log1p, Interval::sin, Interval::cos, Interval::tanh, Interval::atan)) {
            assertTrue(f.apply(Interval.EMPTY).isEmpty());
        }
    }
}
