package org.reluflow.claims;

import java.util.SplittableRandom;
import org.reluflow.field.NetworkObjective;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * Under gradient descent with step eta the balancedness is not conserved: per step it changes by exactly
 * eta^2 (g_a^2 - |g_w|^2 - g_b^2) for each neuron (expand (a - eta g_a)^2 - |w - eta g_w|^2 - ... and use the
 * flow's conservation identity a g_a = w.g_w + b g_b). Certified in exact rational arithmetic (square loss, the
 * compiled field evaluated over rationals) at 50 dyadic parameter vectors, and checked in float64 on 200 random
 * ones to a tolerance of 1e-9 relative to the squared norms involved (rounding of the squares).
 * {@code predictExactConservation} is the negative control: it claims the change is 0.
 */
public final class GdBalancednessClaim extends Claim {
    private final Problem problem;
    private final double eta;
    private final boolean predictExactConservation;

    public GdBalancednessClaim(Problem problem, double eta, boolean predictExactConservation) {
        this.problem = problem;
        this.eta = eta;
        this.predictExactConservation = predictExactConservation;
    }

    @Override public String id() { return "classic.gd-balancedness"; }
    @Override public String paper() { return "classic"; }
    @Override public String title() { return "GD changes a_j^2 - |w_j|^2 - b_j^2 by exactly eta^2 (g_a^2 - |g_w|^2 - g_b^2) per step"; }
    @Override public String hypotheses() { return "one GD step, eta = " + eta + ", positively homogeneous activation"; }
    @Override public String criterion() {
        return "exact equality at 50 dyadic points (square loss), and |observed change - " + (predictExactConservation ? "0" : "eta^2 (g_a^2 - |g_w|^2 - g_b^2)")
                + "| <= 1e-9 (1 + |theta_j|^2 + eta^2 |g_j|^2) on 200 random parameter vectors";
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("proofs-notes/classic.md, balancedness under GD"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        Outcome exact = exactSteps();
        if (exact != null && exact.verdict() == Verdict.VIOLATED) return exact;
        Outcome floating = floatSteps();
        if (floating.verdict() == Verdict.VIOLATED || exact == null) return floating;
        return Outcome.of(Verdict.CERTIFIED, exact.summary() + "; " + floating.summary(), "exact_points", 50,
                "float_worst_error_over_tolerance", floating.evidence().get("worst_error_over_tolerance"));
    }

    /**
     * The identity in exact rational arithmetic at 50 dyadic parameter vectors (square loss: the field is rational;
     * null for other losses). Certifies the law for the exact-real GD step at those points.
     */
    private Outcome exactSteps() {
        if (problem.loss() != org.reluflow.model.Loss.SQUARE) return null;
        ParameterLayout l = problem.layout();
        org.reluflow.symbolic.StraightLineProgram field = org.reluflow.validated.NetworkFields.negativeGradient(problem);
        org.hipparchus.fraction.BigFraction eta2 = new org.hipparchus.fraction.BigFraction(eta).pow(2);
        org.hipparchus.fraction.BigFraction etaQ = new org.hipparchus.fraction.BigFraction(eta);
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            java.util.List<org.hipparchus.fraction.BigFraction> theta = new java.util.ArrayList<>();
            for (int i = 0; i < l.size(); i++) theta.add(new org.hipparchus.fraction.BigFraction(Math.rint(rnd.nextDouble(-1, 1) * 1024) / 1024));
            java.util.List<org.hipparchus.fraction.BigFraction> f = field.evaluate(org.reluflow.symbolic.RationalArithmetic.INSTANCE, theta);
            for (int j = 0; j < l.width(); j++) {
                org.hipparchus.fraction.BigFraction before = q(l, theta, j), predicted = f.get(l.a(j)).pow(2);
                java.util.List<org.hipparchus.fraction.BigFraction> next = new java.util.ArrayList<>();
                for (int i = 0; i < l.size(); i++) next.add(theta.get(i).add(etaQ.multiply(f.get(i))));
                for (int k = 0; k < l.inputDim(); k++) predicted = predicted.subtract(f.get(l.w(j, k)).pow(2));
                if (l.hiddenBias()) predicted = predicted.subtract(f.get(l.b(j)).pow(2));
                predicted = predictExactConservation ? org.hipparchus.fraction.BigFraction.ZERO : predicted.multiply(eta2);
                org.hipparchus.fraction.BigFraction observed = q(l, next, j).subtract(before);
                if (!observed.equals(predicted))
                    return Outcome.of(Verdict.VIOLATED, "exact step, neuron " + (j + 1) + ": change " + observed.doubleValue() + ", predicted " + predicted.doubleValue(),
                            "theta", theta.stream().map(org.hipparchus.fraction.BigFraction::doubleValue).toList());
            }
        }
        return Outcome.of(Verdict.CERTIFIED, "exact at 50 dyadic points");
    }

    private static org.hipparchus.fraction.BigFraction q(ParameterLayout l, java.util.List<org.hipparchus.fraction.BigFraction> t, int j) {
        org.hipparchus.fraction.BigFraction s = t.get(l.a(j)).pow(2);
        for (int k = 0; k < l.inputDim(); k++) s = s.subtract(t.get(l.w(j, k)).pow(2));
        if (l.hiddenBias()) s = s.subtract(t.get(l.b(j)).pow(2));
        return s;
    }

    private Outcome floatSteps() {
        ParameterLayout l = problem.layout();
        NetworkObjective obj = new NetworkObjective(problem);
        SplittableRandom rnd = new SplittableRandom(11);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            double[] theta = new double[l.size()], g = new double[l.size()];
            for (int i = 0; i < theta.length; i++) theta[i] = rnd.nextDouble(-1, 1);
            obj.valueAndGradient(theta, g);
            double[] next = theta.clone();
            for (int i = 0; i < next.length; i++) next[i] -= eta * g[i];
            for (int j = 0; j < l.width(); j++) {
                double observed = l.balancedness(next, j) - l.balancedness(theta, j);
                double ga = g[l.a(j)], gw = 0, scale = theta[l.a(j)] * theta[l.a(j)] + eta * eta * ga * ga;
                for (int k = 0; k < l.inputDim(); k++) { gw += g[l.w(j, k)] * g[l.w(j, k)]; scale += theta[l.w(j, k)] * theta[l.w(j, k)] + eta * eta * g[l.w(j, k)] * g[l.w(j, k)]; }
                double gb = l.hiddenBias() ? g[l.b(j)] * g[l.b(j)] : 0;
                double predicted = predictExactConservation ? 0 : eta * eta * (ga * ga - gw - gb);
                double err = Math.abs(observed - predicted), tol = 1e-9 * (1 + scale);
                worst = Math.max(worst, err / tol);
                if (err > tol)
                    return Outcome.of(Verdict.VIOLATED, "neuron " + (j + 1) + ": observed change " + observed + ", predicted " + predicted,
                            "theta", theta, "observed", observed, "predicted", predicted, "tolerance", tol);
            }
        }
        return Outcome.of(Verdict.CONSISTENT, "200 random steps, worst error " + String.format("%.3g", worst) + " of the tolerance",
                "worst_error_over_tolerance", worst);
    }
}
