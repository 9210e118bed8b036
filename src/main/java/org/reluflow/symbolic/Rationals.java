package org.reluflow.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact numbers for Symja input. A double from a spec is read as the shortest decimal that prints as it
 * (0.3 is 3/10, not the binary neighbour), which is what the user wrote; {@link #exact} gives the binary value.
 */
public final class Rationals {
    private Rationals() {}

    /** The shortest decimal of v as an exact fraction. */
    public static BigFraction decimal(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not finite: " + v);
        BigDecimal d = new BigDecimal(Double.toString(v));
        return fraction(d);
    }

    /** The exact binary value of v. */
    public static BigFraction exact(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not finite: " + v);
        return fraction(new BigDecimal(v));
    }

    private static BigFraction fraction(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        return scale >= 0 ? new BigFraction(unscaled, BigInteger.TEN.pow(scale))
                : new BigFraction(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    /** Symja input text of a fraction, parenthesized: (-3/10). */
    public static String symja(BigFraction f) {
        return f.getDenominator().equals(BigInteger.ONE) ? "(" + f.getNumerator() + ")"
                : "(" + f.getNumerator() + "/" + f.getDenominator() + ")";
    }

    public static String symja(double v) { return symja(decimal(v)); }
}
