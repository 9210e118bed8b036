package org.reluflow.claims;

import java.util.SplittableRandom;
import org.reluflow.observe.Ntk;

/**
 * P4.2: the infinite-width NTK Gram matrix of a ReLU layer on unit inputs has the closed form
 * H_ik = &lt;x_i, x_k&gt; (pi - arccos &lt;x_i, x_k&gt;) / (2 pi), and lambda_0 = lambda_min(H) &gt; 0 when no two
 * inputs are parallel. Each entry is compared with a Monte Carlo mean over 200000 Gaussian weights (5 standard
 * errors); lambda_0's sign is the second part. {@code expectPositive} false is the claim for parallel inputs
 * (lambda_0 = 0 to 1e-12); a negative control asserts positivity on parallel inputs.
 */
public final class NtkLambdaClaim extends Claim {
    private final double[][] x;
    private final boolean expectPositive;

    public NtkLambdaClaim(double[][] unitInputs, boolean expectPositive) {
        this.x = unitInputs;
        this.expectPositive = expectPositive;
    }

    @Override public String id() { return "P4.2"; }
    @Override public String paper() { return "bu-2021"; }
    @Override public String title() { return "NTK limit: closed-form H-infinity; lambda_0 > 0 for distinct unit inputs, 0 for parallel ones"; }
    @Override public String hypotheses() { return x.length + " unit inputs in dimension " + x[0].length; }
    @Override public String criterion() {
        return "every entry within 5 Monte Carlo standard errors (200000 draws); lambda_0 " + (expectPositive ? "> 1e-12" : "<= 1e-12");
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 5.2; proofs-notes/bu-2021.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        double[][] h = Ntk.infiniteWidth(x);
        int n = x.length, d = x[0].length, draws = 200_000;
        double[][] count = new double[n][n];
        SplittableRandom rnd = new SplittableRandom(5);
        double[] w = new double[d];
        boolean[] on = new boolean[n];
        for (int s = 0; s < draws; s++) {
            for (int q = 0; q < d; q++) w[q] = rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int q = 0; q < d; q++) z += w[q] * x[i][q];
                on[i] = z > 0;
            }
            for (int i = 0; i < n; i++) if (on[i]) for (int k = 0; k < n; k++) if (on[k]) count[i][k]++;
        }
        double worst = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int q = 0; q < d; q++) dot += x[i][q] * x[k][q];
                double se = Math.abs(dot) * 0.5 / Math.sqrt(draws) + 1e-12;
                double z = Math.abs(dot * count[i][k] / draws - h[i][k]) / se;
                worst = Math.max(worst, z);
                if (z > 5) return Outcome.of(Verdict.VIOLATED, "entry " + i + "," + k + " off by " + z + " standard errors", "entry", new int[] {i, k});
            }
        double lambda0 = Ntk.lambda0(x);
        boolean positive = lambda0 > 1e-12;
        if (positive != expectPositive)
            return Outcome.of(Verdict.VIOLATED, "lambda_0 = " + lambda0, "lambda0", lambda0);
        return Outcome.of(Verdict.CONSISTENT, String.format("entries within %.2f standard errors; lambda_0 = %.4g", worst, lambda0),
                "lambda0", lambda0, "worst_standard_errors", worst);
    }
}
