package org.reluflow.claims;

import java.util.Map;
import java.util.Set;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.ParameterLayout;

/**
 * P1.2: in the early phase (before the first escape, f near 0) each neuron's activation pattern on the two points
 * moves only along the switching rules of papers.md 2.3 (case p cos D &gt; q): dead neurons stay dead; a positive
 * neuron (a &gt; 0) active on both stays so, one active on x+ only can only re-activate on x- ("both"), one on x- only
 * can only die; a negative neuron on x+ only can only die, one on x- only stays there or touches x+ while sliding on
 * {b.x+ = 0}. Checked on every recorded pattern (every 0.5 time units) while both outputs stay below 0.05 in
 * magnitude (the early phase in which those rates hold), for event-driven gradient flow from 6
 * initializations of the built-in instance. {@code forbidReactivation} is a negative control that claims a positive
 * neuron on x+ only never re-activates.
 */
public final class SwitchRulesClaim extends Claim {
    private static final String BOTH = "both", PLUS = "x+", MINUS = "x-", NONE = "none";
    private final Experiment base;
    private final boolean forbidReactivation;

    public SwitchRulesClaim(Experiment base, boolean forbidReactivation) {
        this.base = base;
        this.forbidReactivation = forbidReactivation;
    }

    @Override public String id() { return "P1.2"; }
    @Override public String paper() { return "wang-ma-2023"; }
    @Override public String title() { return "Early activation patterns follow the switching rules; dead neurons stay dead"; }
    @Override public String hypotheses() { return "two points with p cos D > q, exponential loss, sigma'(0) = 0, small balanced initialization (" + base.name() + ")"; }
    @Override public String criterion() {
        return "every recorded pattern change while |f(x+-)| < 0.05 is allowed by the rule table" + (forbidReactivation ? " without re-activation on x-" : "");
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 2.3; proofs-notes/wang-ma-2023.md"); }

    private Map<String, Set<String>> allowed(boolean positive) {
        if (positive) return Map.of(BOTH, Set.of(BOTH), PLUS, forbidReactivation ? Set.of(PLUS) : Set.of(PLUS, BOTH), MINUS, Set.of(MINUS, NONE), NONE, Set.of(NONE));
        return Map.of(BOTH, Set.of(BOTH, PLUS, MINUS, NONE), PLUS, Set.of(PLUS, NONE), MINUS, Set.of(MINUS, BOTH), NONE, Set.of(NONE));
    }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        if (!(base.problem().data() instanceof FiniteDataset d) || d.size() != 2) return Outcome.outside("needs two points");
        double p = d.weights()[0], q = d.weights()[1];
        double c = d.x()[0][0] * d.x()[1][0] + d.x()[0][1] * d.x()[1][1];
        if (!(p * c > q)) return Outcome.outside("the table is for p cos D > q");
        if (base.problem().architecture().activation().derivativeAtZero() != 0) return Outcome.outside("needs sigma'(0) = 0");
        ParameterLayout l = base.problem().layout();
        int changes = 0, reactivations = 0;
        for (int seed = 0; seed < 6; seed++) {
            Experiment e = Catalog.smallInit(reseed(base, seed), 1e-1);
            Trajectory tr = Simulator.run(e, f -> { });
            // the early phase: while the outputs are still near 0 (|f(x+-)| < 0.05), where the table's rates hold
            org.reluflow.field.NetworkObjective obj = new org.reluflow.field.NetworkObjective(e.problem());
            double end = e.horizon();
            for (int k = 0; k < tr.size(); k++) {
                double[] f = obj.predict(tr.thetas().get(k));
                if (Math.max(Math.abs(f[0]), Math.abs(f[1])) >= 0.05) { end = tr.times().get(k); break; }
            }
            for (int j = 0; j < l.width(); j++) {
                String previous = null;
                boolean positive = e.theta0()[l.a(j)] > 0;
                for (int k = 0; k < tr.size() && tr.times().get(k) <= end; k++) {
                    double[] w = l.wRow(tr.thetas().get(k), j);
                    boolean onPlus = w[0] * d.x()[0][0] + w[1] * d.x()[0][1] > 0, onMinus = w[0] * d.x()[1][0] + w[1] * d.x()[1][1] > 0;
                    String now = onPlus && onMinus ? BOTH : onPlus ? PLUS : onMinus ? MINUS : NONE;
                    if (previous != null && !previous.equals(now)) {
                        changes++;
                        if (positive && previous.equals(PLUS) && now.equals(BOTH)) reactivations++;
                        if (!allowed(positive).get(previous).contains(now))
                            return Outcome.of(Verdict.VIOLATED, String.format("initialization %d, neuron %d (%s): %s -> %s at t = %.3g", seed + 1, j + 1,
                                    positive ? "a > 0" : "a < 0", previous, now, tr.times().get(k)), "seed", seed, "neuron", j + 1);
                    }
                    previous = now;
                }
            }
        }
        if (changes == 0) return Outcome.of(Verdict.INCONCLUSIVE, "no pattern changed before the first escape: the instance does not exercise the rules");
        return Outcome.of(Verdict.CONSISTENT, changes + " pattern changes in 6 runs, all allowed (" + reactivations + " re-activations on x-)",
                "changes", changes, "reactivations", reactivations);
    }

    /** The instance with a fresh balanced Gaussian initialization (the spec's seed replaced). */
    private static Experiment reseed(Experiment e, long seed) {
        ParameterLayout l = e.problem().layout();
        double scale = 0;
        for (double v : e.theta0()) scale = Math.max(scale, Math.abs(v));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(100 + seed);
        double[] t = new double[l.size()];
        for (int j = 0; j < l.width(); j++) {
            double n2 = 0;
            for (int k = 0; k < l.inputDim(); k++) { double w = scale * rnd.nextGaussian() / 3; t[l.w(j, k)] = w; n2 += w * w; }
            t[l.a(j)] = (rnd.nextBoolean() ? 1 : -1) * Math.sqrt(n2);
        }
        return new Experiment(e.name() + " seed " + seed, e.problem(), t, e.method(), e.horizon(), e.recordEvery(), e.directions(), false, e.notes());
    }
}
