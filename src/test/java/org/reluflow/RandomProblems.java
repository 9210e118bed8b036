package org.reluflow;

import java.util.Random;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/** Small random problems for tests, reproducible from a seed. */
public final class RandomProblems {
    private RandomProblems() {}

    /** A finite-data problem with m <= 4, d <= 3, n <= 6 and the given loss; bias, scale, leaky chosen at random. */
    public static Problem finite(long seed, Loss loss, boolean allowLeaky) {
        Random r = new Random(seed);
        int m = 1 + r.nextInt(4), d = 1 + r.nextInt(3), n = 1 + r.nextInt(6);
        boolean bias = r.nextBoolean(), cbias = r.nextBoolean();
        OutputScale scale = OutputScale.values()[r.nextInt(3)];
        double eps = allowLeaky && r.nextInt(3) == 0 ? 0.01 + 0.2 * r.nextDouble() : 0;
        Activation act = new Activation(eps, eps);
        double[][] x = new double[n][d];
        double[] y = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[i][k] = r.nextGaussian();
            y[i] = loss.isClassification() ? (r.nextBoolean() ? 1 : -1) : r.nextGaussian();
            w[i] = 1.0 / n;
        }
        return new Problem(new Architecture(m, d, bias, cbias, scale, true, act), new FiniteDataset(x, y, w), loss);
    }

    /** A scalar-input problem on a random interval with an affine target; hidden and output bias. */
    public static Problem interval(long seed, int width) {
        Random r = new Random(seed);
        double a = -1 + r.nextDouble(), b = a + 0.5 + r.nextDouble();
        return new Problem(new Architecture(width, 1, true, true, OutputScale.ONE, true, Activation.relu()),
                new IntervalTarget(a, b, r.nextGaussian(), r.nextGaussian()), Loss.SQUARE_INTEGRAL);
    }

    public static double[] gaussianTheta(Problem p, long seed, double scale) {
        Random r = new Random(seed);
        double[] theta = new double[p.layout().size()];
        for (int k = 0; k < theta.length; k++) theta[k] = scale * r.nextGaussian();
        return theta;
    }

    public static Experiment flow(Problem p, double[] theta0, double horizon, double rtol, double atol) {
        return new Experiment("test", p, theta0, new Method.GradientFlow(rtol, atol, 20_000), horizon, horizon / 50,
                java.util.Map.of(), false, java.util.List.of());
    }
}
