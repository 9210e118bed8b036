package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.stat.regression.SimpleRegression;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.field.NetworkObjective;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Method;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.observe.Ntk;
import org.reluflow.spec.Examples;

/**
 * Bu, Xu and Chen's NTK regime on the built-in bu-ntk instance (6 unit inputs in dimension 10, output weights +-1
 * fixed, scale 1/sqrt(m)), trained by gradient descent with step 0.01 (1500 steps for P4.3, 2000 for P4.7):
 * <ul>
 *   <li>P4.3: the residual decays linearly at least at the rate lambda_min(P^{1/2} H(0) P^{1/2}) (P the sample
 *       weights): the slope of ln |e| against t over [2, 15] is at most -(1 - 0.1) times that rate, at width 2000;</li>
 *   <li>P4.7 laziness: max_r |w_r(T) - w_r(0)| at T = 20 shrinks like m^{-1/2}: log-log slope over m = 250 ... 4000, median of 3 initializations
 *       within 0.15 of -1/2.</li>
 * </ul>
 * {@code predictionFactor} scales the predicted rate or exponent (1 in the claims).
 */
public final class NtkTrainingClaim extends Claim {
    public enum Kind { GD_RATE, LAZINESS }

    private final Kind kind;
    private final double predictionFactor;
    private final long seed;

    public NtkTrainingClaim(Kind kind, double predictionFactor) { this(kind, predictionFactor, kind == Kind.GD_RATE ? 2012 : 0); }

    /** {@code seed}: the initialization of the width-2000 run of P4.3, and the offset of P4.7's three per width. */
    public NtkTrainingClaim(Kind kind, double predictionFactor, long seed) {
        this.kind = kind;
        this.predictionFactor = predictionFactor;
        this.seed = seed;
    }

    @Override public String id() { return kind == Kind.GD_RATE ? "P4.3" : "P4.7"; }
    @Override public String paper() { return "bu-2021"; }
    @Override public String title() {
        return kind == Kind.GD_RATE ? "In the NTK regime GD converges linearly at rate lambda_0" : "Laziness: the weights move O(m^(-1/2))";
    }
    @Override public String hypotheses() { return "NTK scaling 1/sqrt(m), first layer trained from N(0, I), output weights +-1 fixed, square loss (bu-ntk data)"; }
    @Override public String criterion() {
        return kind == Kind.GD_RATE ? "slope of ln|e| over t in [2, 15] <= -0.9 * " + predictionFactor + " lambda_min(P^1/2 H(0) P^1/2), width 2000"
                : "log-log slope of max_r |w_r(20) - w_r(0)| against m (250 ... 4000, median of 3 initializations) within 0.15 of " + (-0.5 * predictionFactor);
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 5.2-5.3; proofs-notes/bu-2021.md"); }

    static Experiment withWidth(int m, long steps) { return withWidth(m, steps, 12 + m); }

    static Experiment withWidth(int m, long steps, long seed) {
        Experiment base = Examples.loadUnchecked("bu-ntk");
        Architecture a = base.problem().architecture();
        Architecture wide = new Architecture(m, a.inputDim(), a.hiddenBias(), a.outputBias(), a.outputScale(), a.trainOutputLayer(), a.activation());
        Problem p = new Problem(wide, base.problem().data(), base.problem().loss());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        ParameterLayout l = p.layout();
        double[] t = new double[l.size()];
        for (int j = 0; j < m; j++) {
            t[l.a(j)] = rnd.nextBoolean() ? 1 : -1;
            for (int k = 0; k < a.inputDim(); k++) t[l.w(j, k)] = rnd.nextGaussian();
        }
        return new Experiment("bu-ntk m=" + m, p, t, new Method.GradientDescent(0.01, steps), 0.01 * steps, 0.1, java.util.Map.of(), false, List.of());
    }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        return kind == Kind.GD_RATE ? rate() : laziness();
    }

    private Outcome rate() {
        Experiment e = withWidth(2000, 1500, seed);
        FiniteDataset d = (FiniteDataset) e.problem().data();
        double[][] h = Ntk.gram(e.problem(), e.theta0());
        int n = d.size();
        double[][] ph = new double[n][n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) ph[i][k] = Math.sqrt(d.weights()[i] * d.weights()[k]) * h[i][k];
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(ph, false)).getEigenvalues();
        double lambda = java.util.Arrays.stream(ev).min().orElse(0) * predictionFactor;
        Trajectory tr = Simulator.run(e, f -> { });
        NetworkObjective obj = new NetworkObjective(e.problem());
        SimpleRegression fit = new SimpleRegression();
        for (int k = 0; k < tr.size(); k++) {
            double t = tr.times().get(k);
            if (t < 2 || t > 15) continue;
            double[] f = obj.predict(tr.thetas().get(k));
            double r = 0;
            for (int i = 0; i < n; i++) r += (f[i] - d.y()[i]) * (f[i] - d.y()[i]);
            fit.addData(t, 0.5 * Math.log(r));
        }
        double slope = fit.getSlope();
        boolean ok = slope <= -0.9 * lambda;
        return Outcome.of(ok ? Verdict.CONSISTENT : Verdict.VIOLATED, String.format("slope %.4f against the rate %.4f", slope, lambda),
                "slope", slope, "lambda_min", lambda);
    }

    private Outcome laziness() {
        SimpleRegression fit = new SimpleRegression();
        List<double[]> rows = new ArrayList<>();
        for (int m = 250; m <= 4000; m *= 2) {
            double[] moves = new double[3];
            for (int rep = 0; rep < 3; rep++) {
                Experiment e = withWidth(m, 2000, seed * 7919 + 1000L * rep + m);
                double[] end = Simulator.run(e, f -> { }).finalTheta(), start = e.theta0();
                ParameterLayout l = e.problem().layout();
                double max = 0;
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < l.inputDim(); k++) { double dlt = end[l.w(j, k)] - start[l.w(j, k)]; s += dlt * dlt; }
                    max = Math.max(max, Math.sqrt(s));
                }
                moves[rep] = max;
            }
            java.util.Arrays.sort(moves);
            fit.addData(Math.log(m), Math.log(moves[1]));
            rows.add(new double[] {m, moves[1]});
        }
        double slope = fit.getSlope(), predicted = -0.5 * predictionFactor;
        return Outcome.of(Math.abs(slope - predicted) <= 0.15 ? Verdict.CONSISTENT : Verdict.VIOLATED,
                String.format("slope %.3f against %.2f", slope, predicted), "slope", slope, "m_and_movement", rows);
    }
}
