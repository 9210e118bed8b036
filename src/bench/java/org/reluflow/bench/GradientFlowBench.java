package org.reluflow.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.reluflow.dynamics.GradientFlowEngine;
import org.reluflow.dynamics.ProgressListener;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/**
 * Gradient flow of a ReLU network, m = 50, n = d = 10, Gaussian data, init scale 1e-2, T = 50, rtol 1e-10: the
 * problem SciPy's DOP853 stalls on (src/bench/python/scipy_relu_gf.py reads the same data file). Prints the
 * integration time of a cold run and the median of warm runs, with events, sliding episodes and balancedness drift.
 * Run: mvn -B -q -Pbench package -DskipTests && java -cp "target/classes:$(cat target/classpath.txt)" org.reluflow.bench.GradientFlowBench
 */
public final class GradientFlowBench {
    public static void main(String[] args) throws IOException {
        int n = 10, d = 10, m = 50;
        Random rnd = new Random(2026);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) { for (int k = 0; k < d; k++) x[i][k] = rnd.nextGaussian(); y[i] = rnd.nextGaussian(); }
        Problem p = new Problem(new Architecture(m, d, false, false, OutputScale.ONE, true, Activation.relu()),
                FiniteDataset.uniform(x, y), Loss.SQUARE);
        double[] theta0 = new double[p.layout().size()];
        for (int k = 0; k < theta0.length; k++) theta0[k] = 1e-2 * rnd.nextGaussian();
        writeProblem(Path.of("src/bench/data/gf_problem.csv"), x, y, theta0);
        Experiment e = new Experiment("gf-bench", p, theta0, new Method.GradientFlow(1e-10, 1e-12, 1_000_000), 50, 0.5,
                Map.of(), false, List.of());
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double[] secs = new double[runs];
        Trajectory tr = null;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            tr = new GradientFlowEngine().run(e, ProgressListener.NONE);
            secs[r] = (System.nanoTime() - t0) / 1e9;
        }
        long slides = tr.events().stream().filter(ev -> ev.to().equals("slide")).count();
        double drift = 0;
        for (double[] th : tr.thetas())
            for (int j = 0; j < m; j++) drift = Math.max(drift, Math.abs(p.layout().balancedness(th, j) - p.layout().balancedness(theta0, j)));
        double[] warm = java.util.Arrays.copyOfRange(secs, 1, runs);
        java.util.Arrays.sort(warm);
        System.out.printf("reluflow GF: %s, t = %.4g of 50; %d events (%d into sliding), %d gradient evaluations, "
                        + "balancedness drift %.2e; integration time cold %.3f s, warm median %.3f s%n",
                tr.status(), tr.tReached(), tr.events().size(), slides, tr.evaluations(), drift, secs[0],
                warm.length == 0 ? Double.NaN : warm[warm.length / 2]);
    }

    private static void writeProblem(Path file, double[][] x, double[] y, double[] theta) throws IOException {
        Files.createDirectories(file.getParent());
        int d = x[0].length;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < x.length; i++) {
                StringBuilder sb = new StringBuilder();
                for (double v : x[i]) sb.append(v).append(',');
                out.println(sb.append(y[i]));
            }
            for (double v : theta) {
                StringBuilder sb = new StringBuilder().append(v);
                for (int k = 0; k < d; k++) sb.append(",0");
                out.println(sb);
            }
        }
    }
}
