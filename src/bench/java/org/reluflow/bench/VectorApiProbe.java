package org.reluflow.bench;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/**
 * Can the JDK 17 Vector API (incubating) bring GD case (a) (m = 50, n = d = 10, ReLU, square loss, no bias) to
 * 20x numpy, about 0.7 us a step? Times one step (loss, gradient, update) of three kernels on the problem of
 * {@link GdStepBenchmark}, after checking that they agree:
 * <ol>
 *   <li>reluflow's kernel (C2 auto-vectorization);</li>
 *   <li>an explicit-SIMD kernel for any shape: weights kept transposed and padded to whole vectors, four
 *       multiply-add chains per pass, the update fused into the same arrays;</li>
 *   <li>the same computation with n, d, m and the arrays as compile-time constants, so that C2 unrolls every loop
 *       and drops the bounds checks: the ceiling for this one shape, not something a tool taking any spec can
 *       ship.</li>
 * </ol>
 * Run (bench profile build):
 * {@code java --add-modules jdk.incubator.vector -cp "$CP" org.reluflow.bench.VectorApiProbe}
 */
public final class VectorApiProbe {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
    private static final int L = S.length();
    private static final int N = 10, D = 10, M = 50, MP = 56;
    private static final double ETA = 1e-3;

    public static void main(String[] args) {
        Random rnd = new Random(1);
        double[][] x = new double[N][D];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < D; k++) x[i][k] = rnd.nextGaussian() / Math.sqrt(D);
            y[i] = rnd.nextGaussian();
        }
        Problem problem = new Problem(new Architecture(M, D, false, false, OutputScale.ONE, true, Activation.relu()),
                FiniteDataset.uniform(x, y), Loss.SQUARE);
        double[] theta0 = new double[problem.layout().size()];
        for (int k = 0; k < M; k++) theta0[k] = rnd.nextGaussian() / Math.sqrt(M);
        for (int k = M; k < theta0.length; k++) theta0[k] = rnd.nextGaussian() / Math.sqrt(D);

        Objective plain = Objectives.fast(problem);
        double[] theta = theta0.clone(), g = new double[theta.length];
        Stepper plainStep = () -> {
            double loss = plain.valueAndGradient(theta, g);
            for (int k = 0; k < theta.length; k++) theta[k] -= ETA * g[k];
            return loss;
        };
        General general = new General(x, y, M, theta0);

        // agreement over 1000 steps: the three trajectories must match to rounding
        double[] check = theta0.clone(), gc = new double[check.length];
        General gcheck = new General(x, y, M, theta0);
        Fixed.load(x, y, theta0);
        double worst = 0;
        for (int q = 0; q < 1000; q++) {
            double l0 = plain.valueAndGradient(check, gc);
            for (int k = 0; k < check.length; k++) check[k] -= ETA * gc[k];
            worst = Math.max(worst, Math.abs(gcheck.step() - l0) / l0);
            worst = Math.max(worst, Math.abs(Fixed.step() - l0) / l0);
        }
        for (int j = 0; j < M; j++) for (int k = 0; k < D; k++) {
            double w = check[M + j * D + k];
            worst = Math.max(worst, Math.abs(gcheck.wt[k * gcheck.mp + j] - w) / (1e-3 + Math.abs(w)));
            worst = Math.max(worst, Math.abs(Fixed.wt[k * MP + j] - w) / (1e-3 + Math.abs(w)));
        }
        System.out.printf("agreement after 1000 steps: worst relative difference %.1e%n", worst);
        if (worst > 1e-9) throw new AssertionError("the kernels disagree");

        time("reluflow kernel (C2 auto-vectorized)", plainStep);
        time("explicit SIMD, any shape", general::step);
        Fixed.load(x, y, theta0);
        time("explicit SIMD, shape and arrays as constants", Fixed::step);
    }

    interface Stepper { double step(); }

    private static void time(String name, Stepper stepper) {
        double sink = 0;
        long warm = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warm) for (int q = 0; q < 10_000; q++) sink += stepper.step();
        double[] t = new double[7];
        for (int rep = 0; rep < t.length; rep++) {
            long t0 = System.nanoTime();
            for (int q = 0; q < 500_000; q++) sink += stepper.step();
            t[rep] = (System.nanoTime() - t0) / 500_000.0 / 1000.0;
        }
        java.util.Arrays.sort(t);
        System.out.printf("%-40s min %.3f us, median %.3f us per step%s%n", name, t[0], t[3], sink == 42 ? " " : "");
    }

    /** Any n, d, m: loops with run-time bounds, four independent multiply-add chains per pass. */
    static final class General {
        final int n, d, m, np, dp, mp;
        final double[] x, y, a, wt, h, slope, f, r, c;

        General(double[][] x0, double[] y0, int m, double[] theta) {
            n = x0.length;
            d = x0[0].length;
            this.m = m;
            np = (n + 3) / 4 * 4;
            dp = (d + 3) / 4 * 4;
            mp = (m + L - 1) / L * L;
            x = new double[np * dp];
            for (int i = 0; i < n; i++) System.arraycopy(x0[i], 0, x, i * dp, d);
            y = y0.clone();
            a = new double[mp];
            wt = new double[dp * mp];
            System.arraycopy(theta, 0, a, 0, m);
            for (int j = 0; j < m; j++) for (int k = 0; k < d; k++) wt[k * mp + j] = theta[m + j * d + k];
            h = new double[np * mp];
            slope = new double[np * mp];
            f = new double[np];
            r = new double[np];
            c = new double[dp * np];
        }

        double step() {
            final int np = this.np, dp = this.dp, mp = this.mp;
            final double[] x = this.x, a = this.a, wt = this.wt, h = this.h, slope = this.slope, c = this.c;
            DoubleVector zero = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1.0);
            for (int i = 0; i < np; i += 4) {
                int x0 = i * dp, x1 = x0 + dp, x2 = x1 + dp, x3 = x2 + dp;
                DoubleVector f0 = zero, f1 = zero, f2 = zero, f3 = zero;
                for (int j = 0; j < mp; j += L) {
                    DoubleVector z0 = zero, z1 = zero, z2 = zero, z3 = zero;
                    for (int k = 0, o = j; k < dp; k++, o += mp) {
                        DoubleVector w = DoubleVector.fromArray(S, wt, o);
                        z0 = w.fma(DoubleVector.broadcast(S, x[x0 + k]), z0);
                        z1 = w.fma(DoubleVector.broadcast(S, x[x1 + k]), z1);
                        z2 = w.fma(DoubleVector.broadcast(S, x[x2 + k]), z2);
                        z3 = w.fma(DoubleVector.broadcast(S, x[x3 + k]), z3);
                    }
                    DoubleVector aj = DoubleVector.fromArray(S, a, j);
                    int o = i * mp + j;
                    f0 = relu(z0, o, aj, f0, zero, one);
                    f1 = relu(z1, o + mp, aj, f1, zero, one);
                    f2 = relu(z2, o + 2 * mp, aj, f2, zero, one);
                    f3 = relu(z3, o + 3 * mp, aj, f3, zero, one);
                }
                f[i] = f0.reduceLanes(VectorOperators.ADD);
                f[i + 1] = f1.reduceLanes(VectorOperators.ADD);
                f[i + 2] = f2.reduceLanes(VectorOperators.ADD);
                f[i + 3] = f3.reduceLanes(VectorOperators.ADD);
            }
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double e = f[i] - y[i];
                r[i] = e / n;
                loss += 0.5 * e * e / n;
            }
            for (int k = 0; k < dp; k++) for (int i = 0; i < np; i++) c[k * np + i] = x[i * dp + k] * r[i];
            for (int j = 0; j < mp; j += L) {
                DoubleVector sa = DoubleVector.fromArray(S, a, j).mul(ETA);
                for (int k = 0; k < dp; k += 4) {
                    int c0 = k * np, c1 = c0 + np, c2 = c1 + np, c3 = c2 + np;
                    DoubleVector t0 = zero, t1 = zero, t2 = zero, t3 = zero;
                    for (int i = 0, o = j; i < np; i++, o += mp) {
                        DoubleVector sl = DoubleVector.fromArray(S, slope, o);
                        t0 = sl.fma(DoubleVector.broadcast(S, c[c0 + i]), t0);
                        t1 = sl.fma(DoubleVector.broadcast(S, c[c1 + i]), t1);
                        t2 = sl.fma(DoubleVector.broadcast(S, c[c2 + i]), t2);
                        t3 = sl.fma(DoubleVector.broadcast(S, c[c3 + i]), t3);
                    }
                    int o = k * mp + j;
                    DoubleVector.fromArray(S, wt, o).sub(sa.mul(t0)).intoArray(wt, o);
                    DoubleVector.fromArray(S, wt, o + mp).sub(sa.mul(t1)).intoArray(wt, o + mp);
                    DoubleVector.fromArray(S, wt, o + 2 * mp).sub(sa.mul(t2)).intoArray(wt, o + 2 * mp);
                    DoubleVector.fromArray(S, wt, o + 3 * mp).sub(sa.mul(t3)).intoArray(wt, o + 3 * mp);
                }
                DoubleVector t0 = zero, t1 = zero, t2 = zero, t3 = zero;
                for (int i = 0, o = j; i < np; i += 4, o += 4 * mp) {
                    t0 = DoubleVector.fromArray(S, h, o).fma(DoubleVector.broadcast(S, r[i]), t0);
                    t1 = DoubleVector.fromArray(S, h, o + mp).fma(DoubleVector.broadcast(S, r[i + 1]), t1);
                    t2 = DoubleVector.fromArray(S, h, o + 2 * mp).fma(DoubleVector.broadcast(S, r[i + 2]), t2);
                    t3 = DoubleVector.fromArray(S, h, o + 3 * mp).fma(DoubleVector.broadcast(S, r[i + 3]), t3);
                }
                DoubleVector.fromArray(S, a, j).sub(t0.add(t1).add(t2.add(t3)).mul(ETA)).intoArray(a, j);
            }
            return loss;
        }

        private DoubleVector relu(DoubleVector z, int o, DoubleVector a, DoubleVector acc, DoubleVector zero, DoubleVector one) {
            DoubleVector hz = z.max(zero);
            hz.intoArray(h, o);
            zero.blend(one, z.compare(VectorOperators.GT, 0.0)).intoArray(slope, o);
            return hz.fma(a, acc);
        }
    }

    /**
     * n = d = 10, m = 50 (padded to 56) as constants, and every array a static final of fixed length: C2 knows every
     * loop bound and array length, unrolls the loops and drops the bounds checks. One problem per JVM.
     */
    static final class Fixed {
        static final double[] x = new double[N * D], y = new double[N], a = new double[MP], wt = new double[D * MP];
        static final double[] h = new double[N * MP], gate = new double[N * MP], r = new double[N], c = new double[D * N];

        static void load(double[][] x0, double[] y0, double[] theta) {
            for (int i = 0; i < N; i++) System.arraycopy(x0[i], 0, x, i * D, D);
            System.arraycopy(y0, 0, y, 0, N);
            java.util.Arrays.fill(a, 0.0);
            java.util.Arrays.fill(wt, 0.0);
            System.arraycopy(theta, 0, a, 0, M);
            for (int j = 0; j < M; j++) for (int k = 0; k < D; k++) wt[k * MP + j] = theta[M + j * D + k];
        }

        static double step() {
            DoubleVector zero = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1.0);
            double loss = 0;
            for (int i = 0; i < N; i++) {
                DoubleVector fa = zero;
                for (int j = 0; j < MP; j += L) {
                    DoubleVector t = DoubleVector.fromArray(S, wt, j).mul(x[i * D]);
                    for (int k = 1; k < D; k++)
                        t = DoubleVector.fromArray(S, wt, k * MP + j).fma(DoubleVector.broadcast(S, x[i * D + k]), t);
                    DoubleVector hv = t.max(zero);
                    hv.intoArray(h, i * MP + j);
                    zero.blend(one, t.compare(VectorOperators.GT, 0.0)).intoArray(gate, i * MP + j);
                    fa = hv.fma(DoubleVector.fromArray(S, a, j), fa);
                }
                double e = fa.reduceLanes(VectorOperators.ADD) - y[i];
                r[i] = e / N;
                loss += 0.5 * e * e / N;
            }
            for (int k = 0; k < D; k++) for (int i = 0; i < N; i++) c[k * N + i] = x[i * D + k] * r[i];
            for (int j = 0; j < MP; j += L) {
                DoubleVector sa = DoubleVector.fromArray(S, a, j).mul(ETA);
                for (int k = 0; k < D; k++) {
                    DoubleVector t = zero;
                    for (int i = 0; i < N; i++)
                        t = DoubleVector.fromArray(S, gate, i * MP + j).fma(DoubleVector.broadcast(S, c[k * N + i]), t);
                    DoubleVector.fromArray(S, wt, k * MP + j).sub(sa.mul(t)).intoArray(wt, k * MP + j);
                }
                DoubleVector g = zero;
                for (int i = 0; i < N; i++) g = DoubleVector.fromArray(S, h, i * MP + j).fma(DoubleVector.broadcast(S, r[i]), g);
                DoubleVector.fromArray(S, a, j).sub(g.mul(ETA)).intoArray(a, j);
            }
            return loss;
        }
    }
}
