package org.reluflow.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/** The BLAS kernel computes the same loss and gradient as the loop kernel. */
class DenseKernelProperties {

    @Property(tries = 60, seed = "5")
    void denseKernelAgreesWithLoops(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                    @ForAll @IntRange(min = 0, max = 2) int lossIndex) {
        Random rnd = new Random(seed);
        Loss loss = new Loss[] {Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC}[lossIndex];
        int n = 1 + rnd.nextInt(30), m = 1 + rnd.nextInt(40), d = 1 + rnd.nextInt(20);
        double eps = rnd.nextBoolean() ? 0 : 0.1;
        double atZero = rnd.nextBoolean() ? eps : eps + (1 - eps) * rnd.nextInt(3) / 2.0; // sigma'(0) in [eps, 1]
        boolean bias = rnd.nextBoolean();
        Architecture arch = new Architecture(m, d, bias, rnd.nextBoolean(), OutputScale.values()[rnd.nextInt(3)],
                rnd.nextBoolean(), new Activation(eps, atZero));
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[i][k] = rnd.nextGaussian() / Math.sqrt(d);
            y[i] = loss.isClassification() ? (rnd.nextBoolean() ? 1 : -1) : rnd.nextGaussian();
        }
        Problem p = new Problem(arch, FiniteDataset.uniform(x, y), loss);
        double[] theta = new double[arch.layout().size()];
        for (int k = 0; k < theta.length; k++) theta[k] = rnd.nextGaussian() * 0.5;
        // the gates at their edges: neurons with zero weights (z = 0 exactly without bias: sigma'(0) decides) and
        // neurons with subnormal pre-activations (their gate is still 1 or eps); their gradients stay of order one
        ParameterLayout lay = arch.layout();
        for (int j = 0; j < m; j++) {
            int edge = rnd.nextInt(4);
            if (edge == 0 && !bias) for (int k = 0; k < d; k++) theta[lay.w(j, k)] = 0;
            if (edge == 1) {
                for (int k = 0; k < d; k++) theta[lay.w(j, k)] *= 1e-310;
                if (bias) theta[lay.b(j)] *= 1e-310;
            }
        }
        NetworkObjective loops = new NetworkObjective(p);
        DenseNetworkObjective dense = new DenseNetworkObjective(p);
        double[] g1 = new double[theta.length], g2 = new double[theta.length];
        double v1 = loops.valueAndGradient(theta, g1), v2 = dense.valueAndGradient(theta, g2);
        assertEquals(v1, v2, 1e-12 * Math.abs(v1));
        double scale = 0;
        for (double v : g1) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < theta.length; k++) assertEquals(g1[k], g2[k], 1e-12 * scale, "component " + k);
    }
}
