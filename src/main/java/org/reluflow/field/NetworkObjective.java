package org.reluflow.field;

import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * Empirical loss L(theta) = sum_i p_i ell(f(x_i), y_i) of a two-layer network on a finite data set, with its
 * gradient in closed form. The activation enters only through <em>gates</em> g_ij in [0, 1]
 * (see {@link Activation}): the ordinary gradient uses the gates of the current signs and the declared
 * sigma'(0); event-driven integrators pass frozen or sliding gates so that the field stays polynomial
 * between switches.
 *
 * <p>Not thread-safe: it keeps scratch arrays. Use one instance per thread.
 */
public final class NetworkObjective implements Objective {

    private final Architecture arch;
    private final ParameterLayout layout;
    private final double[][] x;
    private final double[] y;
    private final double[] p;
    private final Loss loss;
    private final int n, m, d;
    private final double s;
    private final double[][] z;      // pre-activations, n x m
    private final double[][] gates;  // scratch gates for the ordinary gradient
    private final double[] residual; // p_i ell'(f_i, y_i)
    private final double[] output;   // f(x_i)

    public NetworkObjective(Problem problem) {
        if (!(problem.data() instanceof FiniteDataset data))
            throw new IllegalArgumentException("NetworkObjective needs a finite data set");
        this.arch = problem.architecture();
        this.layout = arch.layout();
        this.x = data.x();
        this.y = data.y();
        this.p = data.weights();
        this.loss = problem.loss();
        this.n = data.size();
        this.m = arch.width();
        this.d = arch.inputDim();
        this.s = arch.scale();
        this.z = new double[n][m];
        this.gates = new double[n][m];
        this.residual = new double[n];
        this.output = new double[n];
    }

    public ParameterLayout layout() { return layout; }

    public Architecture architecture() { return arch; }

    public int samples() { return n; }

    public double[][] inputs() { return x; }

    public double[] targets() { return y; }

    public double[] sampleWeights() { return p; }

    public Loss loss() { return loss; }

    @Override public int dimension() { return layout.size(); }

    /** Fills {@code out[i][j]} with the pre-activation <w_j, x_i> + b_j. */
    public void preactivations(double[] theta, double[][] out) {
        for (int j = 0; j < m; j++) {
            int base = layout.w(j, 0);
            double bj = layout.bias(theta, j);
            for (int i = 0; i < n; i++) {
                double[] xi = x[i];
                double acc = bj;
                for (int k = 0; k < d; k++) acc += theta[base + k] * xi[k];
                out[i][j] = acc;
            }
        }
    }

    /** The ordinary gates 1[z > 0], with the declared selection at z = 0. */
    public void signGates(double[][] preact, double[][] out) {
        Activation act = arch.activation();
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) out[i][j] = act.gate(preact[i][j]);
    }

    /** Network outputs f(x_i). */
    public double[] predict(double[] theta) {
        preactivations(theta, z);
        signGates(z, gates);
        forward(theta, gates);
        return output.clone();
    }

    /** Prediction at an arbitrary input. */
    public double predict(double[] theta, double[] input) {
        double f = layout.outputBias(theta);
        Activation act = arch.activation();
        for (int j = 0; j < m; j++) f += s * theta[layout.a(j)] * act.value(layout.preactivation(theta, j, input));
        return f;
    }

    @Override public double value(double[] theta) {
        preactivations(theta, z);
        signGates(z, gates);
        return forward(theta, gates);
    }

    @Override public double valueAndGradient(double[] theta, double[] g) {
        if (arch.hiddenBias() || arch.outputBias()) {
            preactivations(theta, z);
            signGates(z, gates);
            return gatedGradient(theta, gates, g, z);
        }
        return signGatedGradientNoBias(theta, g);
    }

    /**
     * The same as {@link #gatedGradient} with sign gates, fused into two passes over the data for the common bias-free
     * case: the hot loop of gradient descent on small networks.
     */
    private double signGatedGradientNoBias(double[] theta, double[] g) {
        Activation act = arch.activation();
        double eps = act.negativeSlope(), slope0 = act.derivativeAtZero();
        int wBase = layout.w(0, 0);
        double value = 0;
        for (int i = 0; i < n; i++) {
            double[] xi = x[i], zi = z[i];
            double f = 0;
            for (int j = 0, base = wBase; j < m; j++, base += d) {
                double acc = 0;
                for (int k = 0; k < d; k++) acc += theta[base + k] * xi[k];
                zi[j] = acc;
                f += theta[j] * (acc > 0 ? acc : acc < 0 ? eps * acc : 0.0);
            }
            f *= s;
            output[i] = f;
            value += p[i] * loss.value(f, y[i]);
            residual[i] = p[i] * loss.derivative(f, y[i]);
        }
        java.util.Arrays.fill(g, 0.0);
        boolean trainA = arch.trainOutputLayer();
        for (int i = 0; i < n; i++) {
            double ri = residual[i];
            if (ri == 0) continue;
            double[] xi = x[i], zi = z[i];
            for (int j = 0, base = wBase; j < m; j++, base += d) {
                double zz = zi[j];
                double slope = zz > 0 ? 1.0 : zz < 0 ? eps : slope0;
                if (slope == 0) continue;
                double rs = ri * slope;
                if (trainA) g[j] += rs * zz;
                double c = s * theta[j] * rs;
                for (int k = 0; k < d; k++) g[base + k] += c * xi[k];
            }
        }
        if (trainA) for (int j = 0; j < m; j++) g[j] *= s;
        return value;
    }

    /**
     * Gradient with explicit gates. {@code preact} must hold the pre-activations of theta (as written by
     * {@link #preactivations}). Returns the loss value with the gated activations sigma(z) = z * slope(g).
     */
    public double gatedGradient(double[] theta, double[][] gate, double[] g, double[][] preact) {
        double value = forwardWith(theta, gate, preact);
        java.util.Arrays.fill(g, 0.0);
        Activation act = arch.activation();
        double[] u = new double[d];
        for (int j = 0; j < m; j++) {
            double aj = theta[layout.a(j)];
            double ga = 0, gb = 0;
            java.util.Arrays.fill(u, 0.0);
            for (int i = 0; i < n; i++) {
                double ri = residual[i];
                if (ri == 0) continue;
                double slope = act.slopeForGate(gate[i][j]);
                if (slope == 0) continue;
                ga += ri * slope * preact[i][j];
                double rs = ri * slope;
                gb += rs;
                double[] xi = x[i];
                for (int k = 0; k < d; k++) u[k] += rs * xi[k];
            }
            if (arch.trainOutputLayer()) g[layout.a(j)] = s * ga;
            int base = layout.w(j, 0);
            for (int k = 0; k < d; k++) g[base + k] = s * aj * u[k];
            if (arch.hiddenBias()) g[layout.b(j)] = s * aj * gb;
        }
        if (arch.outputBias()) {
            double gc = 0;
            for (int i = 0; i < n; i++) gc += residual[i];
            g[layout.c()] = gc;
        }
        return value;
    }

    /** Residuals p_i ell'(f_i, y_i) of the last evaluation. */
    public double[] lastResiduals() { return residual.clone(); }

    /** Residual p_i ell'(f_i, y_i) of sample i in the last evaluation (no copy). */
    public double residual(int i) { return residual[i]; }

    /** Outputs f(x_i) of the last evaluation. */
    public double[] lastOutputs() { return output.clone(); }

    private double forward(double[] theta, double[][] gate) { return forwardWith(theta, gate, z); }

    /**
     * Forward pass with explicit gates: returns L and leaves the outputs and the residuals p_i ell'(f_i, y_i) for
     * {@link #lastOutputs()} / {@link #lastResiduals()}. {@code preact} must hold the pre-activations of theta.
     */
    public double forwardWith(double[] theta, double[][] gate, double[][] preact) {
        Activation act = arch.activation();
        double c = layout.outputBias(theta);
        double value = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < m; j++) {
                double slope = act.slopeForGate(gate[i][j]);
                if (slope != 0) f += theta[layout.a(j)] * slope * preact[i][j];
            }
            f = c + s * f;
            output[i] = f;
            value += p[i] * loss.value(f, y[i]);
            residual[i] = p[i] * loss.derivative(f, y[i]);
        }
        return value;
    }
}
