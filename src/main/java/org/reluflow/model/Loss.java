package org.reluflow.model;

/**
 * Per-sample losses ell(f, y) and their derivatives in f. The empirical loss is
 * L = sum_i p_i ell(f(x_i), y_i) with sample weights p_i (1/n by default).
 * {@link #SQUARE_INTEGRAL} is the loss int_a^b (f(x) - alpha x - beta)^2 dx of a scalar-input problem
 * and has no per-sample form.
 */
public enum Loss {
    /** ell = (f - y)^2 / 2. */
    SQUARE,
    /** ell = exp(-y f), labels in {-1, +1}. */
    EXPONENTIAL,
    /** ell = log(1 + exp(-y f)), labels in {-1, +1}. */
    LOGISTIC,
    /** int_a^b (f(x) - target(x))^2 dx over the interval measure. */
    SQUARE_INTEGRAL;

    public boolean isClassification() { return this == EXPONENTIAL || this == LOGISTIC; }

    public double value(double f, double y) {
        return switch (this) {
            case SQUARE -> 0.5 * (f - y) * (f - y);
            case EXPONENTIAL -> Math.exp(-y * f);
            case LOGISTIC -> softplus(-y * f);
            case SQUARE_INTEGRAL -> throw new UnsupportedOperationException("square_integral has no per-sample value");
        };
    }

    /** d ell / d f. */
    public double derivative(double f, double y) {
        return switch (this) {
            case SQUARE -> f - y;
            case EXPONENTIAL -> -y * Math.exp(-y * f);
            case LOGISTIC -> -y * sigmoid(y * f, true);
            case SQUARE_INTEGRAL -> throw new UnsupportedOperationException("square_integral has no per-sample value");
        };
    }

    /** d^2 ell / d f^2. */
    public double secondDerivative(double f, double y) {
        return switch (this) {
            case SQUARE -> 1.0;
            case EXPONENTIAL -> y * y * Math.exp(-y * f);
            case LOGISTIC -> { double s = sigmoid(y * f, false); yield y * y * s * (1 - s); }
            case SQUARE_INTEGRAL -> throw new UnsupportedOperationException("square_integral has no per-sample value");
        };
    }

    public String specName() { return name().toLowerCase(java.util.Locale.ROOT); }

    private static double softplus(double u) { return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)); }

    /** sigmoid(u) or, with complement, 1 - sigmoid(u) = sigmoid(-u), both without overflow. */
    private static double sigmoid(double u, boolean complement) {
        double v = complement ? -u : u;
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }
}
