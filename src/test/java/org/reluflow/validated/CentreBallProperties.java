package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.interval.Interval;
import org.reluflow.symbolic.StraightLineProgram;

/**
 * The double-double balls that carry a Lohner set's centre ({@link DoubleDoubleBall}, {@link
 * SeriesTape#centrePolynomial}) against exact rational arithmetic: every operation's ball holds the exact results
 * for all members of its operands, and the centre's Taylor polynomial holds the exact rational one, also with
 * constants that are not doubles (8/3 in Lorenz).
 */
class CentreBallProperties {

    static boolean inBall(double[] ball, BigDecimal v) {
        BigDecimal[] b = DoubleDoubleBall.bounds(ball[0], ball[1], ball[2]);
        return b[0].compareTo(v) <= 0 && v.compareTo(b[1]) <= 0;
    }

    static boolean inBall(double[] ball, BigFraction v) {
        BigDecimal[] b = DoubleDoubleBall.bounds(ball[0], ball[1], ball[2]);
        BigDecimal num = new BigDecimal(v.getNumerator()), den = new BigDecimal(v.getDenominator());
        return b[0].multiply(den).compareTo(num) <= 0 && num.compareTo(b[1].multiply(den)) <= 0;
    }

    /** A random ball: a leading double with a lower part below its ulp, and a radius from 0 to a few of its ulps. */
    static double[] ball(java.util.SplittableRandom rnd) {
        double hi = rnd.nextDouble(-1, 1) * Math.scalb(1.0, rnd.nextInt(-40, 40));
        if (rnd.nextInt(8) == 0) hi = 0;
        double lo = hi == 0 ? 0 : rnd.nextDouble(-0.5, 0.5) * Math.ulp(hi);
        double rad = switch (rnd.nextInt(3)) {
            case 0 -> 0;
            case 1 -> rnd.nextDouble() * Math.ulp(hi) * 1e-3;
            default -> rnd.nextDouble() * Math.abs(hi) * 1e-6;
        };
        return new double[] {hi, lo, rad};
    }

    static BigFraction fraction(BigDecimal x) {
        return x.scale() >= 0 ? new BigFraction(x.unscaledValue(), java.math.BigInteger.TEN.pow(x.scale()))
                : new BigFraction(x.unscaledValue().multiply(java.math.BigInteger.TEN.pow(-x.scale())));
    }

    static BigDecimal centre(double[] b) { return new BigDecimal(b[0]).add(new BigDecimal(b[1])); }

    static BigDecimal[] ends(double[] b) {
        BigDecimal c = centre(b), r = new BigDecimal(b[2]);
        return new BigDecimal[] {c.subtract(r), c.add(r)};
    }

    @Property(tries = 2000)
    void ballOperationsEncloseExactResults(@ForAll @IntRange(min = 0, max = 100000000) int seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] a = ball(rnd), b = ball(rnd), out = new double[3];
        BigDecimal[] ea = ends(a), eb = ends(b);
        DoubleDoubleBall.add(a[0], a[1], a[2], b[0], b[1], b[2], out);
        for (BigDecimal x : ea) for (BigDecimal y : eb) assertTrue(inBall(out, x.add(y)), "sum");
        DoubleDoubleBall.mul(a[0], a[1], a[2], b[0], b[1], b[2], out);
        for (BigDecimal x : ea) for (BigDecimal y : eb) assertTrue(inBall(out, x.multiply(y)), "product"); // extremes at corners
        int k = 1 + rnd.nextInt(40);
        DoubleDoubleBall.divide(a[0], a[1], a[2], k, out);
        for (BigDecimal x : ea) {
            assertTrue(inBall(out, fraction(x).divide(k)), "quotient by " + k);
        }
        assertTrue(Math.abs(out[1]) <= Math.ulp(out[0]), "normalized");
    }

    @Property(tries = 500)
    void constantsAreEnclosed(@ForAll @IntRange(min = -1000000, max = 1000000) int p, @ForAll @IntRange(min = 1, max = 100000) int q) {
        BigFraction v = new BigFraction(p, q);
        assertTrue(inBall(DoubleDoubleBall.of(v), v), p + "/" + q);
    }

    /** Lorenz's exact rational Taylor polynomial (sigma 10, rho 28, beta 8/3) at h lies in the centre ball. */
    @Property(tries = 200)
    void lorenzCentrePolynomialHoldsTheExactOne(@ForAll @DoubleRange(min = -20, max = 20) double x0,
                                                @ForAll @DoubleRange(min = -20, max = 20) double y0,
                                                @ForAll @DoubleRange(min = 0, max = 45) double z0,
                                                @ForAll @DoubleRange(min = 0, max = 0.01) double h,
                                                @ForAll @IntRange(min = 1, max = 24) int order) throws Exception {
        SeriesTape tape = ClosedFormSoundnessTest.field("{10*(y - x), x*(28 - z) - y, x*y - 8/3*z}", "x", "y", "z").tape();
        double[][] ball = tape.centrePolynomial(new double[] {x0, y0, z0}, new int[0], order, Interval.of(h));
        assertNotNull(ball);
        BigFraction[][] c = new BigFraction[order + 1][];
        c[0] = new BigFraction[] {new BigFraction(x0), new BigFraction(y0), new BigFraction(z0)};
        BigFraction beta = new BigFraction(8, 3);
        for (int k = 0; k < order; k++) {
            BigFraction xz = BigFraction.ZERO, xy = BigFraction.ZERO;
            for (int j = 0; j <= k; j++) { xz = xz.add(c[j][0].multiply(c[k - j][2])); xy = xy.add(c[j][0].multiply(c[k - j][1])); }
            c[k + 1] = new BigFraction[] {
                c[k][1].subtract(c[k][0]).multiply(10).divide(k + 1),
                c[k][0].multiply(28).subtract(xz).subtract(c[k][1]).divide(k + 1),
                xy.subtract(beta.multiply(c[k][2])).divide(k + 1)};
        }
        BigFraction hf = new BigFraction(h);
        for (int i = 0; i < 3; i++) {
            BigFraction acc = c[order][i];
            for (int k = order - 1; k >= 0; k--) acc = acc.multiply(hf).add(c[k][i]);
            assertTrue(inBall(new double[] {ball[0][i], ball[1][i], ball[2][i]}, acc), "component " + i);
            assertTrue(ball[2][i] <= 1e-20 * Math.max(1, Math.abs(ball[0][i])), "radius " + ball[2][i] + " not tight"); // far below an ulp
        }
    }

    /** Random polynomial fields with switching terms in a fixed region: the ball holds the exact polynomial. */
    @Property(tries = 300)
    void randomFieldCentrePolynomialHoldsTheExactOne(@ForAll @IntRange(min = 0, max = 1000000) int seed,
                                                      @ForAll @DoubleRange(min = -2, max = 2) double x0,
                                                      @ForAll @DoubleRange(min = -2, max = 2) double y0,
                                                      @ForAll @DoubleRange(min = 0, max = 0.2) double h,
                                                      @ForAll @IntRange(min = 1, max = 14) int order) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        SeriesTape tape = TaylorSeriesProperties.randomField(rnd, true, false); // no division: the ball path's domain
        int[] signs = new int[tape.guardCount()];
        java.util.Arrays.fill(signs, rnd.nextBoolean() ? 1 : -1);
        double[][] ball = tape.centrePolynomial(new double[] {x0, y0}, signs, order, Interval.of(h));
        assertNotNull(ball);
        SeriesTape.Series<BigFraction> exact = tape.series(TaylorSeriesProperties.RATIONALS,
                new BigFraction[] {new BigFraction(x0), new BigFraction(y0)}, signs, order);
        BigFraction hf = new BigFraction(h);
        for (int i = 0; i < 2; i++) {
            BigFraction acc = exact.x()[order][i];
            for (int k = order - 1; k >= 0; k--) acc = acc.multiply(hf).add(exact.x()[k][i]);
            assertTrue(inBall(new double[] {ball[0][i], ball[1][i], ball[2][i]}, acc), "component " + i);
        }
    }

    @Property(tries = 50)
    void divisionFallsBackToIntervals(@ForAll @IntRange(min = 0, max = 1000000) int seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        SeriesTape tape = TaylorSeriesProperties.randomField(rnd, true);
        int[] signs = new int[tape.guardCount()];
        java.util.Arrays.fill(signs, 0);
        Assume.that(tape.guardCount() > 0);
        assertTrue(tape.centrePolynomial(new double[] {0.5, 0.25}, signs, 4, Interval.of(0.1)) == null, "unknown signs have no ball recurrence");
    }

}
