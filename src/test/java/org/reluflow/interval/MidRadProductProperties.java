package org.reluflow.interval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import net.jqwik.api.*;

/**
 * The midpoint-radius interval matrix product against exact rational products of members, and against the inf-sup
 * product's widths.
 */
class MidRadProductProperties {

    /** A random interval matrix: entries of mixed magnitude, some points, some subnormal or wide. */
    static Interval[][] random(Random r, int rows, int cols) {
        Interval[][] a = new Interval[rows][cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double c = Math.scalb(r.nextDouble() * 2 - 1, r.nextInt(40) - 20);
                int kind = r.nextInt(6);
                double w = kind == 0 ? 0 : kind == 1 ? Math.ulp(c) : kind == 2 ? Double.MIN_VALUE * r.nextInt(5)
                        : Math.abs(c) * Math.scalb(r.nextDouble(), -r.nextInt(50));
                if (kind == 3) c = Double.MIN_VALUE * (r.nextInt(9) - 4);
                a[i][j] = Interval.of(c - w, c + w).hull(c);
            }
        return a;
    }

    static double pick(Random r, Interval v) {
        int k = r.nextInt(4);
        if (k == 0) return v.lo();
        if (k == 1) return v.hi();
        double x = v.lo() + r.nextDouble() * (v.hi() - v.lo());
        return Math.min(v.hi(), Math.max(v.lo(), x));
    }

    @Property(tries = 1000)
    void everyProductOfMembersLiesInTheEnclosure(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(14), m = 1 + r.nextInt(6), p = 1 + r.nextInt(6);
        Interval[][] a = random(r, m, n), b = random(r, n, p);
        IntervalMatrix c = IntervalMatrix.of(a).mulMidRad(IntervalMatrix.of(b));
        IntervalMatrix exactIs = IntervalMatrix.of(a).mul(IntervalMatrix.of(b));
        for (int trial = 0; trial < 4; trial++) {
            double[][] x = new double[m][n], y = new double[n][p];
            for (int i = 0; i < m; i++) for (int k = 0; k < n; k++) x[i][k] = pick(r, a[i][k]);
            for (int k = 0; k < n; k++) for (int j = 0; j < p; j++) y[k][j] = pick(r, b[k][j]);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < p; j++) {
                    Rational s = Rational.ZERO;
                    for (int k = 0; k < n; k++) s = s.add(Rational.of(x[i][k]).mul(Rational.of(y[k][j])));
                    Interval e = c.get(i, j);
                    assertTrue(Rational.of(e.lo()).compareTo(s) <= 0 && s.compareTo(Rational.of(e.hi())) <= 0,
                            "entry (" + i + "," + j + ") " + e + " misses the exact product");
                }
        }
        // never much wider than the inf-sup product: Rump's factor 1.5, plus the rounding term of the midpoint
        // product, of order n u sum_k |mA_ik| |mB_kj| (it dominates under cancellation)
        for (int i = 0; i < m; i++)
            for (int j = 0; j < p; j++) {
                double magnitudes = 0;
                for (int k = 0; k < n; k++) magnitudes += a[i][k].mag() * b[k][j].mag();
                double wf = c.get(i, j).width(), we = exactIs.get(i, j).width();
                double rounding = 2 * (4.0 * n + 12) * 0x1p-53 * magnitudes;
                assertTrue(wf <= 1.5 * we * (1 + 1e-12) + rounding + 1e-300 + 64 * Math.ulp(c.get(i, j).mag()),
                        "width " + wf + " against inf-sup " + we + " (rounding term " + rounding + ")");
            }
    }

    @Example
    void pointTimesPointIsTheRoundedProductAndUnboundedFallsBack() {
        IntervalMatrix a = IntervalMatrix.ofPoints(new double[][] {{1, 2}, {3, 4}});
        IntervalMatrix c = a.mulMidRad(a);
        assertTrue(c.get(0, 0).contains(7) && c.get(1, 1).contains(22));
        assertTrue(c.get(0, 0).width() < 1e-14);
        IntervalMatrix wide = IntervalMatrix.of(new Interval[][] {{Interval.of(Double.NEGATIVE_INFINITY, 1)}});
        assertEquals(wide.mul(wide).get(0, 0), wide.mulMidRad(wide).get(0, 0));
    }

    @Provide Arbitrary<Long> seeds() { return Arbitraries.longs(); }
}
