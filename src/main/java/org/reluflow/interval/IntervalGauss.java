package org.reluflow.interval;

import java.util.Optional;

/**
 * Interval Gaussian elimination for small square systems {@code A x = b} with interval data.
 *
 * <p>Guarantee: an {@link LinearResult.Enclosed} result contains the solution of {@code A x = b} for every
 * point matrix {@code A} and point vector {@code b} in the input (and certifies that all those {@code A} are
 * nonsingular). By default the system is first preconditioned with a floating-point inverse {@code C} of
 * {@code mid(A)}: {@code (C A) x = C b} has the same solutions (any solution of the original solves it), and
 * {@code C A} is close to the identity, where interval elimination is effective (Hansen). Pivots are chosen
 * by largest mignitude; elimination fails, with a reason, when every candidate pivot contains zero.
 */
public final class IntervalGauss {

    private IntervalGauss() {
    }

    /** Solves {@code A x = b} with midpoint-inverse preconditioning. */
    public static LinearResult<IntervalVector> solve(IntervalMatrix a, IntervalVector b) {
        return solve(a, b, true);
    }

    /** Solves {@code A x = b}; {@code precondition = false} runs plain interval elimination on the data. */
    public static LinearResult<IntervalVector> solve(IntervalMatrix a, IntervalVector b, boolean precondition) {
        if (a.rows() != a.cols() || b.dimension() != a.rows()) {
            return new LinearResult.Failed<>("shape mismatch: " + a.rows() + "x" + a.cols() + " with " + b.dimension());
        }
        Interval[][] column = new Interval[b.dimension()][1];
        for (int i = 0; i < b.dimension(); i++) {
            column[i][0] = b.get(i);
        }
        LinearResult<IntervalMatrix> x = solveMatrix(a, IntervalMatrix.wrap(column, b.dimension(), 1), precondition);
        if (x instanceof LinearResult.Enclosed<IntervalMatrix> e) {
            return new LinearResult.Enclosed<>(e.value().column(0));
        }
        return new LinearResult.Failed<>(((LinearResult.Failed<IntervalMatrix>) x).reason());
    }

    /** Point-data convenience for {@link #solve(IntervalMatrix, IntervalVector)}. */
    public static LinearResult<IntervalVector> solve(double[][] a, double[] b) {
        if (!allFinite(a) || !allFinite(new double[][] {b})) {
            return new LinearResult.Failed<>("non-finite data");
        }
        return solve(IntervalMatrix.ofPoints(a), IntervalVector.ofPoints(b));
    }

    /** Encloses the inverse of every point matrix in {@code A} (solves {@code A X = I}). */
    public static LinearResult<IntervalMatrix> inverse(IntervalMatrix a) {
        if (a.rows() != a.cols()) {
            return new LinearResult.Failed<>("not square: " + a.rows() + "x" + a.cols());
        }
        return solveMatrix(a, IntervalMatrix.identity(a.rows()), true);
    }

    /** Solves {@code A X = B} for a matrix right-hand side. */
    public static LinearResult<IntervalMatrix> solveMatrix(IntervalMatrix a, IntervalMatrix b, boolean precondition) {
        int n = a.rows();
        if (a.cols() != n || b.rows() != n) {
            return new LinearResult.Failed<>("shape mismatch");
        }
        if (a.isEmpty() || b.isEmpty()) {
            return new LinearResult.Failed<>("empty data");
        }
        if (precondition) {
            Optional<double[][]> c = PointMatrices.approximateInverse(a.midpoint());
            if (c.isPresent()) {
                IntervalMatrix ci = IntervalMatrix.ofPoints(c.get());
                a = ci.mul(a);
                b = ci.mul(b);
            }
            // without a usable preconditioner plain elimination is still sound; it may just fail
        }
        return eliminate(a.toArray(), b.toArray(), n, b.cols());
    }

    private static LinearResult<IntervalMatrix> eliminate(Interval[][] a, Interval[][] b, int n, int k) {
        for (int col = 0; col < n; col++) {
            int p = col;
            for (int i = col + 1; i < n; i++) {
                if (a[i][col].mig() > a[p][col].mig()) {
                    p = i;
                }
            }
            if (!(a[p][col].mig() > 0)) {
                return new LinearResult.Failed<>("every pivot candidate in column " + col + " contains zero");
            }
            Interval[] t = a[p];
            a[p] = a[col];
            a[col] = t;
            t = b[p];
            b[p] = b[col];
            b[col] = t;
            Interval pivot = a[col][col];
            for (int i = col + 1; i < n; i++) {
                Interval f = a[i][col].div(pivot);
                a[i][col] = Interval.ZERO;
                for (int j = col + 1; j < n; j++) {
                    a[i][j] = a[i][j].sub(f.mul(a[col][j]));
                }
                for (int j = 0; j < k; j++) {
                    b[i][j] = b[i][j].sub(f.mul(b[col][j]));
                }
            }
        }
        Interval[][] x = new Interval[n][k];
        for (int j = 0; j < k; j++) {
            for (int i = n - 1; i >= 0; i--) {
                Interval s = b[i][j];
                for (int l = i + 1; l < n; l++) {
                    s = s.sub(a[i][l].mul(x[l][j]));
                }
                x[i][j] = s.div(a[i][i]);
                if (x[i][j].isEmpty() || !x[i][j].isBounded()) {
                    return new LinearResult.Failed<>("unbounded enclosure in row " + i);
                }
            }
        }
        return new LinearResult.Enclosed<>(IntervalMatrix.wrap(x, n, k));
    }

    private static boolean allFinite(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
