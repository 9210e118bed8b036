package org.reluflow.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.reluflow.RandomProblems;
import org.reluflow.model.Loss;
import org.reluflow.model.Problem;

/** Closed-form gradients against central finite differences, away from the kinks. */
class GradientProperties {

    @Property(tries = 300, seed = "42")
    void finiteDataGradientMatchesCentralDifferences(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                     @ForAll @IntRange(min = 0, max = 2) int lossIndex) {
        Loss loss = new Loss[] {Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC}[lossIndex];
        Problem p = RandomProblems.finite(seed, loss, true);
        NetworkObjective obj = new NetworkObjective(p);
        double[] theta = RandomProblems.gaussianTheta(p, seed + 1, 1.0);
        double[][] z = new double[obj.samples()][p.architecture().width()];
        obj.preactivations(theta, z);
        for (double[] row : z) for (double v : row) Assume.that(Math.abs(v) > 1e-3); // a kink within reach of h
        checkAgainstDifferences(obj, theta);
    }

    @Property(tries = 100, seed = "43")
    void squareIntegralGradientMatchesCentralDifferences(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                         @ForAll @IntRange(min = 1, max = 4) int width) {
        Problem p = RandomProblems.interval(seed, width);
        IntervalObjective obj = new IntervalObjective(p);
        double[] theta = RandomProblems.gaussianTheta(p, seed + 7, 1.0);
        checkAgainstDifferences(obj, theta);
    }

    private static void checkAgainstDifferences(Objective obj, double[] theta) {
        double[] g = obj.gradient(theta);
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[k]));
            double[] plus = theta.clone(), minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double fd = (obj.value(plus) - obj.value(minus)) / (2 * h);
            assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "component " + k);
        }
    }
}
