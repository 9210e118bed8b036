package org.reluflow.testkit;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.CriticalPoints;

/**
 * jqwik arbitraries for the instances the four theories need. Every hypothesis holds by construction (ranges and
 * sign patterns, not filters), so shrinking stays inside the hypotheses and a shrunk counterexample is still an
 * instance the theory speaks about.
 */
public final class Instances {
    private Instances() {}

    /** Orthogonal unit inputs e_1..e_n (n in 2..4) with labels of magnitude in [0.05, 1], both signs present. */
    public static Arbitrary<FiniteDataset> orthogonalData() {
        return Arbitraries.integers().between(2, 4).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(0.05, 1).ofScale(2).list().ofSize(n),
                Arbitraries.integers().between(1, (1 << n) - 2)).as((mags, signs) -> {
                    double[][] x = new double[n][n];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i][i] = 1;
                        y[i] = ((signs >> i) & 1) == 1 ? mags.get(i) : -mags.get(i);
                    }
                    return FiniteDataset.uniform(x, y);
                }));
    }

    /**
     * Two unit points at angle D in [0.1, 0.8], labels +1 / -1, class weights with p cos D &gt; q (the early-phase
     * regime of Wang and Ma): q in [0.05, 0.3], p = q / cos D + gap.
     */
    public static Arbitrary<FiniteDataset> twoPoints() {
        return Combinators.combine(Arbitraries.doubles().between(0.1, 0.8).ofScale(2), Arbitraries.doubles().between(0.05, 0.3).ofScale(2),
                Arbitraries.doubles().between(0.1, 0.5).ofScale(2)).as((angle, q, gap) -> {
                    double p = q / Math.cos(angle) + gap, sum = p + q;
                    return new FiniteDataset(new double[][] {{1, 0}, {Math.cos(angle), Math.sin(angle)}}, new double[] {1, -1},
                            new double[] {p / sum, q / sum});
                });
    }

    /** Scalar affine targets alpha x + beta on [a, b] with small rational data (halves), alpha != 0. */
    public static Arbitrary<CriticalPoints.Instance> scalarAffine(int width) {
        return Combinators.combine(Arbitraries.integers().between(-4, 2), Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 6), Arbitraries.integers().between(-4, 4), Arbitraries.of(-1, 1)).as((a2, len2, alpha2, beta2, sign) ->
                CriticalPoints.Instance.of(a2 + "/2", (a2 + len2) + "/2", sign * alpha2 + "/2", beta2 + "/2", width, true));
    }

    /**
     * n unit inputs in dimension d (n in 2..5, d in 3..6) with every pair separated: |x_i - x_k| >= minSeparation and
     * |x_i + x_k| >= minSeparation (no two inputs parallel or opposite, so lambda_0 > 0). Drawn from a seed and
     * re-drawn until separated, so every shrunk value is still separated.
     */
    public static Arbitrary<double[][]> sphereInputs(double minSeparation) {
        return Combinators.combine(Arbitraries.integers().between(2, 5), Arbitraries.integers().between(3, 6), Arbitraries.longs().between(0, 1_000_000))
                .as((n, d, seed) -> {
                    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
                    while (true) {
                        double[][] x = new double[n][d];
                        for (double[] row : x) {
                            double s = 0;
                            for (int k = 0; k < d; k++) { row[k] = rnd.nextGaussian(); s += row[k] * row[k]; }
                            for (int k = 0; k < d; k++) row[k] /= Math.sqrt(s);
                        }
                        if (separated(x, minSeparation)) return x;
                    }
                });
    }

    private static boolean separated(double[][] x, double min) {
        for (int i = 0; i < x.length; i++)
            for (int k = i + 1; k < x.length; k++) {
                double minus = 0, plus = 0;
                for (int q = 0; q < x[i].length; q++) {
                    minus += (x[i][q] - x[k][q]) * (x[i][q] - x[k][q]);
                    plus += (x[i][q] + x[k][q]) * (x[i][q] + x[k][q]);
                }
                if (Math.sqrt(minus) < min || Math.sqrt(plus) < min) return false;
            }
        return true;
    }

    /**
     * A balanced initialization a_j = +-|w_j| of the given scale for a bias-free problem: each w_jk is scale times a
     * magnitude in [0.2, 3] with a random sign, so that shrinking never reaches the origin (a critical point, outside
     * every small-initialization hypothesis).
     */
    public static Arbitrary<double[]> balancedInit(Problem p, double scale) {
        ParameterLayout l = p.layout();
        int n = l.width() * l.inputDim();
        return Combinators.combine(Arbitraries.doubles().between(0.2, 3).ofScale(3).list().ofSize(n), Arbitraries.of(-1, 1).list().ofSize(n),
                Arbitraries.of(-1, 1).list().ofSize(l.width())).as((g, gs, signs) -> {
                    double[] t = new double[l.size()];
                    for (int j = 0; j < l.width(); j++) {
                        double n2 = 0;
                        for (int k = 0; k < l.inputDim(); k++) {
                            int idx = j * l.inputDim() + k;
                            double w = scale * gs.get(idx) * g.get(idx);
                            t[l.w(j, k)] = w;
                            n2 += w * w;
                        }
                        t[l.a(j)] = signs.get(j) * Math.sqrt(n2);
                    }
                    return t;
                });
    }

    /** A bias-free ReLU problem (sigma'(0) = 0, both layers trained, scale 1) on the data. */
    public static Problem relu(FiniteDataset data, int width, Loss loss) {
        return new Problem(new Architecture(width, data.inputDim(), false, false, OutputScale.ONE, true, Activation.relu()), data, loss);
    }

    /** A gradient-flow experiment (rtol 1e-10) with the given horizon. */
    public static Experiment flow(String name, Problem p, double[] theta0, double horizon) {
        return new Experiment(name, p, theta0, new Method.GradientFlow(1e-10, 1e-14, 1_000_000), horizon, horizon / 400, java.util.Map.of(), false, List.of());
    }
}
