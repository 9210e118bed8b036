package org.reluflow.bench;

import java.time.Duration;
import java.util.Random;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.ActivationPattern;
import org.reluflow.symbolic.RegionLoss;
import org.reluflow.symbolic.SymjaSession;

/**
 * Symja: the gradient and the Hessian of the square-loss region polynomial with n = d = m, integer data, no bias, all
 * pairs active, for the widths given (default 1 2 4 8), by full differentiation with D and by the per-neuron
 * templates. Prints seconds per width and the Symja start-up cost; src/bench/python/sympy_derive.py differentiates
 * the same expressions with SymPy. Full D of the Hessian runs under a cap per width (-Dhessian.cap seconds, default
 * 300); after a width hits it, larger widths are skipped.
 * Run: java -cp "target/classes:$(cat target/classpath.txt)" org.reluflow.bench.SymbolicDeriveBench 1 2 4 8
 */
public final class SymbolicDeriveBench {
    public static void main(String[] args) throws Exception {
        int[] widths = args.length == 0 ? new int[] {1, 2, 4, 8} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        long cap = Long.getLong("hessian.cap", 300);
        boolean capped = false;
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("src/bench/data"));
        long t0 = System.nanoTime();
        try (SymjaSession s = new SymjaSession(Duration.ofSeconds(600)); SymjaSession capSession = new SymjaSession(Duration.ofSeconds(cap))) {
            s.eval("1+1");
            System.out.printf("Symja start-up: %.2f s%n", (System.nanoTime() - t0) / 1e9);
            for (int m : widths) {
                Problem p = problem(m);
                boolean[][] on = new boolean[m][m];
                for (boolean[] row : on) java.util.Arrays.fill(row, true);
                String loss = RegionLoss.loss(p, new ActivationPattern(on));
                java.nio.file.Files.writeString(java.nio.file.Path.of("src/bench/data/region_loss_m" + m + ".txt"), loss);
                StringBuilder vars = new StringBuilder("{");
                for (String v : org.reluflow.symbolic.ParameterSymbols.names(p.layout())) vars.append(vars.length() > 1 ? "," : "").append(v);
                vars.append("}");
                s.eval("L = " + loss);
                long a = System.nanoTime();
                var g = s.eval("g = D[L, {" + vars + "}]; LeafCount[g]");
                double secs = (System.nanoTime() - a) / 1e9;
                // the template route: derive the per-neuron templates once, write them out for every neuron
                long b = System.nanoTime();
                var templates = org.reluflow.symbolic.Templates.derive(s, p.architecture());
                var tw = org.reluflow.symbolic.Templates.field(templates, "w_jk'");
                var ta = org.reluflow.symbolic.Templates.field(templates, "a_j'");
                StringBuilder list = new StringBuilder("{");
                for (int j = 0; j < m; j++) {
                    list.append(list.length() > 1 ? "," : "").append(org.reluflow.symbolic.Templates.instantiate(p, new ActivationPattern(on), ta, j, 0));
                    for (int k = 0; k < m; k++) list.append(",").append(org.reluflow.symbolic.Templates.instantiate(p, new ActivationPattern(on), tw, j, k));
                }
                var gt = s.eval("gt = " + list.append("}") + "; LeafCount[gt]");
                double tsecs = (System.nanoTime() - b) / 1e9;
                long c = System.nanoTime();
                StringBuilder opaque = new StringBuilder("{");
                for (int j = 0; j < m; j++) {
                    opaque.append(opaque.length() > 1 ? "," : "").append(org.reluflow.symbolic.Templates.instantiate(p, new ActivationPattern(on), ta, j, 0, true));
                    for (int k = 0; k < m; k++) opaque.append(",").append(org.reluflow.symbolic.Templates.instantiate(p, new ActivationPattern(on), tw, j, k, true));
                }
                var go = s.eval("go = " + opaque.append("}") + "; LeafCount[go]");
                System.out.printf("        opaque residuals: %.3f s (leaf count %s)%n", (System.nanoTime() - c) / 1e9, go);
                System.out.printf("m = %2d: %4d parameters, gradient by D in %.3f s (leaf count %s); by templates in %.3f s (leaf count %s)%n",
                        m, p.layout().size(), secs, g, tsecs, gt);
                s.eval("Clear[g, gt, go]");
                // Hessian, templates with opaque residuals (the templates were derived above: that one-time cost is
                // excluded, as for the gradient's opaque column): writing the text plus Symja evaluating it
                long e = System.nanoTime();
                String h = org.reluflow.symbolic.Templates.hessian(p, new ActivationPattern(on), templates, true);
                double write = (System.nanoTime() - e) / 1e9;
                var ht = s.eval("ht = " + h + "; LeafCount[ht]");
                double hsecs = (System.nanoTime() - e) / 1e9;
                s.eval("Clear[ht]");
                System.out.printf("        Hessian by templates, opaque residuals: %.3f s (writing %.3f s, %d characters; leaf count %s)%n",
                        hsecs, write, h.length(), ht);
                if (capped) {
                    System.out.printf("        Hessian by D: skipped (a smaller width hit the %d s cap)%n", cap);
                    continue;
                }
                long f = System.nanoTime();
                try {
                    capSession.eval("L = " + loss);
                    f = System.nanoTime();
                    var hf = capSession.eval("hf = D[L, {" + vars + ", 2}]; LeafCount[hf]");
                    System.out.printf("        Hessian by D: %.3f s (leaf count %s)%n", (System.nanoTime() - f) / 1e9, hf);
                    capSession.eval("Clear[hf]");
                } catch (org.reluflow.symbolic.SymbolicException ex) {
                    capped = true;
                    System.out.printf("        Hessian by D: > %d s (stopped at the cap after %.1f s: %s)%n", cap,
                            (System.nanoTime() - f) / 1e9, ex.timedOut() ? "time limit" : ex.getMessage());
                }
            }
        }
    }

    static Problem problem(int m) {
        Random r = new Random(m);
        double[][] x = new double[m][m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) { for (int k = 0; k < m; k++) x[i][k] = r.nextInt(7) - 3; y[i] = r.nextInt(7) - 3; }
        return new Problem(new Architecture(m, m, false, false, OutputScale.ONE, true, Activation.relu()),
                FiniteDataset.uniform(x, y), Loss.SQUARE);
    }
}
