package org.reluflow.interval;

import java.util.function.ToIntFunction;

/**
 * Oracles for directed rounding. An exact real is given by its comparison with doubles:
 * {@code cmp.applyAsInt(d)} is the sign of {@code exact - d} for finite {@code d}.
 */
final class ExactChecks {

    private ExactChecks() {
    }

    static ToIntFunction<Double> exact(Rational r) {
        return d -> r.compareTo(d);
    }

    /** sqrt(x) for x >= 0. */
    static ToIntFunction<Double> sqrtOf(Rational x) {
        return d -> d < 0 ? 1 : x.compareTo(Rational.of(d).mul(Rational.of(d)));
    }

    /**
     * Null if {@code lo} is the largest double {@code <=} the exact value (the tight lower bound), else a
     * description of the violation: containment (lo above the value) or tightness (nextUp(lo) still below).
     */
    static String lowerViolation(double lo, ToIntFunction<Double> exactCmp) {
        if (Double.isNaN(lo) || lo == Double.POSITIVE_INFINITY) {
            return "invalid lower bound " + lo;
        }
        if (lo == Double.NEGATIVE_INFINITY) {
            return exactCmp.applyAsInt(-Double.MAX_VALUE) < 0 ? null : "lower bound -inf is not tight";
        }
        if (exactCmp.applyAsInt(lo) < 0) {
            return "containment: lower bound " + lo + " exceeds the exact value";
        }
        if (lo != Double.MAX_VALUE && exactCmp.applyAsInt(Math.nextUp(lo)) >= 0) {
            return "tightness: nextUp(lo) = " + Math.nextUp(lo) + " is still <= the exact value";
        }
        return null;
    }

    /** Mirror of {@link #lowerViolation}: null iff {@code hi} is the smallest double {@code >=} the exact value. */
    static String upperViolation(double hi, ToIntFunction<Double> exactCmp) {
        if (Double.isNaN(hi) || hi == Double.NEGATIVE_INFINITY) {
            return "invalid upper bound " + hi;
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return exactCmp.applyAsInt(Double.MAX_VALUE) > 0 ? null : "upper bound +inf is not tight";
        }
        if (exactCmp.applyAsInt(hi) > 0) {
            return "containment: upper bound " + hi + " is below the exact value";
        }
        if (hi != -Double.MAX_VALUE && exactCmp.applyAsInt(Math.nextDown(hi)) <= 0) {
            return "tightness: nextDown(hi) = " + Math.nextDown(hi) + " is still >= the exact value";
        }
        return null;
    }

    /** Combined check of a result against its exact range [lower, upper]; null if both bounds are tight. */
    static String tightViolation(Interval result, ToIntFunction<Double> lower, ToIntFunction<Double> upper) {
        String l = lowerViolation(result.lo(), lower);
        if (l != null) {
            return "lower endpoint of " + result + ": " + l;
        }
        String u = upperViolation(result.hi(), upper);
        return u == null ? null : "upper endpoint of " + result + ": " + u;
    }

    /** Only containment: lo <= lower and upper <= hi (exact). */
    static String containmentViolation(Interval result, ToIntFunction<Double> lower, ToIntFunction<Double> upper) {
        if (result.isEmpty()) {
            return "empty result";
        }
        if (result.lo() != Double.NEGATIVE_INFINITY && lower.applyAsInt(result.lo()) < 0) {
            return "lower bound of " + result + " exceeds the exact value";
        }
        if (result.hi() != Double.POSITIVE_INFINITY && upper.applyAsInt(result.hi()) > 0) {
            return "upper bound of " + result + " is below the exact value";
        }
        return null;
    }
}
