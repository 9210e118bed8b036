package org.reluflow.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.ActivationPattern;
import org.reluflow.symbolic.IntervalArithmetic;
import org.reluflow.symbolic.Invariants;
import org.reluflow.symbolic.ParameterSymbols;
import org.reluflow.symbolic.StraightLineProgram;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.NetworkFields;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;

/**
 * Gradient flow conserves Q_j = a_j^2 - |w_j|^2 - b_j^2 for every neuron (positive homogeneity). Certified twice on
 * the instance, over the horizon [0, T] the claim states:
 * <ul>
 *   <li>Symja simplifies dQ_j/dt along the field to 0 in every activation region (a non-zero derivative is a
 *       region in which some trajectory changes Q_j: VIOLATED);</li>
 *   <li>a validated enclosure of the flow from theta0 must be VALID up to T itself, and the claimed form evaluated
 *       over its box at T must certify |Q_j(T) - Q_j(0)| &lt;= {@value #RELATIVE_BOUND} max(|theta(0)|^2,
 *       |theta(T)|^2) for every neuron. An enclosure that excludes the predicted change is a certified
 *       counterexample (VIOLATED, also when it is VALID only to an earlier time); one that is too wide to certify
 *       the bound, or not VALID up to T, certifies nothing (INCONCLUSIVE).</li>
 * </ul>
 * The predicted value Q_j(T) = Q_j(0) goes through {@link ClaimContext#predicted}, so a mutant predicting
 * Q_j(T) = 0.95 Q_j(0) is killed on an unbalanced start. The alternative mutant claims the nearest plausible wrong
 * invariant ({@link #alternativeForm}). The form is a constructor parameter so that negative controls can claim a
 * quantity that is not conserved; the enclosure evaluates whatever form is claimed.
 */
public final class BalancednessClaim extends Claim {
    /** The certified bound on each |Q_j(T) - Q_j(0)|, relative to the larger squared parameter norm. */
    static final double RELATIVE_BOUND = 1e-9;
    static final String ALTERNATIVE = "wrong invariant";

    private final String id, paper, title;
    private final Problem problem;
    private final double[] theta0;
    private final double horizon;
    private final IntFunction<String> form;
    private final String formText;

    /**
     * @param horizon the T of the statement "Q_j(T) = Q_j(0)": chosen per instance so that the validated integrator
     *                is VALID up to it (measured; see proofs-notes/classic.md)
     */
    public BalancednessClaim(String id, String paper, String title, Problem problem, double[] theta0, double horizon,
                             IntFunction<String> form, String formText) {
        this.id = id;
        this.paper = paper;
        this.title = title;
        this.problem = problem;
        this.theta0 = theta0.clone();
        this.horizon = horizon;
        this.form = form;
        this.formText = formText;
    }

    /** The true invariant a_j^2 - |w_j|^2 - b_j^2 in Symja syntax. */
    public static IntFunction<String> balancedness(ParameterLayout layout) {
        return j -> {
            StringBuilder sb = new StringBuilder(ParameterSymbols.a(j) + "^2");
            for (int k = 0; k < layout.inputDim(); k++) sb.append(" - ").append(ParameterSymbols.w(j, k)).append("^2");
            if (layout.hiddenBias()) sb.append(" - ").append(ParameterSymbols.b(j)).append("^2");
            return sb.toString();
        };
    }

    /**
     * The nearest plausible wrong invariant: with a hidden bias, a_j^2 - |w_j|^2 (the bias term forgotten); without,
     * |a_j| - |w_j| (the balanced relation |a_j| = |w_j| of a balanced start taken for the conserved quantity).
     */
    static IntFunction<String> alternativeForm(ParameterLayout layout) {
        if (layout.hiddenBias()) return j -> {
            StringBuilder sb = new StringBuilder(ParameterSymbols.a(j) + "^2");
            for (int k = 0; k < layout.inputDim(); k++) sb.append(" - ").append(ParameterSymbols.w(j, k)).append("^2");
            return sb.toString();
        };
        return j -> {
            StringBuilder sb = new StringBuilder("Sqrt[" + ParameterSymbols.a(j) + "^2] - Sqrt[0");
            for (int k = 0; k < layout.inputDim(); k++) sb.append(" + ").append(ParameterSymbols.w(j, k)).append("^2");
            return sb.append("]").toString();
        };
    }

    static String alternativeText(ParameterLayout layout) { return layout.hiddenBias() ? "a_j^2 - |w_j|^2" : "|a_j| - |w_j|"; }

    @Override public String id() { return id; }
    @Override public String paper() { return paper; }
    @Override public String title() { return title; }
    @Override public String hypotheses() {
        return "gradient flow of a two-layer network with a positively homogeneous activation (" + problem.architecture().activation().describe()
                + "), " + problem.loss().specName() + " loss, width " + problem.architecture().width() + ", over [0, " + horizon + "]";
    }
    @Override public String criterion() {
        return "d/dt (" + formText + ") = 0 identically in every activation region (Symja), and a validated enclosure VALID over the whole of [0, "
                + horizon + "] certifies |Q_j(" + horizon + ") - Q_j(0)| <= " + RELATIVE_BOUND + " max(|theta(0)|^2, |theta(T)|^2) for every neuron";
    }
    @Override public Provenance provenance() {
        return Provenance.reconstructed("Euler's identity for 1-homogeneous activations; proofs-notes/classic.md");
    }

    @Override public List<Mutant> mutants() {
        List<Mutant> all = new ArrayList<>(super.mutants());
        all.add(new Mutant.Alternative(ALTERNATIVE, alternativeText(problem.layout()) + " claimed conserved"));
        return all;
    }

    /**
     * Every dynamics mutant keeps Q_j conserved. dQ_j/dt = 2 a_j a_j' - 2 (w_j, b_j).(w_j, b_j)' is a sum over samples
     * of weight x ell' x a_j (sigma(z_ij) - sigma'(z_ij) z_ij), zero by Euler's identity sigma(z) = sigma'(z) z: for
     * any factor on the field and any sample weights, at z = 0 for any choice of sigma'(0), and with sigma(z) =
     * gate z for any Filippov gate.
     */
    @Override public Map<String, String> cannotKill() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Mutant d : Mutant.standardDynamics()) {
            String why = d instanceof Mutant.FieldScale
                    ? "theta' = -c grad L conserves Q_j for every c > 0 (the identity dQ_j/dt = 0 is linear in the field)"
                    : d instanceof Mutant.LossNormalization
                    ? "Q_j is conserved for every choice of sample weights, so 1/(2n) conserves it as 1/n does"
                    : d instanceof Mutant.ReluPrimeAtZero
                    ? "Euler's identity sigma(z) = sigma'(z) z holds at z = 0 for every value of sigma'(0)"
                    : d instanceof Mutant.SlidingGate
                    ? "with sigma(z) = gate z on a sliding pair Euler's identity holds for every gate, so a wrong gate still conserves Q_j"
                    : null;
            if (why != null) m.put(d.name(), why);
        }
        return m;
    }

    @Override protected Outcome evaluate(ClaimContext ctx) throws Exception {
        boolean alternative = ctx.alternative(ALTERNATIVE);
        IntFunction<String> claimed = alternative ? alternativeForm(problem.layout()) : form;
        String claimedText = alternative ? alternativeText(problem.layout()) : formText;
        Problem run = ctx.problem(problem);
        int m = problem.architecture().width();
        List<ActivationPattern> regions = Invariants.regions(problem, 64, 7);
        for (ActivationPattern region : regions)
            for (int j = 0; j < m; j++) {
                String d = Invariants.derivativeAlongFlow(ctx.symja(), run, region, claimed.apply(j));
                if (!d.equals("0"))
                    return Outcome.of(Verdict.VIOLATED, "d/dt (" + claimedText + ") is not 0 for neuron " + (j + 1) + " in region " + region + ": " + d,
                            "region", region.toString(), "neuron", j + 1, "dQ/dt", d);
            }
        int n = ((FiniteDataset) problem.data()).size();
        boolean allRegions = m * n <= 12 && regions.size() == 1 << (m * n);

        List<String> names = ParameterSymbols.names(problem.layout());
        List<String> forms = new ArrayList<>();
        for (int j = 0; j < m; j++) forms.add(claimed.apply(j));
        StraightLineProgram q = StraightLineProgram.compile(ctx.symja().eval("{" + String.join(", ", forms) + "}"), names);
        List<Interval> q0 = over(q, IntervalVector.ofPoints(theta0));

        SwitchedField field = NetworkFields.switchedField(run);
        Enclosure e = new ValidatedIntegrator(field, ValidatedIntegrator.Settings.defaultsFor(field))
                .integrate(IntervalVector.ofPoints(theta0), horizon);
        List<Interval> qT = over(q, e.box());
        double scale = Math.max(squaredNorm(IntervalVector.ofPoints(theta0)), squaredNorm(e.box())), bound = RELATIVE_BOUND * scale;
        List<double[]> changes = new ArrayList<>();
        double largest = 0;
        for (int j = 0; j < m; j++) {
            Interval change = qT.get(j).sub(q0.get(j));
            changes.add(new double[] {change.lo(), change.hi()});
            largest = Math.max(largest, change.mag());
            double start = (q0.get(j).lo() + q0.get(j).hi()) / 2, predictedChange = ctx.predicted(start) - start;
            if (!change.contains(predictedChange))
                return Outcome.of(Verdict.VIOLATED, String.format("neuron %d: the enclosure (%s to t = %s) certifies Q(t) - Q(0) in [%.6g, %.6g], "
                                + "excluding the predicted change %.6g", j + 1, e.status(), e.t(), change.lo(), change.hi(), predictedChange),
                        "neuron", j + 1, "t", e.t(), "enclosure_status", e.status().name(), "changes", changes, "predicted_change", predictedChange);
        }
        String crossings = e.events().size() + (e.events().size() == 1 ? " crossing" : " crossings");
        if (!e.isValid() || e.t() < horizon)
            return Outcome.of(Verdict.INCONCLUSIVE, "the enclosure is " + e.status() + " only to t = " + e.t() + " of the stated " + horizon + " (" + e.reason() + ")",
                    "enclosure_status", e.status().name(), "t", e.t(), "changes", changes);
        if (!(largest <= bound))
            return Outcome.of(Verdict.INCONCLUSIVE, String.format("the enclosure over [0, %s] (%s) certifies |Q_j(T) - Q_j(0)| <= %.3g only, "
                    + "above the stated bound %.3g", horizon, crossings, largest, bound), "changes", changes, "bound", bound);
        Verdict v = allRegions ? Verdict.CERTIFIED : Verdict.CONSISTENT;
        return Outcome.of(v, String.format("dQ_j/dt = 0 in %d%s regions; enclosure VALID over [0, %s] (%s) certifies |Q_j(T) - Q_j(0)| <= %.2g "
                                + "for every neuron (stated bound %.2g)", regions.size(), allRegions ? " (all)" : " sampled", horizon, crossings, largest, bound),
                "regions", regions.size(), "all_regions", allRegions, "enclosure_status", e.status().name(), "t", e.t(),
                "crossings", e.events().size(), "changes", changes, "certified_max_change", largest, "bound", bound);
    }

    private static List<Interval> over(StraightLineProgram q, IntervalVector box) {
        return q.evaluate(IntervalArithmetic.INSTANCE, List.of(box.toArray()));
    }

    /** An upper bound of |theta|^2 over the box. */
    private static double squaredNorm(IntervalVector box) {
        Interval s = Interval.ZERO;
        for (int i = 0; i < box.dimension(); i++) s = s.add(box.get(i).sqr());
        return s.hi();
    }
}
