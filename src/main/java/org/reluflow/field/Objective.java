package org.reluflow.field;

/**
 * A differentiable (almost everywhere) training loss over a flat parameter vector.
 *
 * <p>The gradient is the one every engine integrates, so it is where a problem's
 * {@link org.reluflow.model.Perturbation#fieldScale()} enters: implementations return fieldScale * grad L (the
 * identity for real runs) and the unscaled loss value. Mutation runs thereby reach every engine through one door.
 */
public interface Objective {

    int dimension();

    double value(double[] theta);

    /**
     * Writes dL/dtheta (times the problem's field scale) into {@code gradient} (length {@link #dimension()}) and
     * returns L(theta), unscaled.
     */
    double valueAndGradient(double[] theta, double[] gradient);

    default double[] gradient(double[] theta) {
        double[] g = new double[dimension()];
        valueAndGradient(theta, g);
        return g;
    }

    /** Multiplies {@code g} by {@code scale} in place, unless it is 1 (real runs stay bit-identical). */
    static void scale(double[] g, double scale) {
        if (scale != 1) for (int k = 0; k < g.length; k++) g[k] *= scale;
    }
}
