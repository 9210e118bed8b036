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
    /** The problem's field scale (1 but in mutation runs): multiplies every gradient, never the loss. */
    private final double fieldScale;
    private final double[][] z;      // pre-activations, n x m
    private final double[][] gates;  // scratch gates for the ordinary gradient
    private final double[] residual; // p_i ell'(f_i, y_i)
    private final double[] output;   // f(x_i)
    // scratch of the bias-free kernel, rows of length m: W transposed, activations, backpropagated signals,
    // weight gradient transposed; x transposed (d x n, fixed); s a_j; the gradient in a
    private final double[][] wt, h, delta, gwt, xt;
    private final double[] sa, ga;

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
        this.fieldScale = problem.perturbation().fieldScale();
        this.z = new double[n][m];
        this.gates = new double[n][m];
        this.residual = new double[n];
        this.output = new double[n];
        this.wt = new double[d][m];
        this.h = new double[n][m];
        this.delta = new double[n][m];
        this.gwt = new double[d][m];
        this.xt = new double[d][n];
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) xt[k][i] = x[i][k];
        this.sa = new double[m];
        this.ga = new double[m];
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
        org.reluflow.model.Cancelled.checkpoint();
        if (arch.hiddenBias() || arch.outputBias()) {
            preactivations(theta, z);
            signGates(z, gates);
            return gatedGradient(theta, gates, g, z);
        }
        double value = signGatedGradientNoBias(theta, g);
        Objective.scale(g, fieldScale);
        return value;
    }

    /**
     * The same as {@link #gatedGradient} with sign gates, for the common bias-free case: the hot loop of gradient
     * descent on small networks.
     *
     * <p>Shaped for C2's auto-vectorizer, which turns {@code out[j] += c * row[j]} loops over the width m into SIMD
     * code but leaves dot products (floating-point reductions) scalar. So W is copied transposed into d rows of
     * length m, both matrix products run as {@link #combineRows} over m, the gates enter as 0/1 factors instead of
     * branches, and the weight gradient is built transposed and copied back at the end. Every sum runs in the same
     * order as the plain loops (over k, then over i), so for ReLU (either sigma'(0)) and the linear activation the
     * results are bit-for-bit those of the straightforward kernel; a leaky slope changes the rounding of the
     * products s a_j sigma'(z) r_i.
     */
    private double signGatedGradientNoBias(double[] theta, double[] g) {
        final int n = this.n, m = this.m, d = this.d;
        Activation act = arch.activation();
        double eps = act.negativeSlope(), slope0 = act.derivativeAtZero();
        copyTransposed(theta, m, d, wt);
        for (int j = 0; j < m; j++) sa[j] = s * theta[j];
        boolean plainRelu = eps == 0 && slope0 == 0;
        // forward: z_i = sum_k x_ik w_.k, h_i = sigma(z_i), and delta_ij = s a_j sigma'(z_ij) (times r_i later)
        for (int i = 0; i < n; i++) {
            double[] zi = z[i], hi = h[i], di = delta[i];
            combineRows(zi, wt, x[i], d);
            if (plainRelu) for (int j = 0; j < m; j++) {
                double hz = Math.max(zi[j], 0.0);
                hi[j] = hz;
                di[j] = sa[j] * positive(hz);
            } else for (int j = 0; j < m; j++) {
                double zz = zi[j], pos = positive(zz), neg = positive(-zz);
                hi[j] = Math.max(zz, eps * zz);
                di[j] = sa[j] * (pos + eps * neg + slope0 * (1 - pos - neg));
            }
        }
        // outputs f_i = s sum_j a_j h_ij: four samples per pass, so that four sums run side by side
        double value = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            double[] h0 = h[i], h1 = h[i + 1], h2 = h[i + 2], h3 = h[i + 3];
            double f0 = 0, f1 = 0, f2 = 0, f3 = 0;
            for (int j = 0; j < m; j++) {
                double aj = theta[j];
                f0 += aj * h0[j];
                f1 += aj * h1[j];
                f2 += aj * h2[j];
                f3 += aj * h3[j];
            }
            value += record(i, f0);
            value += record(i + 1, f1);
            value += record(i + 2, f2);
            value += record(i + 3, f3);
        }
        for (; i < n; i++) {
            double[] hi = h[i];
            double f = 0;
            for (int j = 0; j < m; j++) f += theta[j] * hi[j];
            value += record(i, f);
        }
        // backward: delta_ij = s a_j sigma'(z_ij) r_i; grad a = s sum_i r_i h_i; grad w_.k = sum_i x_ik delta_i
        for (i = 0; i < n; i++) {
            double ri = residual[i];
            double[] di = delta[i];
            for (int j = 0; j < m; j++) di[j] *= ri;
        }
        if (arch.trainOutputLayer()) {
            combineRows(ga, h, residual, n);
            for (int j = 0; j < m; j++) g[j] = s * ga[j];
        } else {
            java.util.Arrays.fill(g, 0, m, 0.0);
        }
        for (int k = 0; k < d; k++) combineRows(gwt[k], delta, xt[k], n);
        copyBack(gwt, m, d, g);
        return value;
    }

    /**
     * rows[k][j] = theta[m + j d + k]: the m x d weight block, transposed. Strided, so scalar; five rows per pass
     * over theta, which measured about 10% faster per step than one or two.
     */
    private static void copyTransposed(double[] theta, int m, int d, double[][] rows) {
        int k = 0;
        for (; k + 5 <= d; k += 5) {
            double[] r0 = rows[k], r1 = rows[k + 1], r2 = rows[k + 2], r3 = rows[k + 3], r4 = rows[k + 4];
            for (int j = 0, q = m + k; j < m; j++, q += d) {
                r0[j] = theta[q];
                r1[j] = theta[q + 1];
                r2[j] = theta[q + 2];
                r3[j] = theta[q + 3];
                r4[j] = theta[q + 4];
            }
        }
        for (; k < d; k++) {
            double[] r0 = rows[k];
            for (int j = 0, q = m + k; j < m; j++, q += d) r0[j] = theta[q];
        }
    }

    /** The inverse of {@link #copyTransposed}: g[m + j d + k] = rows[k][j]. */
    private static void copyBack(double[][] rows, int m, int d, double[] g) {
        int k = 0;
        for (; k + 5 <= d; k += 5) {
            double[] r0 = rows[k], r1 = rows[k + 1], r2 = rows[k + 2], r3 = rows[k + 3], r4 = rows[k + 4];
            for (int j = 0, q = m + k; j < m; j++, q += d) {
                g[q] = r0[j];
                g[q + 1] = r1[j];
                g[q + 2] = r2[j];
                g[q + 3] = r3[j];
                g[q + 4] = r4[j];
            }
        }
        for (; k < d; k++) {
            double[] r0 = rows[k];
            for (int j = 0, q = m + k; j < m; j++, q += d) g[q] = r0[j];
        }
    }

    /**
     * out = sum_r c[r] rows[r] over r &lt; count, each out[j] summed in order of r. The loops over j are sums of
     * axpys with loop-invariant factors, which C2 vectorizes as long as the rows are distinct arrays (offsets into
     * one flat array defeat it) and a pass reads at most five of them (C2 stops packing larger bodies); the short
     * width makes each pass's fixed cost matter, hence five rows per pass rather than one.
     */
    private static void combineRows(double[] out, double[][] rows, double[] c, int count) {
        int len = out.length, r = 0;
        if (count == 0) java.util.Arrays.fill(out, 0.0);
        for (; r + 5 <= count; r += 5) {
            double[] w0 = rows[r], w1 = rows[r + 1], w2 = rows[r + 2], w3 = rows[r + 3], w4 = rows[r + 4];
            double c0 = c[r], c1 = c[r + 1], c2 = c[r + 2], c3 = c[r + 3], c4 = c[r + 4];
            boolean first = r == 0;
            for (int j = 0; j < len; j++) {
                double t = first ? 0.0 : out[j];
                t += c0 * w0[j];
                t += c1 * w1[j];
                t += c2 * w2[j];
                t += c3 * w3[j];
                t += c4 * w4[j];
                out[j] = t;
            }
        }
        for (; r + 2 <= count; r += 2) {
            double[] w0 = rows[r], w1 = rows[r + 1];
            double c0 = c[r], c1 = c[r + 1];
            boolean first = r == 0;
            for (int j = 0; j < len; j++) {
                double t = first ? 0.0 : out[j];
                t += c0 * w0[j];
                t += c1 * w1[j];
                out[j] = t;
            }
        }
        for (; r < count; r++) {
            double[] w0 = rows[r];
            double c0 = c[r];
            boolean first = r == 0;
            for (int j = 0; j < len; j++) out[j] = (first ? 0.0 : out[j]) + c0 * w0[j];
        }
    }

    /** Scales the raw output sum by s, records f_i and r_i = p_i ell'(f_i, y_i), returns p_i ell(f_i, y_i). */
    private double record(int i, double f) {
        f *= s;
        output[i] = f;
        residual[i] = p[i] * loss.derivative(f, y[i]);
        return p[i] * loss.value(f, y[i]);
    }

    /**
     * 1 if z &gt; 0, else 0, without a branch (a data-dependent branch mispredicts on half the gates): a positive
     * double times 2^2046 is at least 1, subnormals included, or overflows to infinity, and min clips it to 1.
     */
    private static double positive(double z) { return Math.min(Math.max(z, 0.0) * 0x1p1023 * 0x1p1023, 1.0); }

    /**
     * Gradient with explicit gates. {@code preact} must hold the pre-activations of theta (as written by
     * {@link #preactivations}). Returns the loss value with the gated activations sigma(z) = z * slope(g). The
     * gradient carries the problem's field scale, as in {@link #valueAndGradient}.
     */
    public double gatedGradient(double[] theta, double[][] gate, double[] g, double[][] preact) {
        org.reluflow.model.Cancelled.checkpoint(); // every engine's field passes here: an abandoned claim stops
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
        Objective.scale(g, fieldScale);
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
