package org.reluflow.dynamics;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.reluflow.field.NetworkObjective;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.ParameterLayout;

/**
 * The gradient-flow field of a finite-data problem with a frozen mode per (sample i, neuron j), so that it is
 * polynomial between switches. A pair in {@link Mode#SLIDE} is held on its surface z_ij = 0 by the Filippov
 * selection: the gates of neuron j's sliding pairs are solved for so that dz_ij/dt = 0 for all of them
 * (a small linear system; least squares when surfaces coincide). On the surface z = 0 the gate does not change
 * the outputs, so the residuals do not depend on it, and using sigma(z) = gate * z in dL/da keeps
 * a_j^2 - |w_j|^2 - b_j^2 exactly conserved for every gate.
 */
final class SwitchingField {

    private final NetworkObjective objective;
    private final Architecture arch;
    private final ParameterLayout layout;
    private final Activation act;
    private final double[][] x;
    private final int n, m, d;
    private final double s;
    /** Mutation runs only: the applied sliding gates are the solved ones times this (1 for real runs). */
    private final double gateScale;
    final Mode[][] modes;
    final double[][] gates;
    /** The unclamped sliding gates of the last evaluation (NaN for pairs that do not slide). */
    final double[][] sigma;
    final double[][] preact;
    private final double[] gradient;
    private long evaluations;
    private double preparedTime = Double.NaN;
    private double[] preparedTheta;

    SwitchingField(NetworkObjective objective, double gateScale) {
        this.objective = objective;
        this.arch = objective.architecture();
        this.layout = objective.layout();
        this.act = arch.activation();
        this.x = objective.inputs();
        this.n = objective.samples();
        this.m = arch.width();
        this.d = arch.inputDim();
        this.s = arch.scale();
        this.gateScale = gateScale;
        this.modes = new Mode[n][m];
        this.gates = new double[n][m];
        this.sigma = new double[n][m];
        this.preact = new double[n][m];
        this.gradient = new double[layout.size()];
    }

    int samples() { return n; }

    int width() { return m; }

    long evaluations() { return evaluations; }

    NetworkObjective objective() { return objective; }

    /**
     * theta' = -grad L with the current modes (times the problem's field scale, applied by the objective);
     * sliding gates solved at theta. Writes into {@code out}.
     */
    double derivative(double[] theta, double[] out) {
        prepare(theta);
        preparedTime = Double.NaN;
        double loss = objective.gatedGradient(theta, gates, gradient, preact);
        evaluations++;
        for (int k = 0; k < out.length; k++) out[k] = -gradient[k];
        return loss;
    }

    /**
     * Pre-activations, gates and the residuals they imply at theta; solves the sliding gates. After this,
     * {@link #normalVelocity} and {@link #sigma} refer to theta.
     */
    /**
     * {@link #prepare} unless the last preparation was for the same time and parameters: Hipparchus hands each
     * event detector its own interpolated state, and they all ask about the same points.
     */
    void prepareAt(double t, double[] theta) {
        if (t == preparedTime && java.util.Arrays.equals(theta, preparedTheta)) return;
        if (anySliding()) prepare(theta);
        else objective.preactivations(theta, preact); // on/off pairs only need z: skip the forward pass
        preparedTime = t;
        preparedTheta = theta.clone();
    }

    private boolean anySliding() {
        for (Mode[] row : modes) for (Mode md : row) if (md == Mode.SLIDE) return true;
        return false;
    }

    /** Forget cached preparations (after a mode change). */
    void invalidate() { preparedTime = Double.NaN; }

    void prepare(double[] theta) {
        objective.preactivations(theta, preact);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                Mode mode = modes[i][j];
                if (mode == Mode.ON) gates[i][j] = 1;
                else if (mode == Mode.OFF) gates[i][j] = 0;
                else if (!(gates[i][j] >= 0 && gates[i][j] <= 1)) gates[i][j] = act.gateAtZero();
                sigma[i][j] = Double.NaN;
            }
        objective.forwardWith(theta, gates, preact);
        for (int j = 0; j < m; j++) solveSliding(theta, j);
    }

    /** dz_ij/dt with pair (i,j) given the gate {@code gate} and the other pairs their current gates. */
    double normalVelocity(double[] theta, int i, int j, double gate) {
        double saved = gates[i][j];
        gates[i][j] = gate;
        double v = -s * theta[layout.a(j)] * dotU(i, j);
        gates[i][j] = saved;
        return v;
    }

    /** <x~_i, u~_j> with u~_j = sum_q r_q sigma'(gate_qj) x~_q (x~ carries a trailing 1 with a hidden bias). */
    private double dotU(int i, int j) {
        double acc = 0;
        for (int q = 0; q < n; q++) {
            double rq = objective.residual(q);
            if (rq == 0) continue;
            double slope = act.slopeForGate(gates[q][j]);
            if (slope == 0) continue;
            acc += rq * slope * innerTilde(i, q);
        }
        return acc;
    }

    private double innerTilde(int i, int q) {
        double acc = arch.hiddenBias() ? 1.0 : 0.0;
        for (int k = 0; k < d; k++) acc += x[i][k] * x[q][k];
        return acc;
    }

    private void solveSliding(double[] theta, int j) {
        int count = 0;
        for (int i = 0; i < n; i++) if (modes[i][j] == Mode.SLIDE) count++;
        if (count == 0) return;
        int[] idx = new int[count];
        for (int i = 0, c = 0; i < n; i++) if (modes[i][j] == Mode.SLIDE) idx[c++] = i;
        double eps = act.negativeSlope();
        // dz_i/dt = -s a_j <x~_i, u0 + sum_{q in S} (1 - eps) r_q g_q x~_q> = 0 for i in S
        for (int q : idx) gates[q][j] = 0; // slope(0) = eps: u0 includes the eps part of the sliding pairs
        double[] rhs = new double[count];
        double[][] mat = new double[count][count];
        double scale = 0;
        for (int a = 0; a < count; a++) {
            rhs[a] = -dotU(idx[a], j);
            for (int b = 0; b < count; b++) {
                mat[a][b] = (1 - eps) * objective.residual(idx[b]) * innerTilde(idx[a], idx[b]);
                scale = Math.max(scale, Math.abs(mat[a][b]));
            }
        }
        double[] g = new double[count];
        if (scale > 0) {
            if (count == 1) g[0] = rhs[0] / mat[0][0];
            else {
                // least squares, minimum norm around the declared gate: coincident surfaces make the system singular
                SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(mat, false));
                RealVector base = new ArrayRealVector(count, act.gateAtZero());
                RealVector res = new ArrayRealVector(rhs).subtract(new Array2DRowRealMatrix(mat, false).operate(base));
                g = base.add(svd.getSolver().solve(res)).toArray();
            }
        } else java.util.Arrays.fill(g, act.gateAtZero()); // r = 0 on the sliding set: any gate; take the declared one
        for (int a = 0; a < count; a++) {
            double ga = Double.isFinite(g[a]) ? g[a] : act.gateAtZero();
            sigma[idx[a]][j] = ga;
            // sigma keeps the solved gate, so when a pair leaves is decided as in the true flow; a scaled gate
            // (a mutant) no longer holds z at 0 and the pair drifts off its surface while it "slides"
            gates[idx[a]][j] = Math.max(0, Math.min(1, ga * gateScale));
        }
    }
}
