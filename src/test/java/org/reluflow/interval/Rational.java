package org.reluflow.interval;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact rational numbers for test oracles: every finite double converts exactly. */
record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {

    static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    Rational {
        if (den.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
    }

    /** The exact value of a finite double, from its bits (m * 2^e). */
    static Rational of(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not finite: " + d);
        }
        if (d == 0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(d);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp = 1;            // subnormal
        } else {
            mant |= 1L << 52;
        }
        int e = exp - 1075;     // d = mant * 2^e
        BigInteger m = BigInteger.valueOf(d < 0 ? -mant : mant);
        return e >= 0 ? new Rational(m.shiftLeft(e), BigInteger.ONE) : new Rational(m, BigInteger.ONE.shiftLeft(-e));
    }

    static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    static Rational of(BigDecimal x) {
        return x.scale() >= 0 ? new Rational(x.unscaledValue(), BigInteger.TEN.pow(x.scale()))
                : new Rational(x.unscaledValue().multiply(BigInteger.TEN.pow(-x.scale())), BigInteger.ONE);
    }

    Rational add(Rational o) {
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Rational sub(Rational o) {
        return add(o.negate());
    }

    Rational mul(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    Rational div(Rational o) {
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    Rational negate() {
        return new Rational(num.negate(), den);
    }

    int signum() {
        return num.signum();
    }

    /** Cancels common factors; keeps long elimination chains from blowing up. */
    Rational reduced() {
        BigInteger g = num.gcd(den);
        return g.equals(BigInteger.ONE) || g.signum() == 0 ? this : new Rational(num.divide(g), den.divide(g));
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    int compareTo(double d) {
        return compareTo(of(d));
    }

    static Rational min(Rational... xs) {
        Rational m = xs[0];
        for (Rational x : xs) {
            m = x.compareTo(m) < 0 ? x : m;
        }
        return m;
    }

    static Rational max(Rational... xs) {
        Rational m = xs[0];
        for (Rational x : xs) {
            m = x.compareTo(m) > 0 ? x : m;
        }
        return m;
    }

    BigDecimal toBigDecimal(int digits) {
        return new BigDecimal(num).divide(new BigDecimal(den), new java.math.MathContext(digits));
    }
}
