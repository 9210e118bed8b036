package org.reluflow.symbolic;

import org.hipparchus.fraction.BigFraction;

/** Plain double arithmetic; UnitStep[0] is {@code stepAtZero} (Symja's convention is 1). */
public record DoubleArithmetic(double stepAtZero) implements Arithmetic<Double> {
    public static final DoubleArithmetic INSTANCE = new DoubleArithmetic(1.0);

    public Double constant(BigFraction v) { return v.doubleValue(); }
    public Double add(Double a, Double b) { return a + b; }
    public Double subtract(Double a, Double b) { return a - b; }
    public Double multiply(Double a, Double b) { return a * b; }
    public Double divide(Double a, Double b) { return a / b; }
    public Double negate(Double a) { return -a; }
    public Double power(Double a, int n) {
        if (n == 2) return a * a;
        if (n < 0) return 1 / power(a, -n);
        double r = 1, base = a;
        for (int e = n; e > 0; e >>= 1) { if ((e & 1) == 1) r *= base; base *= base; }
        return r;
    }
    public Double sqrt(Double a) { return Math.sqrt(a); }
    public Double exp(Double a) { return Math.exp(a); }
    public Double log(Double a) { return Math.log(a); }
    public Double ramp(Double a) { return a > 0 ? a : 0.0; }
    public Double unitStep(Double a) { return a > 0 ? 1.0 : a < 0 ? 0.0 : stepAtZero; }
}
