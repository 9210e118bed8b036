package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.stat.regression.SimpleRegression;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;
import org.reluflow.observe.Ntk;

/**
 * P4.1: at a random initialization (w_r ~ N(0, I), a_r = +-1, output scale 1/sqrt(m), first layer trained) the
 * NTK Gram matrix H(0) concentrates around H-infinity like m^{-1/2}. Over m = 100 ... 25600 (median over 5 seeds
 * each), the log-log slope of ||H(0) - H-infinity||_F against m must be within 0.1 of {@code predictedSlope}
 * (-1/2 in the claim).
 */
public final class NtkConcentrationClaim extends Claim {
    private final String id, paper;
    private final double[][] x;
    private final double predictedSlope;

    public NtkConcentrationClaim(double[][] unitInputs, double predictedSlope) { this("P4.1", "bu-2021", unitInputs, predictedSlope); }

    public NtkConcentrationClaim(String id, String paper, double[][] unitInputs, double predictedSlope) {
        this.id = id;
        this.paper = paper;
        this.x = unitInputs;
        this.predictedSlope = predictedSlope;
    }

    @Override public String id() { return id; }
    @Override public String paper() { return paper; }
    @Override public String title() { return "NTK Gram matrix at initialization concentrates like m^(-1/2)"; }
    @Override public String hypotheses() { return x.length + " unit inputs, Gaussian first layer, output weights +-1, scale 1/sqrt(m)"; }
    @Override public String criterion() { return "log-log slope of the median ||H(0) - H-inf||_F against m within 0.1 of " + predictedSlope; }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 5.2; proofs-notes/bu-2021.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        double[][] hinf = Ntk.infiniteWidth(x);
        int n = x.length, d = x[0].length;
        SimpleRegression fit = new SimpleRegression();
        List<double[]> points = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(13);
        for (int m = 100; m <= 25600; m *= 4) {
            Problem p = new Problem(new Architecture(m, d, false, false, OutputScale.INV_SQRT_M, false, Activation.relu()),
                    FiniteDataset.uniform(x, new double[n]), Loss.SQUARE);
            double[] errors = new double[5];
            for (int rep = 0; rep < 5; rep++) {
                double[] theta = new double[p.layout().size()];
                for (int j = 0; j < m; j++) {
                    theta[p.layout().a(j)] = rnd.nextBoolean() ? 1 : -1;
                    for (int k = 0; k < d; k++) theta[p.layout().w(j, k)] = rnd.nextGaussian();
                }
                double[][] h = Ntk.gram(p, theta);
                double s = 0;
                for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) s += (h[i][k] - hinf[i][k]) * (h[i][k] - hinf[i][k]);
                errors[rep] = Math.sqrt(s);
            }
            java.util.Arrays.sort(errors);
            fit.addData(Math.log(m), Math.log(errors[2]));
            points.add(new double[] {m, errors[2]});
        }
        double slope = fit.getSlope();
        Verdict v = Math.abs(slope - predictedSlope) <= 0.1 ? Verdict.CONSISTENT : Verdict.VIOLATED;
        return Outcome.of(v, String.format("slope %.3f against %.2f", slope, predictedSlope), "slope", slope, "m_and_error", points);
    }
}
