package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reluflow.dynamics.Simulator;
import org.reluflow.model.Activation;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Method;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * P2.10: with orthogonal unit inputs, the positive labels are fitted by a full-set neuron (a &gt; 0, active on every
 * positive sample) only if one starts so, which has probability 2^{-(n+ + 1)} per neuron (sign and n+ coordinates);
 * over seeds the success frequency at width m is 1 - (1 - 2^{-(n+ + 1)})^m. Success is read from the end of the
 * run: some neuron with a &gt; 0 is active on every positive sample and carries at least 10% of the positive part
 * (activation sets only shrink, P2.2, so the dynamics must keep it). With several positive labels, partial-set
 * neurons fit the rest (the P2.9 finding), so success here is not the minimum-norm interpolator itself.
 * Checked for m = 2, 4, 8 with 40 balanced Gaussian initializations each (scale 1e-4, horizon 400): every
 * frequency within 3 binomial standard errors (plus 1/40) of the prediction. {@code exponentShift} changes the
 * predicted per-neuron probability to 2^{-(n+ + 1 + shift)} (a negative control).
 */
public final class WidthThresholdClaim extends Claim {
    private final int exponentShift;
    private final double[] labels;

    public WidthThresholdClaim(int exponentShift) { this(exponentShift, new double[] {1, 0.5, -0.2, -0.1}); }

    /** Orthogonal unit inputs with these labels (both signs present). */
    public WidthThresholdClaim(int exponentShift, double[] labels) {
        this.exponentShift = exponentShift;
        this.labels = labels.clone();
    }

    @Override public String id() { return "P2.10"; }
    @Override public String paper() { return "boursier-2022"; }
    @Override public String title() { return "Width threshold: success frequency 1 - (1 - 2^-(n+ + 1))^m"; }
    @Override public String hypotheses() {
        return "unit orthogonal inputs, labels " + java.util.Arrays.toString(labels) + ", sigma'(0) = 0, balanced Gaussian initialization of scale 1e-4";
    }
    @Override public String criterion() {
        return "|success frequency - (1 - (1 - 2^-(n+ + 1" + (exponentShift != 0 ? " + " + exponentShift : "") + "))^m)| <= 3 sqrt(p(1-p)/40) + 1/40 for m = 2, 4, 8";
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 3.4; proofs-notes/boursier-2022.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        int n = labels.length, nPlus = 0, runs = 40;
        for (double y : labels) if (y > 0) nPlus++;
        if (nPlus == 0 || nPlus == n) return Outcome.outside("needs labels of both signs");
        double perNeuron = Math.pow(2, -(nPlus + 1 + exponentShift));
        List<double[]> rows = new ArrayList<>();
        for (int m : new int[] {2, 4, 8}) {
            Problem p = Catalog.orthogonal(m, labels, Activation.relu());
            ParameterLayout l = p.layout();
            SplittableRandom rnd = new SplittableRandom(1000 + m);
            int success = 0;
            for (int r = 0; r < runs; r++) {
                double[] t = new double[l.size()];
                for (int j = 0; j < m; j++) {
                    double n2 = 0;
                    for (int k = 0; k < n; k++) { double w = 1e-4 * rnd.nextGaussian(); t[l.w(j, k)] = w; n2 += w * w; }
                    t[l.a(j)] = (rnd.nextBoolean() ? 1 : -1) * Math.sqrt(n2);
                }
                Experiment e = new Experiment("width " + m, p, t, new Method.GradientFlow(1e-10, 1e-14, 1_000_000), 400, 5, java.util.Map.of(), false, List.of());
                if (aligned(p, Simulator.run(e, f -> { }).finalTheta())) success++;
            }
            double predicted = 1 - Math.pow(1 - perNeuron, m), freq = success / (double) runs;
            double tol = 3 * Math.sqrt(predicted * (1 - predicted) / runs) + 1.0 / runs;
            rows.add(new double[] {m, freq, predicted, tol});
            if (Math.abs(freq - predicted) > tol)
                return Outcome.of(Verdict.VIOLATED, String.format("m = %d: frequency %.3f against %.3f (tolerance %.3f)", m, freq, predicted, tol), "m_freq_pred_tol", rows);
        }
        return Outcome.of(Verdict.CONSISTENT, "frequencies " + rows.stream().map(r -> String.format("%.3f (pred %.3f)", r[1], r[2])).toList() + " for m = 2, 4, 8",
                "m_freq_pred_tol", rows);
    }

    /** Some neuron with a &gt; 0 active on every positive sample carries at least 10% of the positive part. */
    private static boolean aligned(Problem p, double[] theta) {
        ParameterLayout l = p.layout();
        FiniteDataset d = (FiniteDataset) p.data();
        double total = 0, best = 0;
        for (int j = 0; j < l.width(); j++) {
            if (theta[l.a(j)] <= 0) continue;
            double[] w = l.wRow(theta, j);
            double nw = 0;
            for (double v : w) nw += v * v;
            double size = theta[l.a(j)] * Math.sqrt(nw);
            total += size;
            boolean full = true;
            for (int k = 0; k < d.size(); k++) {
                if (d.y()[k] <= 0) continue;
                double z = 0;
                for (int q = 0; q < w.length; q++) z += w[q] * d.x()[k][q];
                full &= z > 0;
            }
            if (full) best = Math.max(best, size);
        }
        return total > 0 && best >= 0.1 * total;
    }
}
