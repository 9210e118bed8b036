package org.reluflow.model;

/**
 * sigma(z) = max(z, eps z) with eps = negativeSlope (0 for ReLU), and the declared selection
 * sigma'(0) = derivativeAtZero. Both activations are positively 1-homogeneous, which is what makes
 * a_j^2 - |w_j|^2 - b_j^2 a conserved quantity of gradient flow.
 *
 * <p>Numeric kernels work with a <em>gate</em> g in [0,1] per (sample, neuron): sigma'(z) = eps + (1-eps) g
 * and sigma(z) = z (eps + (1-eps) g). The ordinary gate is 1[z &gt; 0] (and {@link #gateAtZero()} at z = 0);
 * a Filippov sliding mode picks a fractional gate instead.
 */
public record Activation(double negativeSlope, double derivativeAtZero) {

    public Activation {
        if (!(negativeSlope >= 0 && negativeSlope <= 1))
            throw new IllegalArgumentException("leaky slope must lie in [0, 1] (1 = linear), got " + negativeSlope);
        double lo = Math.min(negativeSlope, 1), hi = Math.max(negativeSlope, 1);
        if (!(derivativeAtZero >= lo && derivativeAtZero <= hi))
            throw new IllegalArgumentException("sigma'(0) must lie in the Clarke subdifferential ["
                    + lo + ", " + hi + "], got " + derivativeAtZero);
    }

    public static Activation relu() { return new Activation(0.0, 0.0); }

    /** The identity activation: a two-layer linear network (Saxe et al.). */
    public static Activation linear() { return new Activation(1.0, 1.0); }

    public boolean isLinear() { return negativeSlope == 1.0; }

    public boolean isRelu() { return negativeSlope == 0.0; }

    public double value(double z) { return z > 0 ? z : negativeSlope * z; }

    public double derivative(double z) { return z > 0 ? 1.0 : z < 0 ? negativeSlope : derivativeAtZero; }

    /** The gate that reproduces the declared sigma'(0). */
    public double gateAtZero() { return isLinear() ? 1.0 : (derivativeAtZero - negativeSlope) / (1 - negativeSlope); }

    public double gate(double z) { return z > 0 ? 1.0 : z < 0 ? 0.0 : gateAtZero(); }

    public double slopeForGate(double gate) { return negativeSlope + (1 - negativeSlope) * gate; }

    public String describe() {
        if (isLinear()) return "linear";
        return (isRelu() ? "relu" : "leaky_relu(" + negativeSlope + ")") + ", sigma'(0) = " + derivativeAtZero;
    }
}
