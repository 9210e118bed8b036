package org.reluflow.interval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Interval extensions of elementary functions on top of {@code java.lang.Math}.
 *
 * <p>{@code java.lang.Math} documents its error bounds: exp, expm1, log, log1p, sin, cos and atan are within
 * 1 ulp of the exact result, tanh within 2.5 ulps. Each computed endpoint value is widened outward by that
 * bound (read conservatively across binade boundaries, see {@link DirectedRounding#widenDown}) and then
 * clipped to the known range of the function. Monotone functions are evaluated at the endpoints; sin and cos
 * decide rigorously which extrema the interval contains by enclosing {@code x * 2/pi}.
 */
final class Elementary {

    private static final int ULPS_1 = 1;
    private static final int ULPS_TANH = 3; // documented: 2.5 ulps

    /**
     * A double just below ln(MAX_VALUE) whose Math.exp is finite. When Math.exp(lo) overflows, e^lo is at
     * least e^EXP_SAFE_ARGUMENT, and the widened value at this argument is a valid lower bound.
     */
    private static final double EXP_SAFE_ARGUMENT = 709.782712893384;

    /** Beyond this magnitude sin/cos return [-1, 1] instead of tracking quadrants in long arithmetic. */
    private static final double TRIG_QUADRANT_LIMIT = 0x1p50;

    /** Rigorous enclosure of 2/pi, derived from the decimal bounds of pi with directed BigDecimal rounding. */
    static final Interval TWO_OVER_PI;

    static {
        MathContext floor = new MathContext(60, RoundingMode.FLOOR);
        MathContext ceiling = new MathContext(60, RoundingMode.CEILING);
        BigDecimal two = BigDecimal.valueOf(2);
        TWO_OVER_PI = Interval.fromBigDecimal(two.divide(DecimalConversion.PI_UPPER, floor),
                two.divide(DecimalConversion.PI_LOWER, ceiling));
    }

    private Elementary() {
    }

    static Interval exp(Interval x) {
        if (x.isEmpty()) {
            return Interval.EMPTY;
        }
        double lo = Math.max(0.0, DirectedRounding.widenDown(Math.exp(Math.min(x.lo(), EXP_SAFE_ARGUMENT)), ULPS_1));
        double hi = DirectedRounding.widenUp(Math.exp(x.hi()), ULPS_1);
        return Interval.bounds(lo, hi);
    }

    static Interval expm1(Interval x) {
        if (x.isEmpty()) {
            return Interval.EMPTY;
        }
        double lo = Math.max(-1.0,
                DirectedRounding.widenDown(Math.expm1(Math.min(x.lo(), EXP_SAFE_ARGUMENT)), ULPS_1));
        double hi = DirectedRounding.widenUp(Math.expm1(x.hi()), ULPS_1);
        return Interval.bounds(lo, hi);
    }

    static Interval log(Interval x) {
        if (x.isEmpty() || x.hi() <= 0) {
            return Interval.EMPTY;
        }
        double lo = x.lo() <= 0 ? Double.NEGATIVE_INFINITY : DirectedRounding.widenDown(Math.log(x.lo()), ULPS_1);
        return Interval.bounds(lo, DirectedRounding.widenUp(Math.log(x.hi()), ULPS_1));
    }

    static Interval log1p(Interval x) {
        if (x.isEmpty() || x.hi() <= -1) {
            return Interval.EMPTY;
        }
        double lo = x.lo() <= -1 ? Double.NEGATIVE_INFINITY
                : DirectedRounding.widenDown(Math.log1p(x.lo()), ULPS_1);
        return Interval.bounds(lo, DirectedRounding.widenUp(Math.log1p(x.hi()), ULPS_1));
    }

    static Interval tanh(Interval x) {
        if (x.isEmpty()) {
            return Interval.EMPTY;
        }
        double lo = Math.max(-1.0, DirectedRounding.widenDown(Math.tanh(x.lo()), ULPS_TANH));
        double hi = Math.min(1.0, DirectedRounding.widenUp(Math.tanh(x.hi()), ULPS_TANH));
        return Interval.bounds(lo, hi);
    }

    static Interval atan(Interval x) {
        if (x.isEmpty()) {
            return Interval.EMPTY;
        }
        double bound = Interval.HALF_PI.hi();
        double lo = Math.max(-bound, DirectedRounding.widenDown(Math.atan(x.lo()), ULPS_1));
        double hi = Math.min(bound, DirectedRounding.widenUp(Math.atan(x.hi()), ULPS_1));
        return Interval.bounds(lo, hi);
    }

    // ------------------------------------------------------------- sin / cos

    /*
     * Quadrant q of a real t is floor(t / (pi/2)). A maximum of sin sits on the boundary (q+1)*pi/2 between
     * quadrants q and q+1 with q = 0 mod 4, a minimum with q = 2 mod 4; for cos the residues are 3 (maximum)
     * and 1 (minimum). [lo, hi] contains the boundaries after quadrants qlo .. qhi-1. Using a lower bound for
     * qlo and an upper bound for qhi can only add extrema, which keeps the result an enclosure.
     */

    static Interval sin(Interval x) {
        return trig(x, true);
    }

    static Interval cos(Interval x) {
        return trig(x, false);
    }

    private static Interval trig(Interval x, boolean sine) {
        if (x.isEmpty()) {
            return Interval.EMPTY;
        }
        Interval full = Interval.of(-1.0, 1.0);
        if (Math.max(Math.abs(x.lo()), Math.abs(x.hi())) > TRIG_QUADRANT_LIMIT) {
            return full; // also covers infinite endpoints
        }
        long qlo = (long) Math.floor(Interval.of(x.lo()).mul(TWO_OVER_PI).lo());
        long qhi = (long) Math.floor(Interval.of(x.hi()).mul(TWO_OVER_PI).hi());
        if (qhi - qlo >= 4) {
            return full;
        }
        boolean hasMax = containsBoundary(qlo, qhi, sine ? 0 : 3);
        boolean hasMin = containsBoundary(qlo, qhi, sine ? 2 : 1);
        double flo = sine ? Math.sin(x.lo()) : Math.cos(x.lo());
        double fhi = sine ? Math.sin(x.hi()) : Math.cos(x.hi());
        double lo = hasMin ? -1.0 : Math.max(-1.0,
                Math.min(DirectedRounding.widenDown(flo, ULPS_1), DirectedRounding.widenDown(fhi, ULPS_1)));
        double hi = hasMax ? 1.0 : Math.min(1.0,
                Math.max(DirectedRounding.widenUp(flo, ULPS_1), DirectedRounding.widenUp(fhi, ULPS_1)));
        return Interval.bounds(lo, hi);
    }

    /** Is there a q in [qlo, qhi - 1] with q = residue (mod 4)? */
    private static boolean containsBoundary(long qlo, long qhi, int residue) {
        long first = qlo + Math.floorMod(residue - qlo, 4L);
        return first <= qhi - 1;
    }
}
