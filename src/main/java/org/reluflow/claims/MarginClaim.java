package org.reluflow.claims;

import java.util.List;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.field.NetworkObjective;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;

/**
 * Lyu and Li: for a 2-homogeneous network trained by gradient flow on the exponential loss sum_i e^{-q_i}, the
 * smoothed margin ln(1/L) / |theta|^2 never decreases once L &lt; 1. reluflow's loss is weighted,
 * L = sum_i p_i e^{-q_i}; the same proof (proofs-notes/classic.md, section 4) gives the monotone quantity
 * (ln(1/L) - ln(1/p_min)) / |theta|^2 once L &lt; p_min, which is Lyu and Li's for uniform weights. Checked on the
 * recorded trajectory after that time: every decrease must stay below 1e-9 relative (integration error). Used as
 * P1.7 on Wang and Ma's instance and as classic.lyu-li on a separable data set. The negative controls track the
 * uncorrected ln(1/L) / |theta|^2 or the plain normalized margin, which are not monotone in general.
 */
public final class MarginClaim extends Claim {
    private final String id, paper;
    private final Experiment experiment;
    private final Quantity quantity;

    /** What is tracked: the claim's corrected smoothed margin, or (negative controls) quantities not proved monotone. */
    public enum Quantity { SMOOTHED, UNCORRECTED, PLAIN }

    public MarginClaim(String id, String paper, Experiment experiment, Quantity quantity) {
        this.id = id;
        this.paper = paper;
        this.experiment = experiment;
        this.quantity = quantity;
    }

    @Override public String id() { return id; }
    @Override public String paper() { return paper; }
    @Override public String title() { return "Final phase: the smoothed margin (ln(1/L) - ln(1/p_min)) / |theta|^2 increases monotonically (Lyu & Li)"; }
    @Override public String hypotheses() {
        return "exponential loss, 2-homogeneous ReLU network without biases, gradient flow (" + experiment.name() + "), after L < min weight";
    }
    @Override public String criterion() {
        return (switch (quantity) {
                    case SMOOTHED -> "the smoothed margin (ln(1/L) - ln(1/p_min)) / |theta|^2";
                    case UNCORRECTED -> "ln(1/L) / |theta|^2 (uncorrected for the weights)";
                    case PLAIN -> "the plain normalized margin min_i y_i f(x_i) / |theta|^2";
                })
                + " never decreases by more than 1e-9 relative after L < min_i p_i";
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("Lyu & Li 2020; proofs-notes/classic.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        var arch = experiment.problem().architecture();
        if (arch.hiddenBias() || arch.outputBias() || !arch.activation().isRelu() || experiment.problem().loss() != org.reluflow.model.Loss.EXPONENTIAL)
            return Outcome.outside("needs a bias-free ReLU network and the exponential loss");
        FiniteDataset d = (FiniteDataset) experiment.problem().data();
        double minWeight = java.util.Arrays.stream(d.weights()).min().orElse(1);
        Trajectory tr = Simulator.run(experiment, f -> { });
        NetworkObjective obj = new NetworkObjective(experiment.problem());
        double previous = Double.NEGATIVE_INFINITY, first = Double.NaN, last = Double.NaN, start = Double.NaN;
        int checked = 0;
        for (int k = 0; k < tr.size(); k++) {
            double[] theta = tr.thetas().get(k);
            double loss = obj.value(theta);
            if (!(loss < minWeight)) continue;
            double n2 = 0;
            for (double v : theta) n2 += v * v;
            double margin = switch (quantity) {
                case SMOOTHED -> (Math.log(1 / loss) - Math.log(1 / minWeight)) / n2;
                case UNCORRECTED -> Math.log(1 / loss) / n2;
                case PLAIN -> {
                    double[] f = obj.predict(theta);
                    double mg = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < f.length; i++) mg = Math.min(mg, d.y()[i] * f[i]);
                    yield mg / n2;
                }
            };
            if (Double.isNaN(start)) { start = tr.times().get(k); first = margin; }
            if (margin < previous - 1e-9 * Math.abs(previous))
                return Outcome.of(Verdict.VIOLATED, String.format("the margin fell from %.10g to %.10g at t = %.4g", previous, margin, tr.times().get(k)),
                        "t", tr.times().get(k), "before", previous, "after", margin);
            previous = margin;
            last = margin;
            checked++;
        }
        if (checked < 10) return Outcome.of(Verdict.INCONCLUSIVE, "L < min weight reached at too few recorded times (" + checked + ")");
        return Outcome.of(Verdict.CONSISTENT, String.format("non-decreasing at %d recorded times from t = %.3g: %.6g -> %.6g", checked, start, first, last),
                "recorded_times", checked, "from_t", start, "first", first, "last", last);
    }

    /** A separable data set: six unit points in the plane, labels by the sign of the first coordinate. */
    static Experiment separable() { return separable(21); }

    /** The same points with the network initialized from {@code seed}. */
    static Experiment separable(long seed) {
        double[][] x = new double[6][];
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            double angle = -1.2 + 0.5 * i + (i >= 3 ? 1.1 : 0);
            x[i] = new double[] {Math.cos(angle), Math.sin(angle)};
            y[i] = x[i][0] > 0 ? 1 : -1;
        }
        var p = new org.reluflow.model.Problem(new org.reluflow.model.Architecture(4, 2, false, false, org.reluflow.model.OutputScale.ONE, true,
                org.reluflow.model.Activation.relu()), FiniteDataset.uniform(x, y), org.reluflow.model.Loss.EXPONENTIAL);
        double[] t = Catalog.random(p, seed, 0.5);
        return new Experiment("six separable points", p, t, new org.reluflow.model.Method.GradientFlow(1e-10, 1e-14, 1_000_000), 400, 1,
                java.util.Map.of(), false, List.of());
    }
}
