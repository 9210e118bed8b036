package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.ActivationPattern;
import org.reluflow.symbolic.Invariants;
import org.reluflow.symbolic.ParameterSymbols;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.NetworkFields;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;

/**
 * Gradient flow conserves Q_j = a_j^2 - |w_j|^2 - b_j^2 for every neuron (positive homogeneity). Certified twice on
 * the instance: Symja simplifies dQ_j/dt along the field to 0 in every activation region, and a validated enclosure
 * of the flow from theta0 gives Q_j(T) - Q_j(0) an interval that contains 0. The form is a parameter so that a
 * negative control can claim a quantity that is not conserved.
 */
public final class BalancednessClaim extends Claim {
    private final String id, paper, title;
    private final Problem problem;
    private final double[] theta0;
    private final double horizon;
    private final IntFunction<String> form;
    private final String formText;

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

    @Override public String id() { return id; }
    @Override public String paper() { return paper; }
    @Override public String title() { return title; }
    @Override public String hypotheses() {
        return "gradient flow of a two-layer network with a positively homogeneous activation (" + problem.architecture().activation().describe()
                + "), " + problem.loss().specName() + " loss, width " + problem.architecture().width();
    }
    @Override public String criterion() {
        return "d/dt (" + formText + ") = 0 identically in every activation region (Symja), and the validated enclosure of its change over [0, "
                + horizon + "] contains 0";
    }
    @Override public Provenance provenance() {
        return Provenance.reconstructed("Euler's identity for 1-homogeneous activations; proofs-notes/classic.md");
    }

    @Override protected Outcome evaluate(ClaimContext ctx) throws Exception {
        int m = problem.architecture().width();
        List<ActivationPattern> regions = Invariants.regions(problem, 64, 7);
        for (ActivationPattern region : regions)
            for (int j = 0; j < m; j++) {
                String d = Invariants.derivativeAlongFlow(ctx.symja(), problem, region, form.apply(j));
                if (!d.equals("0"))
                    return Outcome.of(Verdict.VIOLATED, "not conserved for neuron " + (j + 1) + " in region " + region,
                            "region", region.toString(), "neuron", j + 1, "dQ/dt", d);
            }
        int n = ((org.reluflow.model.FiniteDataset) problem.data()).size();
        boolean allRegions = m * n <= 12 && regions.size() == 1 << (m * n);
        SwitchedField field = NetworkFields.switchedField(problem);
        Enclosure e = new ValidatedIntegrator(field, ValidatedIntegrator.Settings.defaultsFor(field))
                .integrate(IntervalVector.ofPoints(theta0), horizon);
        List<double[]> changes = new ArrayList<>();
        boolean contains = true;
        for (int j = 0; j < m; j++) {
            Interval change = quadratic(j, e.box()).sub(quadratic(j, IntervalVector.ofPoints(theta0)));
            changes.add(new double[] {change.lo(), change.hi()});
            contains &= change.contains(0);
        }
        if (!contains)
            return Outcome.of(Verdict.VIOLATED, "the enclosure of the change excludes 0", "changes", changes, "t", e.t());
        Verdict v = allRegions ? Verdict.CERTIFIED : Verdict.CONSISTENT;
        return Outcome.of(v, "dQ_j/dt = 0 in " + regions.size() + (allRegions ? " (all)" : " sampled") + " regions; enclosure ("
                        + e.status() + " to t = " + e.t() + ") of every change contains 0",
                "regions", regions.size(), "all_regions", allRegions, "enclosure_status", e.status().name(), "t", e.t(),
                "changes", changes);
    }

    /** The true balancedness over a box (the symbolic form is the claim; the enclosure checks the true invariant). */
    private Interval quadratic(int j, IntervalVector box) {
        ParameterLayout l = problem.layout();
        Interval q = box.get(l.a(j)).sqr();
        for (int k = 0; k < l.inputDim(); k++) q = q.sub(box.get(l.w(j, k)).sqr());
        if (l.hiddenBias()) q = q.sub(box.get(l.b(j)).sqr());
        return q;
    }
}
