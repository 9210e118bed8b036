package org.reluflow.interval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Vectors, matrices, QR, the rigorous inverse of orthogonal-ish matrices and interval Gaussian elimination. */
class IntervalLinearAlgebraTest {

    // --------------------------------------------------------------- helpers

    private static double[][] randomMatrix(Random r, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = Math.scalb(r.nextDouble() * 2 - 1, r.nextInt(9) - 4);
            }
        }
        return a;
    }

    private static Rational[][] exact(double[][] a) {
        Rational[][] e = new Rational[a.length][];
        for (int i = 0; i < a.length; i++) {
            e[i] = new Rational[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                e[i][j] = Rational.of(a[i][j]);
            }
        }
        return e;
    }

    private static Rational[][] exactProduct(Rational[][] a, Rational[][] b) {
        Rational[][] p = new Rational[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                Rational s = Rational.ZERO;
                for (int k = 0; k < b.length; k++) {
                    s = s.add(a[i][k].mul(b[k][j]));
                }
                p[i][j] = s;
            }
        }
        return p;
    }

    /** Exact solution X of A X = B by rational Gauss-Jordan (A nonsingular). */
    static Rational[][] exactSolve(Rational[][] a, Rational[][] b) {
        int n = a.length;
        int k = b[0].length;
        Rational[][] m = new Rational[n][n + k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            System.arraycopy(b[i], 0, m[i], n, k);
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            while (m[p][c].signum() == 0) {
                p++;
            }
            Rational[] t = m[p];
            m[p] = m[c];
            m[c] = t;
            Rational pivot = m[c][c];
            for (int j = 0; j < n + k; j++) {
                m[c][j] = m[c][j].div(pivot).reduced();
            }
            for (int i = 0; i < n; i++) {
                if (i != c && m[i][c].signum() != 0) {
                    Rational f = m[i][c];
                    for (int j = 0; j < n + k; j++) {
                        m[i][j] = m[i][j].sub(f.mul(m[c][j])).reduced();
                    }
                }
            }
        }
        Rational[][] x = new Rational[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, x[i], 0, k);
        }
        return x;
    }

    private static Rational[][] identity(int n) {
        Rational[][] e = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                e[i][j] = i == j ? Rational.ONE : Rational.ZERO;
            }
        }
        return e;
    }

    private static boolean contains(Interval x, Rational v) {
        return (x.lo() == Double.NEGATIVE_INFINITY || v.compareTo(x.lo()) >= 0)
                && (x.hi() == Double.POSITIVE_INFINITY || v.compareTo(x.hi()) <= 0);
    }

    private static void assertContains(IntervalMatrix m, Rational[][] v) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[i].length; j++) {
                int fi = i;
                int fj = j;
                assertTrue(contains(m.get(i, j), v[i][j]), () -> "entry (" + fi + "," + fj + ") of\n" + m);
            }
        }
    }

    /** A random point of the interval matrix (entries at random positions, endpoints included). */
    private static double[][] sample(Random r, IntervalMatrix m) {
        double[][] p = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                Interval e = m.get(i, j);
                double s = r.nextInt(4) == 0 ? r.nextInt(2) : r.nextDouble();
                p[i][j] = Math.min(e.hi(), Math.max(e.lo(), e.lo() + s * (e.hi() - e.lo())));
            }
        }
        return p;
    }

    private static IntervalMatrix thicken(double[][] a, double radius) {
        Interval[][] e = new Interval[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                e[i][j] = Interval.of(a[i][j] - radius * Math.abs(a[i][j]), a[i][j] + radius * Math.abs(a[i][j]));
            }
        }
        return IntervalMatrix.of(e);
    }

    // ---------------------------------------------------- vectors and matrices

    @Test
    void productsContainTheExactProductsOfAllMemberMatrices() {
        Random r = new Random(1);
        for (int trial = 0; trial < 150; trial++) {
            int n = 1 + r.nextInt(5);
            int m = 1 + r.nextInt(5);
            int k = 1 + r.nextInt(5);
            IntervalMatrix a = thicken(randomMatrix(r, n, m), trial % 2 == 0 ? 0 : 1e-3);
            IntervalMatrix b = thicken(randomMatrix(r, m, k), trial % 3 == 0 ? 0 : 1e-6);
            IntervalMatrix ab = a.mul(b);
            IntervalVector v = b.column(0);
            IntervalVector av = a.mul(v);
            for (int s = 0; s < 3; s++) {
                double[][] pa = sample(r, a);
                double[][] pb = sample(r, b);
                assertContains(ab, exactProduct(exact(pa), exact(pb)));
                double[][] pv = new double[m][1];
                for (int i = 0; i < m; i++) {
                    pv[i][0] = pb[i][0];
                }
                assertContains(IntervalMatrix.of(new Interval[][] {av.toArray()}).transpose(),
                        exactProduct(exact(pa), exact(pv)));
            }
            assertTrue(IntervalMatrix.ofPoints(sample(r, a)).subset(a));
        }
    }

    @Test
    void pointProductsAreNarrow() {
        Random r = new Random(2);
        double[][] a = randomMatrix(r, 6, 6);
        IntervalMatrix p = IntervalMatrix.ofPoints(a).mul(IntervalMatrix.ofPoints(a));
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                Interval e = p.get(i, j);
                double absSum = 0; // rounding errors scale with the partial sums, not with the (cancelled) result
                for (int k = 0; k < 6; k++) {
                    absSum += Math.abs(a[i][k] * a[k][j]);
                }
                assertTrue(e.width() <= 16 * Math.ulp(absSum), e::toString);
            }
        }
        assertEquals(IntervalMatrix.ofPoints(a), IntervalMatrix.identity(6).mul(IntervalMatrix.ofPoints(a)));
    }

    @Test
    void vectorOperations() {
        IntervalVector x = IntervalVector.of(Interval.of(1, 2), Interval.of(-1, 3));
        IntervalVector y = IntervalVector.ofPoints(0.5, -2);
        assertEquals(IntervalVector.of(Interval.of(1.5, 2.5), Interval.of(-3, 1)), x.add(y));
        assertEquals(IntervalVector.of(Interval.of(0.5, 1.5), Interval.of(1, 5)), x.sub(y));
        assertEquals(IntervalVector.of(Interval.of(2, 4), Interval.of(-2, 6)), x.scale(2));
        assertEquals(Interval.of(-5.5, 3), x.dot(y));
        assertEquals(4.0, x.maxWidth());
        assertEquals(3.0, x.normInf());
        assertArrayEquals(new double[] {1.5, 1}, x.midpoint());
        assertArrayEquals(new double[] {0.5, 2}, x.radius());
        IntervalVector.MidpointSplit split = x.split();
        assertTrue(x.subset(IntervalVector.ofPoints(split.midpoint()).add(split.centered())));
        assertTrue(split.centered().get(0).containsZero());
        assertTrue(x.contains(new double[] {1, 3}) && !x.contains(new double[] {0, 0}));
        assertTrue(IntervalVector.ofPoints(1.5, 0).interior(x) && !IntervalVector.ofPoints(1, 0).interior(x));
        assertTrue(x.intersection(IntervalVector.ofPoints(5, 0)).isEmpty());
        assertEquals(IntervalVector.of(Interval.of(0.5, 2), Interval.of(-2, 3)), x.hull(y));
        assertEquals(Interval.of(7, 7), x.with(0, Interval.of(7)).get(0));
        assertEquals(Interval.of(1, 2), x.get(0));  // immutable
        assertThrows(IllegalArgumentException.class, () -> x.add(IntervalVector.zeros(3)));
        assertEquals(IntervalVector.zeros(2), IntervalVector.ofPoints(0, 0));
    }

    @Test
    void matrixBasics() {
        IntervalMatrix a = IntervalMatrix.of(new Interval[][] {
            {Interval.of(1, 2), Interval.of(-1)},
            {Interval.of(0), Interval.of(-3, 3)}});
        assertEquals(3.0, a.normInf()); // max(2 + 1, 0 + 3)
        assertEquals(6.0, a.maxWidth());
        assertEquals(a, a.transpose().transpose());
        assertEquals(Interval.of(-1), a.transpose().get(1, 0));
        IntervalMatrix.MidpointSplit split = a.split();
        assertTrue(a.subset(IntervalMatrix.ofPoints(split.midpoint()).add(split.centered())));
        assertTrue(a.contains(new double[][] {{1.5, -1}, {0, 2}}));
        assertFalse(a.contains(new double[][] {{1.5, -1}, {0, 4}}));
        assertEquals(IntervalVector.of(Interval.of(2, 3), Interval.of(-3, 3)), a.mul(IntervalVector.ofPoints(1, -1)));
        assertEquals(a, a.scale(1.0));
        assertEquals(IntervalMatrix.zeros(2, 2), a.sub(a).intersection(IntervalMatrix.zeros(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> a.mul(IntervalMatrix.zeros(3, 1)));
        assertThrows(IllegalArgumentException.class, () -> IntervalMatrix.ofPoints(new double[][] {{1, 2}, {3}}));
    }

    // ------------------------------------------------------------------- QR

    @Test
    void householderQrFactorsAndIsOrthogonal() {
        Random r = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + r.nextInt(6);
            int n = 1 + r.nextInt(6);
            double[][] a = randomMatrix(r, m, n);
            boolean pivot = trial % 2 == 1;
            HouseholderQr.Decomposition qr = HouseholderQr.decompose(a, pivot);
            double[][] q = qr.q();
            double[][] rr = qr.r();
            double[][] qtq = PointMatrices.multiply(PointMatrices.transpose(q), q);
            double[][] prod = PointMatrices.multiply(q, rr);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    assertEquals(i == j ? 1.0 : 0.0, qtq[i][j], 1e-14);
                }
                for (int j = 0; j < n; j++) {
                    assertEquals(a[i][qr.permutation()[j]], prod[i][j], 1e-13 * 16);
                    if (i > j) {
                        assertEquals(0.0, rr[i][j]);
                    }
                }
            }
            if (pivot) {
                for (int j = 1; j < Math.min(m, n); j++) {
                    assertTrue(Math.abs(rr[j][j]) <= Math.abs(rr[j - 1][j - 1]) * (1 + 1e-12));
                }
            }
        }
    }

    // ------------------------------------------------- orthogonal inverse

    @Test
    void inverseOfHouseholderQContainsTheExactInverse() {
        Random r = new Random(4);
        for (int trial = 0; trial < 25; trial++) {
            int n = 1 + r.nextInt(6);
            double[][] q = HouseholderQr.decompose(randomMatrix(r, n, n)).q();
            LinearResult<IntervalMatrix> result = OrthogonalInverse.enclose(q);
            assertInstanceOf(LinearResult.Enclosed.class, result);
            IntervalMatrix inv = result.toOptional().orElseThrow();
            assertContains(inv, exactSolve(exact(q), identity(n)));
            assertTrue(inv.maxWidth() < 1e-14, () -> "width " + inv.maxWidth());
        }
    }

    @Test
    void inverseOfAnExactlyOrthogonalMatrixIsItsTranspose() {
        double[][] p = {{0, 1, 0}, {0, 0, -1}, {1, 0, 0}};
        LinearResult<IntervalMatrix> result = OrthogonalInverse.enclose(p);
        assertEquals(IntervalMatrix.ofPoints(PointMatrices.transpose(p)), result.toOptional().orElseThrow());
    }

    @Test
    void inverseFailsCleanlyWhenQIsNotNearlyOrthogonal() {
        assertInstanceOf(LinearResult.Failed.class, OrthogonalInverse.enclose(new double[][] {{2, 0}, {0, 2}}));
        assertInstanceOf(LinearResult.Failed.class, OrthogonalInverse.enclose(new double[][] {{1, 0}}));
        assertInstanceOf(LinearResult.Failed.class,
                OrthogonalInverse.enclose(new double[][] {{Double.NaN, 0}, {0, 1}}));
        LinearResult<IntervalMatrix> failed = OrthogonalInverse.enclose(new double[][] {{1, 1}, {0, 1}});
        assertTrue(((LinearResult.Failed<IntervalMatrix>) failed).reason().contains("not orthogonal"));
        assertTrue(failed.toOptional().isEmpty());
        // mildly non-orthogonal still works: ||E|| about 0.2
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] skew = {{c * 1.05, -s}, {s, c}};
        IntervalMatrix inv = OrthogonalInverse.enclose(skew).toOptional().orElseThrow();
        assertContains(inv, exactSolve(exact(skew), identity(2)));
    }

    // ------------------------------------------------------ linear systems

    @Test
    void gaussianEliminationContainsExactSolutions() {
        Random r = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + r.nextInt(6);
            double[][] a = randomMatrix(r, n, n);
            for (int i = 0; i < n; i++) {
                a[i][i] += 4 * Math.signum(a[i][i] + 0.5); // keep it comfortably regular
            }
            double[][] b = randomMatrix(r, n, 1);
            double[] bv = new double[n];
            for (int i = 0; i < n; i++) {
                bv[i] = b[i][0];
            }
            Rational[][] x = exactSolve(exact(a), exact(b));
            for (boolean precondition : new boolean[] {true, false}) {
                IntervalVector sol = IntervalGauss.solve(IntervalMatrix.ofPoints(a), IntervalVector.ofPoints(bv),
                        precondition).toOptional().orElseThrow();
                for (int i = 0; i < n; i++) {
                    assertTrue(contains(sol.get(i), x[i][0]), () -> "solution " + sol);
                }
                assertTrue(sol.maxWidth() < 1e-12);
            }
            IntervalMatrix inv = IntervalGauss.inverse(IntervalMatrix.ofPoints(a)).toOptional().orElseThrow();
            assertContains(inv, exactSolve(exact(a), identity(n)));
        }
    }

    @Test
    void intervalSystemsEncloseTheSolutionsOfEveryMember() {
        Random r = new Random(6);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + r.nextInt(4);
            double[][] mid = randomMatrix(r, n, n);
            for (int i = 0; i < n; i++) {
                mid[i][i] += 5;
            }
            IntervalMatrix a = thicken(mid, 1e-3);
            IntervalMatrix b = thicken(randomMatrix(r, n, 1), 1e-3);
            IntervalVector sol = IntervalGauss.solve(a, b.column(0)).toOptional().orElseThrow();
            for (int s = 0; s < 5; s++) {
                Rational[][] x = exactSolve(exact(sample(r, a)), exact(sample(r, b)));
                for (int i = 0; i < n; i++) {
                    assertTrue(contains(sol.get(i), x[i][0]));
                }
            }
        }
    }

    @Test
    void singularSystemsFailWithAReason() {
        double[][] singular = {{1, 2}, {2, 4}};
        LinearResult<IntervalVector> result = IntervalGauss.solve(singular, new double[] {1, 2});
        assertInstanceOf(LinearResult.Failed.class, result);
        IntervalMatrix containsSingular = IntervalMatrix.of(new Interval[][] {
            {Interval.of(-1, 1), Interval.of(0)}, {Interval.of(0), Interval.of(1)}});
        assertInstanceOf(LinearResult.Failed.class, IntervalGauss.inverse(containsSingular));
        assertInstanceOf(LinearResult.Failed.class, IntervalGauss.solve(new double[][] {{Double.NaN}}, new double[] {1}));
        assertInstanceOf(LinearResult.Failed.class,
                IntervalGauss.solve(IntervalMatrix.zeros(2, 3), IntervalVector.zeros(2)));
        assertTrue(PointMatrices.approximateInverse(singular).isEmpty());
    }
}
