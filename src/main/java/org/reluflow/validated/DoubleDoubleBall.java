package org.reluflow.validated;

import java.math.BigDecimal;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.interval.Interval;

/**
 * Balls with a double-double centre: the real numbers within {@code rad} of the exact sum {@code hi + lo}. Used for the
 * centre of a Lohner set, whose per-step rounding is what accumulates along a trajectory: in plain intervals each
 * step adds about an ulp of the state, here about 2^-100 of it. Every operation writes into {@code out[0..2]} a ball
 * containing the exact result for all members of its operands: error-free transformations (TwoSum, FMA TwoProduct)
 * for the leading parts, and the rounding of every other operation bounded by an ulp of its result (round-to-nearest
 * errs by at most half that), radii summed with upward rounding (nextUp). Callers check finiteness at the end.
 */
final class DoubleDoubleBall {

    private DoubleDoubleBall() {}

    /** Below this a product may underflow, so FMA's error term is not exact. */
    private static final double TINY = 0x1p-900;

    /** Bound on the rounding error of a computed sum (exact when it is 0: gradual underflow). */
    private static double sumErr(double s) { return s == 0 ? 0 : Math.ulp(s); }

    /** Bound on the rounding error of a computed product of two factors (0 only if a factor is 0). */
    private static double prodErr(double p, double a, double b) { return a == 0 || b == 0 ? 0 : Math.ulp(p); }

    /** x + y rounded up, for non-negative x, y. */
    static double up(double x, double y) {
        double s = x + y;
        return s == 0 ? 0 : Math.nextUp(s);
    }

    static double upMul(double x, double y) {
        double p = x * y;
        return x == 0 || y == 0 ? 0 : Math.nextUp(p) + Double.MIN_VALUE;
    }

    /** (hi, lo) = TwoSum(a, b), exact: hi + lo = a + b. */
    private static void twoSum(double a, double b, double rad, double[] out) {
        double s = a + b, bb = s - a, e = (a - (s - bb)) + (b - bb);
        out[0] = s;
        out[1] = e;
        out[2] = rad;
    }

    static void add(double ah, double al, double ar, double bh, double bl, double br, double[] out) {
        double s = ah + bh, bb = s - ah, e = (ah - (s - bb)) + (bh - bb); // s + e = ah + bh exactly
        double t1 = al + bl, t2 = e + t1;
        double rad = up(up(ar, br), up(sumErr(t1), sumErr(t2)));
        twoSum(s, t2, rad, out);
    }

    static void mul(double ah, double al, double ar, double bh, double bl, double br, double[] out) {
        double p = ah * bh;
        double e = Math.fma(ah, bh, -p);                      // p + e = ah * bh, exact unless the product underflows
        double eErr = Math.abs(p) < TINY && ah != 0 && bh != 0 ? Double.MIN_VALUE : 0;
        double t1 = ah * bl, t2 = al * bh, t3 = t1 + t2, t4 = e + t3;
        double err = up(up(prodErr(t1, ah, bl), prodErr(t2, al, bh)), up(sumErr(t3), sumErr(t4)));
        err = up(up(err, eErr), upMul(Math.abs(al), Math.abs(bl)));  // al * bl left out of the centre
        double am = up(Math.abs(ah), Math.abs(al)), bm = up(Math.abs(bh), Math.abs(bl));
        double rad = up(up(upMul(am, br), upMul(bm, ar)), upMul(ar, br));
        twoSum(p, t4, up(rad, err), out);
    }

    /** a / k for a positive integer k. */
    static void divide(double ah, double al, double ar, int k, double[] out) {
        double q = ah / k;
        double rem = Math.fma(-q, k, ah);                      // ah - q k: exact for a correctly rounded q
        double remErr = Math.abs(ah) < TINY && ah != 0 ? Double.MIN_VALUE : 0;
        double s = rem + al, l = s / k;
        double rad = up(up(ar == 0 ? 0 : Math.nextUp(ar / k), remErr), up(sumErr(s), l == 0 && s == 0 ? 0 : Math.ulp(l) + Double.MIN_VALUE));
        twoSum(q, l, rad, out);
    }

    /** The ball of an exact rational: its nearest double plus the nearest double to the rest. */
    static double[] of(BigFraction v) {
        double hi = v.doubleValue();
        if (!Double.isFinite(hi)) return null;
        BigFraction rest = v.subtract(new BigFraction(hi));
        double lo = rest.doubleValue();
        double rad = rest.equals(BigFraction.ZERO) ? 0 : Math.ulp(lo) + Double.MIN_VALUE;
        return new double[] {hi, lo, rad};
    }

    /** The ball of an interval: its midpoint and radius. */
    static double[] of(Interval v) {
        if (!v.isBounded() || v.isEmpty()) return null;
        double m = v.midpoint();
        if (v.isPoint()) return new double[] {m, 0, 0};
        double r = Math.max(Math.nextUp(v.hi() - m), Math.nextUp(m - v.lo()));
        return new double[] {m, 0, r};
    }

    /** The interval [lo - rad, lo + rad] (outward): the ball's offset from the double hi. */
    static Interval offset(double lo, double rad) {
        if (rad == 0 && lo == 0) return Interval.ZERO;
        return Interval.of(Math.nextDown(lo - rad), Math.nextUp(lo + rad));
    }

    /** The exact real interval of a ball, for tests. */
    static BigDecimal[] bounds(double hi, double lo, double rad) {
        BigDecimal c = new BigDecimal(hi).add(new BigDecimal(lo)), r = new BigDecimal(rad);
        return new BigDecimal[] {c.subtract(r), c.add(r)};
    }
}
