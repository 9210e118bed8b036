package org.reluflow.interval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reference values of elementary functions in BigDecimal, to about 60 significant digits (working precision
 * 90), relative accuracy also for tiny arguments. Only for test oracles: simple series, not fast.
 */
public final class HighPrecision {

    public static final MathContext MC = new MathContext(90, RoundingMode.HALF_EVEN);
    /** Relative accuracy claimed for the results (generous against the working precision). */
    static final BigDecimal RELATIVE_ERROR = new BigDecimal("1e-55");

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal PI = machinPi(new MathContext(160));

    private HighPrecision() {
    }

    /** pi = 16 atan(1/5) - 4 atan(1/239), to the given precision. */
    static BigDecimal machinPi(MathContext mc) {
        MathContext w = new MathContext(mc.getPrecision() + 10);
        BigDecimal a = atanInverse(5, w).multiply(BigDecimal.valueOf(16));
        BigDecimal b = atanInverse(239, w).multiply(BigDecimal.valueOf(4));
        return a.subtract(b).round(mc);
    }

    private static BigDecimal atanInverse(int n, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int k = 1; term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), mc), mc);
        }
        return sum;
    }

    public static BigDecimal pi() {
        return PI;
    }

    /** Taylor series sum of x^k / k! from k = 1 (that is, expm1) for |x| <= 1, relative accuracy. */
    private static BigDecimal expm1Series(BigDecimal x) {
        BigDecimal term = x;
        BigDecimal sum = x;
        for (int k = 2; k < 400; k++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().ulp()) < 0) {
                break;
            }
        }
        return sum;
    }

    public static BigDecimal exp(BigDecimal x) {
        if (x.signum() < 0) {
            return BigDecimal.ONE.divide(exp(x.negate()), MC);
        }
        // e^x = (e^(x / 2^k))^(2^k) with x / 2^k <= 1/2
        int k = 0;
        BigDecimal r = x;
        while (r.compareTo(new BigDecimal("0.5")) > 0) {
            r = r.divide(TWO, MC);
            k++;
        }
        BigDecimal y = BigDecimal.ONE.add(expm1Series(r), MC);
        for (int i = 0; i < k; i++) {
            y = y.multiply(y, MC);
        }
        return y;
    }

    static BigDecimal expm1(BigDecimal x) {
        return x.abs().compareTo(BigDecimal.ONE) <= 0 ? expm1Series(x) : exp(x).subtract(BigDecimal.ONE, MC);
    }

    /** Natural logarithm of x > 0, by Halley iteration on exp from a double guess. */
    static BigDecimal log(BigDecimal x) {
        double guess = Math.log(x.doubleValue());
        if (!Double.isFinite(guess)) {
            // beyond double range: log(x) = log(x / 10^s) + s log(10)
            int s = x.precision() - x.scale() - 1;
            return log(x.movePointLeft(s)).add(log(BigDecimal.TEN).multiply(BigDecimal.valueOf(s), MC), MC);
        }
        BigDecimal y = new BigDecimal(guess);
        for (int i = 0; i < 6; i++) {
            BigDecimal e = exp(y);
            y = y.add(TWO.multiply(x.subtract(e, MC), MC).divide(x.add(e, MC), MC), MC);
        }
        return y;
    }

    static BigDecimal log1p(BigDecimal x) {
        if (x.abs().compareTo(new BigDecimal("0.001")) > 0) {
            return log(BigDecimal.ONE.add(x));
        }
        // x - x^2/2 + x^3/3 - ...: relative accuracy for tiny x, where 1 + x would need many digits
        BigDecimal power = x;
        BigDecimal sum = x;
        for (int k = 2; k < 200; k++) {
            power = power.multiply(x, MC).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().ulp()) < 0) {
                break;
            }
        }
        return sum;
    }

    /** sin or cos after reduction modulo 2 pi with a 160-digit pi (adequate for |x| up to about 1e60). */
    public static BigDecimal sin(BigDecimal x) {
        return trig(x, true);
    }

    public static BigDecimal cos(BigDecimal x) {
        return trig(x, false);
    }

    private static BigDecimal trig(BigDecimal x, boolean sine) {
        MathContext wide = new MathContext(160);
        BigDecimal twoPi = PI.multiply(TWO);
        BigDecimal k = x.divide(twoPi, wide).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal r = x.subtract(k.multiply(twoPi, wide), wide); // |r| <= pi
        BigDecimal r2 = r.multiply(r, MC);
        BigDecimal term = sine ? r : BigDecimal.ONE;
        BigDecimal sum = term;
        for (int n = sine ? 1 : 0; n < 600; n += 2) {
            term = term.multiply(r2, MC).divide(BigDecimal.valueOf((long) (n + 1) * (n + 2)), MC).negate();
            sum = sum.add(term, MC);
            if (term.signum() == 0 || (term.abs().compareTo(new BigDecimal("1e-120")) < 0
                    && term.abs().compareTo(sum.abs().ulp()) < 0)) {
                break;
            }
        }
        return sum;
    }

    public static BigDecimal atan(BigDecimal x) {
        if (x.signum() < 0) {
            return atan(x.negate()).negate();
        }
        if (x.compareTo(BigDecimal.ONE) > 0) {
            return PI.divide(TWO, MC).subtract(atan(BigDecimal.ONE.divide(x, MC)), MC);
        }
        // atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))) until x is small, then the alternating series
        int doublings = 0;
        while (x.compareTo(new BigDecimal("0.1")) > 0) {
            x = x.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(x.multiply(x, MC)).sqrt(MC)), MC);
            doublings++;
        }
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal power = x;
        BigDecimal sum = x;
        for (int k = 1; k < 400; k++) {
            power = power.multiply(x2, MC).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), MC);
            sum = sum.add(term, MC);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().ulp()) < 0) {
                break;
            }
        }
        return sum.multiply(BigDecimal.valueOf(1L << doublings), MC);
    }

    /** tanh(x) = expm1(2x) / (expm1(2x) + 2). */
    static BigDecimal tanh(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.valueOf(200)) > 0) {
            // |tanh| = 1 - 2 e^(-2|x|) + ...: within 1e-170 of +-1, far below the claimed accuracy
            return BigDecimal.valueOf(x.signum());
        }
        BigDecimal e = expm1(x.multiply(TWO));
        return e.divide(e.add(TWO), MC);
    }

    /**
     * Null unless the interval certainly misses the reference value {@code v}: a bound must be beyond
     * {@code v} by more than the reference's own error to count as a violation. (Demanding certain
     * containment instead would reject correct bounds such as cos([-1e-28, 0]) <= 1, whose true value is
     * closer to the bound than the 60-digit reference can resolve.)
     */
    static String containment(Interval r, BigDecimal v, String what) {
        BigDecimal err = v.abs().multiply(RELATIVE_ERROR);
        if (r.isEmpty()) {
            return what + ": empty result";
        }
        if (r.lo() != Double.NEGATIVE_INFINITY && new BigDecimal(r.lo()).compareTo(v.add(err)) > 0) {
            return what + ": lower bound of " + r + " exceeds the reference " + v.round(new MathContext(25));
        }
        if (r.hi() != Double.POSITIVE_INFINITY && new BigDecimal(r.hi()).compareTo(v.subtract(err)) < 0) {
            return what + ": upper bound of " + r + " is below the reference " + v.round(new MathContext(25));
        }
        return null;
    }
}
