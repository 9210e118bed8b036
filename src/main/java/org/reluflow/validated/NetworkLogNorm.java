package org.reluflow.validated;

import org.reluflow.interval.Interval;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * A cheap upper bound on the logarithmic norm mu_2(Df) = lambda_max of the symmetric part of Df, over a box, for the
 * gradient field f = -grad L of a two-layer network with a trained output layer, in one activation region.
 * <p>
 * In a region every activation is linear, sigma(z) = s z, so with u_i the network's output on sample i and
 * r_i = p_i ell'(u_i) (the weighted loss derivative),
 * Df = -sum_i dr_i/du ∇u_i ∇u_i^T - sum_i r_i ∇²u_i. The first sum is positive semidefinite for the convex losses
 * (p_i &gt;= 0, ell'' &gt;= 0), so by Weyl's inequality lambda_max(Df) &lt;= lambda_max(-sum_i r_i ∇²u_i). The only
 * second derivatives of u_i are d²u_i / da_j d(w_j, b_j) = kappa s_ij (x_i, 1): the matrix is block diagonal, one
 * block [[0, -v_j^T], [-v_j, 0]] per neuron with v_j = kappa sum_i r_i s_ij (x_i, 1), whose eigenvalues are +-|v_j|.
 * Hence mu_2(Df(y)) &lt;= max_j |v_j(y)|, enclosed here in O(n m d) interval operations instead of the O(n m² d²)
 * of an interval Jacobian. Near a saddle (small weights) the bound is close to tight: the escape rate of neuron j is
 * |v_j|.
 */
final class NetworkLogNorm implements SwitchedField.LogNorm {

    private final double[][] x;
    private final double[] y, weight;
    private final Loss loss;
    private final ParameterLayout lay;
    private final int n, m, d;
    private final Interval kappa;
    private final double eps;
    private final boolean linear;
    /** Guard index of pre-activation (i, j), or -1 where z_ij = 0 identically (no guard). */
    private final int[][] guard;

    private NetworkLogNorm(Problem problem, int[][] guard) {
        FiniteDataset data = (FiniteDataset) problem.data();
        Architecture arch = problem.architecture();
        this.x = data.x();
        this.y = data.y();
        this.weight = data.weights();
        this.loss = problem.loss();
        this.lay = arch.layout();
        this.n = data.size();
        this.m = arch.width();
        this.d = arch.inputDim();
        this.kappa = switch (arch.outputScale()) {
            case ONE -> Interval.ONE;
            case INV_SQRT_M -> Interval.ONE.div(Interval.of(m).sqrt());
            case INV_M -> Interval.ONE.div(Interval.of(m));
        };
        Activation act = arch.activation();
        this.eps = act.negativeSlope();
        this.linear = act.isLinear();
        this.guard = guard;
    }

    /**
     * The bound for a network problem whose validated field lowered to {@code tape}, or null when it does not apply
     * (output layer fixed: then Df is not symmetric in the full variables; or a loss without per-sample form). Each
     * pre-activation is matched to its guard by value at a generic point, so merged or reordered guards are found.
     */
    static NetworkLogNorm of(Problem problem, SeriesTape tape) {
        if (!(problem.data() instanceof FiniteDataset data) || !problem.architecture().trainOutputLayer()
                || problem.loss() == Loss.SQUARE_INTEGRAL) return null;
        Architecture arch = problem.architecture();
        ParameterLayout lay = arch.layout();
        int n = data.size(), m = arch.width(), d = arch.inputDim();
        double[][] x = data.x();
        int[][] guard = new int[n][m];
        if (arch.activation().isLinear()) {
            for (int[] row : guard) java.util.Arrays.fill(row, -1);
            return tape.guardCount() == 0 ? new NetworkLogNorm(problem, guard) : null;
        }
        // a generic point: distinct affine pre-activations take distinct values there
        java.util.Random random = new java.util.Random(0x5eed);
        double[] theta = new double[lay.size()];
        for (int k = 0; k < theta.length; k++) theta[k] = random.nextGaussian();
        Interval[] point = new Interval[theta.length];
        for (int k = 0; k < theta.length; k++) point[k] = Interval.of(theta[k]);
        Interval[] values = tape.intervalSeries(point, new int[tape.guardCount()], 0).guards()[0];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                Interval z = arch.hiddenBias() ? Interval.of(theta[lay.b(j)]) : Interval.ZERO;
                boolean constant = !arch.hiddenBias();
                for (int k = 0; k < d; k++) {
                    if (x[i][k] == 0) continue;
                    z = z.add(Interval.of(theta[lay.w(j, k)]).mul(x[i][k]));
                    constant = false;
                }
                if (constant) { guard[i][j] = -1; continue; }
                int found = -1;
                for (int g = 0; g < values.length; g++) {
                    if (values[g].disjoint(z)) continue;
                    if (found >= 0) return null; // ambiguous: no bound rather than a wrong one
                    found = g;
                }
                if (found < 0) return null;
                guard[i][j] = found;
            }
        return new NetworkLogNorm(problem, guard);
    }

    @Override
    public double upper(Interval[] box, int[] signs) {
        Interval[] r = new Interval[n];
        double[][] s = new double[n][m];
        for (int i = 0; i < n; i++) {
            Interval u = Interval.ZERO;
            for (int j = 0; j < m; j++) {
                s[i][j] = slope(i, j, signs);
                if (s[i][j] == 0) continue;
                Interval z = lay.hiddenBias() ? box[lay.b(j)] : Interval.ZERO;
                for (int k = 0; k < d; k++) if (x[i][k] != 0) z = z.add(box[lay.w(j, k)].mul(x[i][k]));
                u = u.add(box[lay.a(j)].mul(z.mul(s[i][j])));
            }
            u = kappa.mul(u);
            if (lay.outputBias()) u = u.add(box[lay.c()]);
            r[i] = residual(u, y[i], weight[i]);
        }
        double worst = 0;
        for (int j = 0; j < m; j++) {
            Interval sq = Interval.ZERO;
            for (int k = 0; k <= d; k++) {
                if (k == d && !lay.hiddenBias()) break;
                Interval c = Interval.ZERO;
                for (int i = 0; i < n; i++) {
                    double xk = k == d ? 1.0 : x[i][k];
                    if (s[i][j] != 0 && xk != 0) c = c.add(r[i].mul(xk).mul(s[i][j]));
                }
                sq = sq.add(kappa.mul(c).sqr());
            }
            worst = Math.max(worst, sq.sqrt().hi());
        }
        return worst;
    }

    /** The region's slope s_ij of the activation (exact: 1, eps or 0). */
    private double slope(int i, int j, int[] signs) {
        if (linear) return 1.0;
        int g = guard[i][j];
        if (g < 0) return 0.0; // z_ij = 0 identically: sigma(z) = 0 and the pair adds nothing
        return signs[g] > 0 ? 1.0 : eps;
    }

    /** p ell'(u, y), enclosed. */
    private Interval residual(Interval u, double target, double p) {
        return switch (loss) {
            case SQUARE -> u.sub(target).mul(p);
            case EXPONENTIAL -> u.mul(-target).exp().mul(-target).mul(p);
            case LOGISTIC -> Interval.ONE.add(u.mul(target).exp()).recip().mul(-target).mul(p);
            case SQUARE_INTEGRAL -> throw new IllegalStateException("no per-sample residual");
        };
    }
}
