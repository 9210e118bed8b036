package org.reluflow.model;

/** Scalar input x in [a, b] under Lebesgue measure with the affine target alpha x + beta (Cheridito et al.). */
public record IntervalTarget(double a, double b, double alpha, double beta) implements Dataset {
    public IntervalTarget {
        if (!(Double.isFinite(a) && Double.isFinite(b) && a < b))
            throw new IllegalArgumentException("interval needs finite a < b, got [" + a + ", " + b + "]");
        if (!Double.isFinite(alpha) || !Double.isFinite(beta))
            throw new IllegalArgumentException("affine target coefficients must be finite");
    }

    public double target(double x) { return alpha * x + beta; }

    @Override public int inputDim() { return 1; }
}
