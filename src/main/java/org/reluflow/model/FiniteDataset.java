package org.reluflow.model;

/**
 * n points x_i in R^d with targets (or labels) y_i and sample weights p_i; L = sum_i p_i ell(f(x_i), y_i).
 * Arrays are defensive copies; treat them as read-only.
 */
public record FiniteDataset(double[][] x, double[] y, double[] weights) implements Dataset {
    public FiniteDataset {
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("data set is empty");
        if (y.length != n) throw new IllegalArgumentException(n + " inputs but " + y.length + " targets");
        if (weights.length != n) throw new IllegalArgumentException(n + " inputs but " + weights.length + " weights");
        int d = x[0].length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d)
                throw new IllegalArgumentException("input " + (i + 1) + " has dimension " + x[i].length + ", expected " + d);
            for (double v : x[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException("input " + (i + 1) + " is not finite");
            if (!Double.isFinite(y[i])) throw new IllegalArgumentException("target " + (i + 1) + " is not finite");
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i]))
                throw new IllegalArgumentException("weight " + (i + 1) + " must be finite and non-negative");
            copy[i] = x[i].clone();
        }
        x = copy;
        y = y.clone();
        weights = weights.clone();
    }

    /** Uniform weights 1/n. */
    public static FiniteDataset uniform(double[][] x, double[] y) {
        double[] p = new double[y.length];
        java.util.Arrays.fill(p, 1.0 / y.length);
        return new FiniteDataset(x, y, p);
    }

    public int size() { return x.length; }

    @Override public int inputDim() { return x[0].length; }
}
