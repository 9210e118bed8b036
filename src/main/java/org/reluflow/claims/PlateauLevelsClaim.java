package org.reluflow.claims;

import java.util.List;
import java.util.Map;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.observe.Observation;
import org.reluflow.observe.Observer;
import org.reluflow.observe.Plateau;

/**
 * P2.5: with orthogonal inputs, square loss, small balanced initialization and sigma'(0) = 0, the loss rests on
 * two plateaus, L0 = sum_k y_k^2 / (2n) (all neurons near 0) and L1 = sum_{y_k &lt; 0} y_k^2 / (2n) (the positive
 * labels fitted). Event-driven gradient flow (DormandPrince853, rtol 1e-10), plateaus found by the plateau detector;
 * each detected level must match its prediction within relative {@code tolerance}.
 */
public final class PlateauLevelsClaim extends Claim {
    private final Experiment experiment;
    private final double tolerance;

    public PlateauLevelsClaim(Experiment experiment, double tolerance) {
        this.experiment = experiment;
        this.tolerance = tolerance;
    }

    @Override public String id() { return "P2.5"; }
    @Override public String paper() { return "boursier-2022"; }
    @Override public String title() { return "Orthogonal inputs: the loss plateaus at L0 and then at L1"; }
    @Override public String hypotheses() {
        return "orthogonal inputs, square loss, sigma'(0) = 0, small balanced initialization with a full-set neuron of each sign ("
                + experiment.name() + ")";
    }
    @Override public String criterion() { return "the first two detected plateau levels equal L0 and L1 within relative " + tolerance; }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 3.3; proofs-notes/boursier-2022.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        var arch = experiment.problem().architecture();
        if (arch.activation().derivativeAtZero() != 0 || !arch.activation().isRelu()) return Outcome.outside("needs ReLU with sigma'(0) = 0");
        if (!(experiment.problem().data() instanceof FiniteDataset data) || !orthogonal(data.x())) return Outcome.outside("the inputs are not orthogonal");
        double[] y = data.y();
        if (!fullSetNeuron(experiment, true) || !fullSetNeuron(experiment, false))
            return Outcome.outside("no neuron starts active on all samples of one sign with the matching output sign (P2.10's event)");
        double l0 = 0, l1 = 0;
        for (double v : y) { l0 += v * v; if (v < 0) l1 += v * v; }
        l0 /= 2 * y.length;
        l1 /= 2 * y.length;
        Trajectory tr = Simulator.run(experiment, f -> { });
        Observation obs = Observer.observe(experiment, tr);
        List<Plateau> plateaus = obs.plateaus();
        if (plateaus.size() < 2)
            return Outcome.of(Verdict.INCONCLUSIVE, "found " + plateaus.size() + " plateaus, need 2 (horizon too short or init too large)",
                    "plateaus", plateaus.size());
        double e0 = Math.abs(plateaus.get(0).level() - l0) / l0, e1 = Math.abs(plateaus.get(1).level() - l1) / l1;
        Verdict v = e0 <= tolerance && e1 <= tolerance ? Verdict.CONSISTENT : Verdict.VIOLATED;
        return Outcome.of(v, String.format("levels %.6g, %.6g against L0 = %.6g, L1 = %.6g (relative errors %.2g, %.2g)",
                        plateaus.get(0).level(), plateaus.get(1).level(), l0, l1, e0, e1),
                "levels", List.of(plateaus.get(0).level(), plateaus.get(1).level()), "predicted", Map.of("L0", l0, "L1", l1),
                "relative_errors", List.of(e0, e1));
    }

    /** Some neuron has sign(a_j) = sign and is active on every sample with a label of that sign. */
    static boolean fullSetNeuron(Experiment e, boolean positive) {
        FiniteDataset d = (FiniteDataset) e.problem().data();
        var l = e.problem().layout();
        double[] t = e.theta0();
        for (int j = 0; j < l.width(); j++) {
            if ((t[l.a(j)] > 0) != positive || t[l.a(j)] == 0) continue;
            boolean full = true;
            for (int k = 0; k < d.size(); k++) {
                if (d.y()[k] == 0 || (d.y()[k] > 0) != positive) continue;
                full &= l.preactivation(t, j, d.x()[k]) > 0;
            }
            if (full) return true;
        }
        return false;
    }

    static boolean orthogonal(double[][] x) {
        for (int i = 0; i < x.length; i++)
            for (int k = i + 1; k < x.length; k++) {
                double dot = 0;
                for (int q = 0; q < x[i].length; q++) dot += x[i][q] * x[k][q];
                if (Math.abs(dot) > 1e-12) return false;
            }
        return true;
    }
}
