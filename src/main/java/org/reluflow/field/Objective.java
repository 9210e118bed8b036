package org.reluflow.field;

/** A differentiable (almost everywhere) training loss over a flat parameter vector. */
public interface Objective {

    int dimension();

    double value(double[] theta);

    /** Writes dL/dtheta into {@code gradient} (length {@link #dimension()}) and returns L(theta). */
    double valueAndGradient(double[] theta, double[] gradient);

    default double[] gradient(double[] theta) {
        double[] g = new double[dimension()];
        valueAndGradient(theta, g);
        return g;
    }
}
