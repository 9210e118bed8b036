package org.reluflow.interval;

import java.util.Optional;

/**
 * Plain floating-point (round-to-nearest, <em>not</em> rigorous) helpers on {@code double[][]}: the
 * approximate data (preconditioners, orthogonal bases) that rigorous methods verify afterwards.
 */
public final class PointMatrices {

    private PointMatrices() {
    }

    public static double[][] identity(int n) {
        double[][] e = new double[n][n];
        for (int i = 0; i < n; i++) {
            e[i][i] = 1.0;
        }
        return e;
    }

    public static double[][] transpose(double[][] a) {
        int r = a.length;
        int c = r == 0 ? 0 : a[0].length;
        double[][] t = new double[c][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = inner == 0 ? 0 : b[0].length;
        double[][] p = new double[n][m];
        for (int i = 0; i < n; i++) {
            if (a[i].length != inner) {
                throw new IllegalArgumentException("shape mismatch in multiply");
            }
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                for (int j = 0; j < m; j++) {
                    p[i][j] += aik * b[k][j];
                }
            }
        }
        return p;
    }

    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * Approximate inverse of a square matrix by Gauss-Jordan elimination with partial pivoting; empty if a
     * pivot vanishes or the result is not finite.
     */
    public static Optional<double[][]> approximateInverse(double[][] a) {
        int n = a.length;
        double[][] w = copy(a);
        double[][] inv = identity(n);
        for (int k = 0; k < n; k++) {
            if (w[k].length != n) {
                throw new IllegalArgumentException("not square");
            }
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(w[i][k]) > Math.abs(w[p][k])) {
                    p = i;
                }
            }
            if (!(Math.abs(w[p][k]) > 0)) {
                return Optional.empty();
            }
            swap(w, k, p);
            swap(inv, k, p);
            double pivot = w[k][k];
            for (int j = 0; j < n; j++) {
                w[k][j] /= pivot;
                inv[k][j] /= pivot;
            }
            for (int i = 0; i < n; i++) {
                if (i != k && w[i][k] != 0) {
                    double f = w[i][k];
                    for (int j = 0; j < n; j++) {
                        w[i][j] -= f * w[k][j];
                        inv[i][j] -= f * inv[k][j];
                    }
                }
            }
        }
        for (double[] row : inv) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(inv);
    }

    private static void swap(double[][] m, int i, int j) {
        double[] t = m[i];
        m[i] = m[j];
        m[j] = t;
    }
}
