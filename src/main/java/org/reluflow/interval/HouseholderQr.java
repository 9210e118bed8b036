package org.reluflow.interval;

/**
 * Floating-point Householder QR of a {@code double[][]} ({@code m x n}): {@code A P = Q R} with {@code Q}
 * ({@code m x m}) orthogonal up to rounding, {@code R} ({@code m x n}) upper triangular and {@code P} a column
 * permutation. Not rigorous: Lohner-type methods use {@code Q} as a change of coordinates and enclose its
 * inverse with {@link OrthogonalInverse}.
 */
public final class HouseholderQr {

    /**
     * The factors. Column {@code j} of {@code R} belongs to column {@code permutation[j]} of {@code A}
     * (the identity permutation without pivoting). Arrays are owned by the record; do not share them.
     */
    public record Decomposition(double[][] q, double[][] r, int[] permutation) {
    }

    private HouseholderQr() {
    }

    /** Householder QR without pivoting. */
    public static Decomposition decompose(double[][] a) {
        return decompose(a, false);
    }

    /**
     * Householder QR; with {@code pivot}, each step brings the remaining column of largest norm forward
     * (Businger-Golub), which orders the columns of {@code R} by decreasing importance, as Lohner's
     * QR method with column pivoting wants.
     */
    public static Decomposition decompose(double[][] a, boolean pivot) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        double[][] r = PointMatrices.copy(a);
        double[][] q = PointMatrices.identity(m);
        int[] perm = new int[n];
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        int steps = Math.min(m - 1, n);
        for (int k = 0; k < Math.min(m, n); k++) {
            if (pivot) {
                pivotColumn(r, perm, k);
            }
            if (k >= steps) {
                break;
            }
            reflect(r, q, k);
        }
        return new Decomposition(q, r, perm);
    }

    private static void pivotColumn(double[][] r, int[] perm, int k) {
        int m = r.length;
        int n = r[0].length;
        int best = k;
        double bestNorm = -1;
        for (int j = k; j < n; j++) {
            double s = 0;
            for (int i = k; i < m; i++) {
                s += r[i][j] * r[i][j];
            }
            if (s > bestNorm) {
                bestNorm = s;
                best = j;
            }
        }
        if (best != k) {
            for (double[] row : r) {
                double t = row[k];
                row[k] = row[best];
                row[best] = t;
            }
            int t = perm[k];
            perm[k] = perm[best];
            perm[best] = t;
        }
    }

    /** Applies the reflection that zeroes column k below the diagonal to R, and accumulates it into Q. */
    private static void reflect(double[][] r, double[][] q, int k) {
        int m = r.length;
        int n = r[0].length;
        double norm = 0;
        for (int i = k; i < m; i++) {
            norm = Math.hypot(norm, r[i][k]);
        }
        if (norm == 0) {
            return;
        }
        double alpha = r[k][k] > 0 ? -norm : norm; // opposite sign avoids cancellation in v[0]
        double[] v = new double[m - k];
        for (int i = k; i < m; i++) {
            v[i - k] = r[i][k];
        }
        v[0] -= alpha;
        double vNorm2 = 0;
        for (double x : v) {
            vNorm2 += x * x;
        }
        if (vNorm2 == 0) {
            return;
        }
        for (int j = k; j < n; j++) {
            double s = 0;
            for (int i = k; i < m; i++) {
                s += v[i - k] * r[i][j];
            }
            double f = 2 * s / vNorm2;
            for (int i = k; i < m; i++) {
                r[i][j] -= f * v[i - k];
            }
        }
        for (int i = k + 1; i < m; i++) {
            r[i][k] = 0.0; // exact zeros below the diagonal
        }
        // Q := Q H, H = I - 2 v v^T / (v^T v) acting on rows/columns k..m-1
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int l = k; l < m; l++) {
                s += q[i][l] * v[l - k];
            }
            double f = 2 * s / vNorm2;
            for (int l = k; l < m; l++) {
                q[i][l] -= f * v[l - k];
            }
        }
    }
}
