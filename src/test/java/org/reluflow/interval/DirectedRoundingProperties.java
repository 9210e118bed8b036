package org.reluflow.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The directed-rounding primitives on single doubles against exact rationals: {@code xxxDown} must return
 * the largest double below the exact result and {@code xxxUp} the smallest above. Coverage checks make sure
 * the generator really reaches overflow, subnormal results and the scaled-residual path.
 */
class DirectedRoundingProperties {

    @Provide
    Arbitrary<Double> doubles() {
        return IntervalArbitraries.finiteDoubles();
    }

    private static void assertRounding(double down, double up, ToIntFunction<Double> exact, String what) {
        assertNull(ExactChecks.lowerViolation(down, exact), () -> what + " rounded down to " + down);
        assertNull(ExactChecks.upperViolation(up, exact), () -> what + " rounded up to " + up);
    }

    private static String zone(double down, double up, double a, double b) {
        if (Double.isInfinite(down) || Double.isInfinite(up)) {
            return "overflow";
        }
        double m = Math.max(Math.abs(down), Math.abs(up));
        if (m < Double.MIN_NORMAL) {
            return "subnormal or zero";
        }
        if (Math.getExponent(a) + Math.getExponent(b) < -970) {
            return "scaled residual";
        }
        return down == up ? "exact" : "inexact normal";
    }

    @Property(tries = 3000, seed = "7")
    void sum(@ForAll("doubles") double a, @ForAll("doubles") double b) {
        double down = DirectedRounding.addDown(a, b);
        double up = DirectedRounding.addUp(a, b);
        assertRounding(down, up, ExactChecks.exact(Rational.of(a).add(Rational.of(b))), a + " + " + b);
        Statistics.label("zone").collect(zone(down, up, 1, 1));
        Statistics.label("zone").coverage(c -> {
            c.check("overflow").count(n -> n > 0);
            c.check("inexact normal").percentage(p -> p > 20);
        });
    }

    @Property(tries = 3000, seed = "8")
    void product(@ForAll("doubles") double a, @ForAll("doubles") double b) {
        double down = DirectedRounding.mulDown(a, b);
        double up = DirectedRounding.mulUp(a, b);
        assertRounding(down, up, ExactChecks.exact(Rational.of(a).mul(Rational.of(b))), a + " * " + b);
        Statistics.label("zone").collect(zone(down, up, a, b));
        Statistics.label("zone").coverage(c -> {
            c.check("overflow").percentage(p -> p > 2);
            c.check("subnormal or zero").percentage(p -> p > 2);
            c.check("scaled residual").count(n -> n > 0);
            c.check("exact").count(n -> n > 0);
        });
    }

    @Property(tries = 3000, seed = "9")
    void quotient(@ForAll("doubles") double a, @ForAll("doubles") double b) {
        if (b == 0) {
            return;
        }
        double down = DirectedRounding.divDown(a, b);
        double up = DirectedRounding.divUp(a, b);
        Rational ra = Rational.of(a);
        Rational rb = Rational.of(b);
        // sign(a/b - d) = sign(a - d*b) * sign(b)
        ToIntFunction<Double> exact = d -> ra.compareTo(Rational.of(d).mul(rb)) * rb.signum();
        assertRounding(down, up, exact, a + " / " + b);
        Statistics.label("zone").collect(zone(down, up, down, b));
        Statistics.label("zone").coverage(c -> {
            c.check("overflow").percentage(p -> p > 2);
            c.check("subnormal or zero").percentage(p -> p > 2);
            c.check("scaled residual").count(n -> n > 0);
        });
    }

    @Property(tries = 3000, seed = "10")
    void squareRoot(@ForAll("doubles") double a) {
        double x = Math.abs(a);
        assertRounding(DirectedRounding.sqrtDown(x), DirectedRounding.sqrtUp(x),
                ExactChecks.sqrtOf(Rational.of(x)), "sqrt " + x);
    }

    @Example
    void hardCasesNearTheUnderflowThreshold() {
        // products whose exact residual is far below the smallest subnormal: fma alone would report 0
        double[][] cases = {
            {0x1.0000000000001p-600, 0x1p-600},
            {0x1.fffffffffffffp-540, 0x1.0000000000001p-536},
            {Double.MIN_VALUE, 0.5},
            {Double.MIN_VALUE, 0x1.8p-1},
            {-Double.MIN_VALUE, 0x1.0000000000001p0},
            {0x1.123456789abcdp-520, 0x1.fedcba9876543p-540},
            {0x1.0000000000001p-1022, 0x1.0000000000001p-1},
        };
        for (double[] c : cases) {
            double a = c[0];
            double b = c[1];
            assertRounding(DirectedRounding.mulDown(a, b), DirectedRounding.mulUp(a, b),
                    ExactChecks.exact(Rational.of(a).mul(Rational.of(b))), a + " * " + b);
            Rational ra = Rational.of(a);
            Rational rb = Rational.of(b);
            ToIntFunction<Double> q = d -> ra.compareTo(Rational.of(d).mul(rb)) * rb.signum();
            assertRounding(DirectedRounding.divDown(a, b), DirectedRounding.divUp(a, b), q, a + " / " + b);
            assertRounding(DirectedRounding.divDown(b, a), DirectedRounding.divUp(b, a),
                    d -> rb.compareTo(Rational.of(d).mul(ra)) * ra.signum(), b + " / " + a);
        }
        // 2^-600 * (1 + 2^-52) * 2^-600 underflows to 0 but is positive: the upper bound is the smallest subnormal
        assertEquals(Double.MIN_VALUE, DirectedRounding.mulUp(0x1.0000000000001p-600, 0x1p-600));
        assertEquals(0.0, DirectedRounding.mulDown(0x1.0000000000001p-600, 0x1p-600));
    }

    @Example
    void widenedValuesCoverTheDocumentedErrorAcrossBinades() {
        // c just below a power of two: a real within 1 ulp of itself may lie above 2^k + ulp(c)
        double c = Math.nextDown(1.0);
        assertTrue(DirectedRounding.widenUp(c, 1) >= Math.nextUp(1.0));
        assertEquals(Math.nextDown(c), DirectedRounding.widenDown(c, 1));
        assertEquals(Math.nextUp(1.5), DirectedRounding.widenUp(1.5, 1));
        assertTrue(DirectedRounding.widenDown(-c, 1) <= Math.nextDown(-1.0));
        assertEquals(Double.MAX_VALUE, DirectedRounding.widenDown(Double.POSITIVE_INFINITY, 1));
        assertEquals(Double.POSITIVE_INFINITY, DirectedRounding.widenUp(Double.MAX_VALUE, 1));
    }
}
