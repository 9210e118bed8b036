package org.reluflow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters are one flat vector with named blocks, in this order:
 * {@code a_1..a_m, w_{1,1}..w_{1,d}, ..., w_{m,d}, b_1..b_m (if hidden bias), c (if output bias)}.
 */
public record ParameterLayout(int width, int inputDim, boolean hiddenBias, boolean outputBias) {

    public int size() { return width * (1 + inputDim) + (hiddenBias ? width : 0) + (outputBias ? 1 : 0); }

    public int a(int j) { return j; }

    public int w(int j, int k) { return width + j * inputDim + k; }

    /** Index of b_j; only meaningful with a hidden bias. */
    public int b(int j) {
        if (!hiddenBias) throw new IllegalStateException("no hidden bias in this layout");
        return width * (1 + inputDim) + j;
    }

    /** Index of c; only meaningful with an output bias. */
    public int c() {
        if (!outputBias) throw new IllegalStateException("no output bias in this layout");
        return size() - 1;
    }

    public double[] wRow(double[] theta, int j) {
        double[] w = new double[inputDim];
        System.arraycopy(theta, w(j, 0), w, 0, inputDim);
        return w;
    }

    public double bias(double[] theta, int j) { return hiddenBias ? theta[b(j)] : 0.0; }

    public double outputBias(double[] theta) { return outputBias ? theta[c()] : 0.0; }

    /** Pre-activation <w_j, x> + b_j. */
    public double preactivation(double[] theta, int j, double[] x) {
        int base = w(j, 0);
        double z = hiddenBias ? theta[b(j)] : 0.0;
        for (int k = 0; k < inputDim; k++) z += theta[base + k] * x[k];
        return z;
    }

    /** a_j^2 - |w_j|^2 - b_j^2, conserved by gradient flow for homogeneous activations. */
    public double balancedness(double[] theta, int j) {
        double s = theta[a(j)] * theta[a(j)];
        for (int k = 0; k < inputDim; k++) s -= theta[w(j, k)] * theta[w(j, k)];
        if (hiddenBias) s -= theta[b(j)] * theta[b(j)];
        return s;
    }

    /** Human-readable names, e.g. a1, w1_2, b3, c (1-based, as in the papers). */
    public List<String> names() {
        List<String> n = new ArrayList<>(size());
        for (int j = 0; j < width; j++) n.add("a" + (j + 1));
        for (int j = 0; j < width; j++) for (int k = 0; k < inputDim; k++) n.add("w" + (j + 1) + "_" + (k + 1));
        if (hiddenBias) for (int j = 0; j < width; j++) n.add("b" + (j + 1));
        if (outputBias) n.add("c");
        return n;
    }
}
