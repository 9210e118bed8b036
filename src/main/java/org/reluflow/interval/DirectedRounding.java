package org.reluflow.interval;

/**
 * Directed rounding of the basic binary64 operations, emulated exactly with error-free transformations.
 *
 * <p>Every {@code xxxDown} method returns the largest double {@code <=} the exact real result and every
 * {@code xxxUp} method the smallest double {@code >=} it (IEEE 754 roundTowardNegative / roundTowardPositive),
 * with overflow handled as the directed modes do: a finite result beyond {@code MAX_VALUE} rounds to
 * {@code MAX_VALUE} toward zero and to infinity away from zero. Java's {@code + - * /}, {@code Math.sqrt} and
 * {@code Math.fma} are correctly rounded to nearest, so the sign of the exact rounding error decides whether
 * the nearest result must be moved one step with {@link Math#nextUp}/{@link Math#nextDown}.
 *
 * <p>Inputs must not be NaN; the interval layer never passes NaN and resolves the IEEE 1788 conventions
 * ({@code 0 * inf = 0}, no {@code inf - inf}) before calling these.
 */
final class DirectedRounding {

    private DirectedRounding() {
    }

    /**
     * Exponent sum below which the exact residual {@code a*b - c} may be too small for {@code fma} to represent
     * with its sign (it is a multiple of 2^(ulpexp(a) + ulpexp(b)) >= 2^(exp(a) + exp(b) - 104), which must stay
     * >= 2^-1074, the smallest subnormal).
     */
    private static final int RESIDUAL_EXPONENT_FLOOR = -970;

    // ---------------------------------------------------------------- addition

    static double addDown(double a, double b) {
        double s = a + b;
        if (Double.isInfinite(s)) {
            // finite operands: the exact sum overflowed, and rounding toward -inf stops at MAX_VALUE
            return (s > 0 && Double.isFinite(a) && Double.isFinite(b)) ? Double.MAX_VALUE : s;
        }
        return sumError(a, b, s) < 0 ? Math.nextDown(s) : s;
    }

    static double addUp(double a, double b) {
        double s = a + b;
        if (Double.isInfinite(s)) {
            return (s < 0 && Double.isFinite(a) && Double.isFinite(b)) ? -Double.MAX_VALUE : s;
        }
        return sumError(a, b, s) > 0 ? Math.nextUp(s) : s;
    }

    static double subDown(double a, double b) {
        return addDown(a, -b);
    }

    static double subUp(double a, double b) {
        return addUp(a, -b);
    }

    /**
     * Exact error {@code (a + b) - s} of the nearest sum {@code s} (Fast2Sum after ordering by magnitude: unlike
     * 2Sum it has no intermediate overflow, and it is exact for all finite inputs including subnormals).
     */
    private static double sumError(double a, double b, double s) {
        if (Math.abs(a) < Math.abs(b)) {
            double t = a;
            a = b;
            b = t;
        }
        return b - (s - a);
    }

    // ---------------------------------------------------------- multiplication

    /** Rounded-down product, with the IEEE 1788 convention {@code 0 * inf = 0}. */
    static double mulDown(double a, double b) {
        if (a == 0 || b == 0) {
            return 0.0;
        }
        double p = a * b;
        if (Double.isInfinite(p)) {
            return (p > 0 && Double.isFinite(a) && Double.isFinite(b)) ? Double.MAX_VALUE : p;
        }
        return residualSign(a, b, p) < 0 ? Math.nextDown(p) : p;
    }

    /** Rounded-up product, with the IEEE 1788 convention {@code 0 * inf = 0}. */
    static double mulUp(double a, double b) {
        if (a == 0 || b == 0) {
            return 0.0;
        }
        double p = a * b;
        if (Double.isInfinite(p)) {
            return (p < 0 && Double.isFinite(a) && Double.isFinite(b)) ? -Double.MAX_VALUE : p;
        }
        return residualSign(a, b, p) > 0 ? Math.nextUp(p) : p;
    }

    // ---------------------------------------------------------------- division

    /** Rounded-down quotient; requires {@code b != 0} and not both operands infinite. */
    static double divDown(double a, double b) {
        double q = a / b;
        if (Double.isInfinite(q)) {
            return (q > 0 && Double.isFinite(a)) ? Double.MAX_VALUE : q;
        }
        return quotientErrorSign(a, b, q) < 0 ? Math.nextDown(q) : q;
    }

    /** Rounded-up quotient; requires {@code b != 0} and not both operands infinite. */
    static double divUp(double a, double b) {
        double q = a / b;
        if (Double.isInfinite(q)) {
            return (q < 0 && Double.isFinite(a)) ? -Double.MAX_VALUE : q;
        }
        return quotientErrorSign(a, b, q) > 0 ? Math.nextUp(q) : q;
    }

    /** Sign of the exact {@code a/b - q}, which is the sign of {@code (a - q*b) / b}. */
    private static int quotientErrorSign(double a, double b, double q) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return 0; // inf/finite = inf and finite/inf = 0 are exact
        }
        return -residualSign(q, b, a) * (b > 0 ? 1 : -1);
    }

    // -------------------------------------------------------------- square root

    /** Rounded-down square root of {@code x >= 0}. */
    static double sqrtDown(double x) {
        double s = Math.sqrt(x);
        if (s == 0 || Double.isInfinite(s)) {
            return s;
        }
        return residualSign(s, s, x) > 0 ? Math.nextDown(s) : s;
    }

    /** Rounded-up square root of {@code x >= 0}. */
    static double sqrtUp(double x) {
        double s = Math.sqrt(x);
        if (s == 0 || Double.isInfinite(s)) {
            return s;
        }
        return residualSign(s, s, x) < 0 ? Math.nextUp(s) : s;
    }

    // --------------------------------------------------------- exact residuals

    /**
     * Exact sign of {@code a*b - c} for finite {@code a, b, c} with {@code c} within a few units of {@code a*b}
     * (so the residual is far from overflow). {@code fma} rounds the exact residual once, to nearest, which keeps
     * its sign unless the residual is below half the smallest subnormal; when the operands are so small that this
     * can happen, both sides are first scaled by an exact power of two.
     */
    static int residualSign(double a, double b, double c) {
        int k = RESIDUAL_EXPONENT_FLOOR - (Math.getExponent(a) + Math.getExponent(b));
        if (k > 0) {
            // |a*2^k| <= 2^(53 - exp(b)) cannot overflow because exp(a) + exp(b) < -970; c*2^k stays near 2^-970
            a = Math.scalb(a, k);
            c = Math.scalb(c, k);
        }
        return (int) Math.signum(Math.fma(a, b, -c));
    }

    // ------------------------------------------- widening of faithful results

    /**
     * A lower bound of every real {@code f} with {@code |f - c| <= ulps * ulp(f)}: the error model that
     * {@code java.lang.Math} documents for its elementary functions. Walking down from {@code c} by its own
     * spacing suffices unless the walk leaves {@code c}'s binade in the direction of growing magnitude, where
     * {@code ulp(f)} may be twice {@code ulp(c)}; then the walk is doubled.
     */
    static double widenDown(double c, int ulps) {
        if (Double.isInfinite(c)) {
            return c == Double.NEGATIVE_INFINITY ? c : Double.MAX_VALUE;
        }
        double d = walk(c, 2 * ulps, false);
        if (c > 0 || Math.getExponent(d) == Math.getExponent(c)) {
            d = walk(c, ulps, false);
        }
        return d;
    }

    /** Upper counterpart of {@link #widenDown(double, int)}. */
    static double widenUp(double c, int ulps) {
        if (Double.isInfinite(c)) {
            return c == Double.POSITIVE_INFINITY ? c : -Double.MAX_VALUE;
        }
        double u = walk(c, 2 * ulps, true);
        if (c < 0 || Math.getExponent(u) == Math.getExponent(c)) {
            u = walk(c, ulps, true);
        }
        return u;
    }

    private static double walk(double c, int steps, boolean up) {
        double x = c;
        for (int i = 0; i < steps; i++) {
            x = up ? Math.nextUp(x) : Math.nextDown(x);
        }
        return x;
    }
}
