package org.reluflow.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/**
 * One GD step (loss, gradient, update) of a two-layer ReLU network with square loss, both layers trained, no bias:
 * case a: m = 50, n = 10, d = 10 (loop kernel); case b: n = 600, d = 784, m = 3000 (BLAS kernel).
 * The same computation as src/bench/python/gd_peers.py.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GdStepBenchmark {

    @Param({"a", "b"}) String size;

    Objective objective;
    double[] theta, g;

    @Setup public void setup() {
        int n, d, m;
        if (size.equals("a")) { n = 10; d = 10; m = 50; } else { n = 600; d = 784; m = 3000; }
        Random rnd = new Random(1);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) { for (int k = 0; k < d; k++) x[i][k] = rnd.nextGaussian() / Math.sqrt(d); y[i] = rnd.nextGaussian(); }
        Problem p = new Problem(new Architecture(m, d, false, false, OutputScale.ONE, true, Activation.relu()),
                FiniteDataset.uniform(x, y), Loss.SQUARE);
        objective = Objectives.fast(p);
        theta = new double[p.layout().size()];
        for (int k = 0; k < m; k++) theta[k] = rnd.nextGaussian() / Math.sqrt(m);
        for (int k = m; k < theta.length; k++) theta[k] = rnd.nextGaussian() / Math.sqrt(d);
        g = new double[theta.length];
    }

    @Benchmark public double step() {
        double loss = objective.valueAndGradient(theta, g);
        for (int k = 0; k < theta.length; k++) theta[k] -= 1e-3 * g[k];
        return loss;
    }
}
