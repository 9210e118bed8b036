package org.reluflow.model;

/**
 * Shape of the two-layer network f(x) = c + s * sum_{j=1}^m a_j sigma(<w_j, x> + b_j).
 *
 * @param width            m, the number of hidden neurons
 * @param inputDim         d
 * @param hiddenBias       whether the b_j are parameters (otherwise fixed at 0)
 * @param outputBias       whether c is a parameter (otherwise fixed at 0)
 * @param outputScale      s
 * @param trainOutputLayer whether the a_j are trained (NTK analyses fix them)
 * @param activation       the activation and its sigma'(0) selection
 */
public record Architecture(int width, int inputDim, boolean hiddenBias, boolean outputBias,
                           OutputScale outputScale, boolean trainOutputLayer, Activation activation) {
    public Architecture {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1, got " + width);
        if (inputDim < 1) throw new IllegalArgumentException("input dimension must be at least 1, got " + inputDim);
        java.util.Objects.requireNonNull(outputScale);
        java.util.Objects.requireNonNull(activation);
    }

    public double scale() { return outputScale.factor(width); }

    public ParameterLayout layout() { return new ParameterLayout(width, inputDim, hiddenBias, outputBias); }
}
