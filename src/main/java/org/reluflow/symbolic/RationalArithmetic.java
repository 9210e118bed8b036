package org.reluflow.symbolic;

import org.hipparchus.fraction.BigFraction;

/** Exact rational arithmetic for straight-line programs without transcendental functions. */
public final class RationalArithmetic implements Arithmetic<BigFraction> {
    public static final RationalArithmetic INSTANCE = new RationalArithmetic();

    public BigFraction constant(BigFraction v) { return v; }
    public BigFraction add(BigFraction a, BigFraction b) { return a.add(b); }
    public BigFraction subtract(BigFraction a, BigFraction b) { return a.subtract(b); }
    public BigFraction multiply(BigFraction a, BigFraction b) { return a.multiply(b); }
    public BigFraction divide(BigFraction a, BigFraction b) { return a.divide(b); }
    public BigFraction negate(BigFraction a) { return a.negate(); }
    public BigFraction power(BigFraction a, int n) { return n >= 0 ? a.pow(n) : BigFraction.ONE.divide(a.pow(-n)); }
    public BigFraction sqrt(BigFraction a) { throw new ArithmeticException("sqrt is not rational"); }
    public BigFraction exp(BigFraction a) { throw new ArithmeticException("exp is not rational"); }
    public BigFraction log(BigFraction a) { throw new ArithmeticException("log is not rational"); }
    public BigFraction ramp(BigFraction a) { return a.signum() > 0 ? a : BigFraction.ZERO; }
    public BigFraction unitStep(BigFraction a) { return a.signum() > 0 ? BigFraction.ONE : BigFraction.ZERO; }
}
