package org.reluflow.field;

import dev.ludovic.netlib.blas.BLAS;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * The same loss and gradient as {@link NetworkObjective}, computed with BLAS matrix products for wide networks:
 * Z = X W^T (+ b), f = c + s sigma(Z) a, g_a = s sigma(Z)^T r, g_W = D^T X with D_ij = r_i sigma'(Z_ij) s a_j.
 * BLAS is dev.ludovic.netlib's: the machine's native BLAS (libblas.so.3, e.g. Debian's OpenBLAS) when installed,
 * a pure-Java implementation otherwise. Gates follow the signs and the declared sigma'(0). Not thread-safe.
 */
public final class DenseNetworkObjective implements Objective {

    /** netlib's instance builder logs a warning for every backend it cannot load: not the user's concern. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");

    static { NETLIB_LOG.setLevel(Level.OFF); }

    private final Architecture arch;
    private final ParameterLayout layout;
    private final Loss loss;
    private final double[] x; // row-major n x d
    private final double[] y, p;
    private final int n, m, d;
    private final double s;
    /** The problem's field scale (1 but in mutation runs): multiplies every gradient, never the loss. */
    private final double fieldScale;
    private final double[] z; // row-major n x m: pre-activations, then D
    private final double[] act; // row-major n x m: sigma(Z)
    private final double[] f, r, a;
    private final BLAS blas = BLAS.getInstance();

    public DenseNetworkObjective(Problem problem) {
        if (!(problem.data() instanceof FiniteDataset data))
            throw new IllegalArgumentException("DenseNetworkObjective needs a finite data set");
        this.arch = problem.architecture();
        this.layout = arch.layout();
        this.loss = problem.loss();
        this.n = data.size();
        this.m = arch.width();
        this.d = arch.inputDim();
        this.s = arch.scale();
        this.fieldScale = problem.perturbation().fieldScale();
        this.x = new double[n * d];
        for (int i = 0; i < n; i++) System.arraycopy(data.x()[i], 0, x, i * d, d);
        this.y = data.y();
        this.p = data.weights();
        this.z = new double[n * m];
        this.act = new double[n * m];
        this.f = new double[n];
        this.r = new double[n];
        this.a = new double[m];
    }

    /** The BLAS implementation in use (native or Java), for benchmark reports. */
    public static String blasImplementation() { return BLAS.getInstance().getClass().getSimpleName(); }

    @Override public int dimension() { return layout.size(); }

    @Override public double value(double[] theta) { return forward(theta); }

    @Override public double valueAndGradient(double[] theta, double[] g) {
        org.reluflow.model.Cancelled.checkpoint();
        double value = forward(theta);
        Activation sigma = arch.activation();
        // g_a = s sigma(Z)^T r: sigma(Z) is row-major n x m = column-major m x n
        if (arch.trainOutputLayer()) blas.dgemv("N", m, n, s, act, 0, m, r, 0, 1, 0.0, g, layout.a(0), 1);
        else java.util.Arrays.fill(g, 0, m, 0.0);
        // D_ij = r_i sigma'(z_ij) s a_j, written over z. Sequential on purpose: Java worker threads next to BLAS's own
        // threads made the step slower (measured, see BENCHMARKS.md).
        double eps = sigma.negativeSlope(), slope0 = sigma.derivativeAtZero();
        // branch-free, so that C2 vectorizes it (the signs of z are a coin toss: branches mispredict half the time):
        // max(0, z) * 2^1200 is at least 1 for every z > 0 (the least subnormal is 2^-1074) and 0 otherwise, so pos
        // is exactly 1 when z > 0 and 0 otherwise, neg likewise for z < 0, and the gate is exactly 1, eps or slope0
        final double big = 0x1p600;
        for (int i = 0; i < n; i++) {
            double rs = r[i] * s;
            int row = i * m;
            if (eps == 0 && slope0 == 0) { // ReLU with sigma'(0) = 0: the gate is pos
                for (int j = 0; j < m; j++) z[row + j] = rs * Math.min(1.0, Math.max(0.0, z[row + j]) * big * big) * a[j];
                continue;
            }
            for (int j = 0; j < m; j++) {
                double zz = z[row + j];
                double pos = Math.min(1.0, Math.max(0.0, zz) * big * big), neg = Math.min(1.0, Math.max(0.0, -zz) * big * big);
                double gate = pos + neg * eps + (1 - pos - neg) * slope0;
                z[row + j] = rs * gate * a[j];
            }
        }
        // g_W (row-major m x d = column-major d x m) = X^T D
        blas.dgemm("N", "T", d, m, n, 1.0, x, 0, d, z, 0, m, 0.0, g, layout.w(0, 0), d);
        if (arch.hiddenBias()) {
            int off = layout.b(0);
            java.util.Arrays.fill(g, off, off + m, 0.0);
            for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) g[off + j] += z[i * m + j];
        }
        if (arch.outputBias()) {
            double gc = 0;
            for (double v : r) gc += v;
            g[layout.c()] = gc;
        }
        Objective.scale(g, fieldScale);
        return value;
    }

    private double forward(double[] theta) {
        // Z (row-major n x m = column-major m x n) = W X^T: W row-major m x d is column-major d x m
        blas.dgemm("T", "N", m, n, d, 1.0, theta, layout.w(0, 0), d, x, 0, d, 0.0, z, 0, m);
        if (arch.hiddenBias()) {
            int off = layout.b(0);
            for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) z[i * m + j] += theta[off + j];
        }
        double eps = arch.activation().negativeSlope();
        for (int k = 0; k < n * m; k++) { double zz = z[k]; act[k] = Math.max(zz, eps * zz); } // sigma, as 0 <= eps <= 1
        System.arraycopy(theta, layout.a(0), a, 0, m);
        // f = c + s sigma(Z) a: row-major n x m is column-major m x n, so use its transpose
        double c = layout.outputBias(theta);
        java.util.Arrays.fill(f, c);
        blas.dgemv("T", m, n, s, act, 0, m, a, 0, 1, 1.0, f, 0, 1);
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += p[i] * loss.value(f[i], y[i]);
            r[i] = p[i] * loss.derivative(f[i], y[i]);
        }
        return value;
    }
}
