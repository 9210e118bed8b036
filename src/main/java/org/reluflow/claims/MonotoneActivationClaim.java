package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Problem;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.GuardEvent;
import org.reluflow.validated.NetworkFields;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;

/**
 * P2.2: with orthogonal inputs and sigma'(0) = 0, a neuron's activation set {k : &lt;w_j, x_k&gt; &gt; 0} never gains an
 * element along gradient flow. Certified on [0, T] by the validated integrator: every certified switching event goes
 * from active to inactive (a crossing into the negative side, or a frozen coordinate), and no step needed the
 * convex-hull inclusion (which would leave the pattern undecided).
 */
public final class MonotoneActivationClaim extends Claim {
    private final Problem problem;
    private final List<double[]> starts;
    private final double horizon;

    private final boolean checkHypotheses;

    /** Checked from each of the initializations {@code starts}. */
    public MonotoneActivationClaim(Problem problem, List<double[]> starts, double horizon) { this(problem, starts, horizon, true); }

    /** {@code checkHypotheses} false runs the check outside the hypotheses (a negative control that must fail). */
    public MonotoneActivationClaim(Problem problem, List<double[]> starts, double horizon, boolean checkHypotheses) {
        this.problem = problem;
        this.starts = List.copyOf(starts);
        this.horizon = horizon;
        this.checkHypotheses = checkHypotheses;
    }

    @Override public String id() { return "P2.2"; }
    @Override public String paper() { return "boursier-2022"; }
    @Override public String title() { return "Orthogonal inputs, sigma'(0) = 0: activation sets only shrink"; }
    @Override public String hypotheses() {
        return "orthogonal inputs, ReLU with sigma'(0) = 0, no biases, square loss, gradient flow on [0, " + horizon + "] from "
                + starts.size() + " initializations";
    }
    @Override public String criterion() { return "every certified switch goes off (into = -1) and no step used the convex-hull inclusion"; }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 3.3; proofs-notes/boursier-2022.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        var act = problem.architecture().activation();
        if (checkHypotheses) {
        if (!act.isRelu() || act.derivativeAtZero() != 0) return Outcome.outside("needs ReLU with sigma'(0) = 0, got " + act.describe());
        if (!(problem.data() instanceof FiniteDataset data) || !PlateauLevelsClaim.orthogonal(data.x())) return Outcome.outside("the inputs are not orthogonal");
        if (problem.architecture().hiddenBias()) return Outcome.outside("hidden biases couple the inputs");
        }
        SwitchedField f = NetworkFields.switchedField(problem);
        ValidatedIntegrator vi = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f));
        List<String> gained = new ArrayList<>();
        int off = 0;
        double widest = 0;
        for (int s = 0; s < starts.size(); s++) {
            Enclosure e = vi.integrate(IntervalVector.ofPoints(starts.get(s)), horizon);
            for (GuardEvent ev : e.events()) {
                if (ev.kind() == GuardEvent.Kind.CONVEX_HULL || ev.kind() == GuardEvent.Kind.SLIDING)
                    return Outcome.of(Verdict.INCONCLUSIVE, "initialization " + (s + 1) + ": validation needed the inclusion at t = "
                            + ev.time().lo() + " (" + ev.guard() + ")", "certified_until", ev.time().lo());
                if (ev.into() > 0) gained.add("initialization " + (s + 1) + ": " + ev.guard() + " at t in " + ev.time());
                else off++;
            }
            if (!gained.isEmpty()) return Outcome.of(Verdict.VIOLATED, "activation gained: " + gained.get(0), "gained", gained);
            if (!e.isValid()) return Outcome.of(Verdict.INCONCLUSIVE, "validation stopped: " + e.reason(), "certified_until", e.t());
            widest = Math.max(widest, e.maxCrossingWidth());
        }
        if (off == 0) return Outcome.of(Verdict.INCONCLUSIVE, "no switch happened: the instance does not exercise the claim");
        return Outcome.of(Verdict.CERTIFIED, off + " certified switches over " + starts.size() + " initializations, all off, on [0, "
                + horizon + "]", "switches_off", off, "max_crossing_width", widest);
    }
}
