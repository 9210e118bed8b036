package org.reluflow.interval;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * An immutable dense matrix of {@link Interval}s, meant for the small systems of validated integration
 * (tens to a few hundred rows). Sums and products accumulate in interval arithmetic, so every result contains
 * the exact result for all point matrices in the arguments.
 */
public final class IntervalMatrix {

    private final Interval[][] a;
    private final int rows;
    private final int cols;

    private IntervalMatrix(Interval[][] a, int rows, int cols) {
        this.a = a;
        this.rows = rows;
        this.cols = cols;
    }

    /** Copies a rectangular array of intervals. */
    public static IntervalMatrix of(Interval[][] entries) {
        int r = entries.length;
        int c = r == 0 ? 0 : entries[0].length;
        Interval[][] copy = new Interval[r][];
        for (int i = 0; i < r; i++) {
            if (entries[i].length != c) {
                throw new IllegalArgumentException("ragged matrix: row " + i);
            }
            copy[i] = entries[i].clone();
            for (Interval v : copy[i]) {
                if (v == null) {
                    throw new NullPointerException("null entry in row " + i);
                }
            }
        }
        return new IntervalMatrix(copy, r, c);
    }

    /** Point matrix; throws {@link IllegalArgumentException} on NaN, infinite or ragged input. */
    public static IntervalMatrix ofPoints(double[][] p) {
        int r = p.length;
        int c = r == 0 ? 0 : p[0].length;
        Interval[][] e = new Interval[r][c];
        for (int i = 0; i < r; i++) {
            if (p[i].length != c) {
                throw new IllegalArgumentException("ragged matrix: row " + i);
            }
            for (int j = 0; j < c; j++) {
                e[i][j] = Interval.of(p[i][j]);
            }
        }
        return new IntervalMatrix(e, r, c);
    }

    public static IntervalMatrix identity(int n) {
        Interval[][] e = filled(n, n, Interval.ZERO);
        for (int i = 0; i < n; i++) {
            e[i][i] = Interval.ONE;
        }
        return new IntervalMatrix(e, n, n);
    }

    public static IntervalMatrix zeros(int rows, int cols) {
        return new IntervalMatrix(filled(rows, cols, Interval.ZERO), rows, cols);
    }

    /** Package-private: wraps without copying; the caller hands over ownership of a rectangular array. */
    static IntervalMatrix wrap(Interval[][] entries, int rows, int cols) {
        return new IntervalMatrix(entries, rows, cols);
    }

    private static Interval[][] filled(int rows, int cols, Interval v) {
        Interval[][] e = new Interval[rows][cols];
        for (Interval[] row : e) {
            Arrays.fill(row, v);
        }
        return e;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Interval get(int i, int j) {
        return a[i][j];
    }

    public IntervalVector row(int i) {
        return IntervalVector.of(a[i]);
    }

    public IntervalVector column(int j) {
        Interval[] c = new Interval[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = a[i][j];
        }
        return IntervalVector.wrap(c);
    }

    /** A copy of the entries. */
    public Interval[][] toArray() {
        Interval[][] copy = new Interval[rows][];
        for (int i = 0; i < rows; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    public boolean isEmpty() {
        for (Interval[] row : a) {
            for (Interval v : row) {
                if (v.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------- arithmetic

    public IntervalMatrix add(IntervalMatrix b) {
        checkSameShape(b);
        Interval[][] e = new Interval[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = a[i][j].add(b.a[i][j]);
            }
        }
        return new IntervalMatrix(e, rows, cols);
    }

    public IntervalMatrix sub(IntervalMatrix b) {
        checkSameShape(b);
        Interval[][] e = new Interval[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = a[i][j].sub(b.a[i][j]);
            }
        }
        return new IntervalMatrix(e, rows, cols);
    }

    public IntervalMatrix scale(Interval s) {
        Interval[][] e = new Interval[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = a[i][j].mul(s);
            }
        }
        return new IntervalMatrix(e, rows, cols);
    }

    public IntervalMatrix scale(double s) {
        return scale(Interval.of(s));
    }

    /** Enclosure of {@code A v}. */
    public IntervalVector mul(IntervalVector v) {
        if (v.dimension() != cols) {
            throw new IllegalArgumentException("matrix has " + cols + " columns, vector dimension " + v.dimension());
        }
        Interval[] r = new Interval[rows];
        for (int i = 0; i < rows; i++) {
            Interval sum = Interval.ZERO;
            for (int k = 0; k < cols; k++) {
                sum = sum.add(a[i][k].mul(v.get(k)));
            }
            r[i] = sum;
        }
        return IntervalVector.wrap(r);
    }

    /** Enclosure of {@code A B}. */
    public IntervalMatrix mul(IntervalMatrix b) {
        if (b.rows != cols) {
            throw new IllegalArgumentException("shapes " + rows + "x" + cols + " and " + b.rows + "x" + b.cols);
        }
        Interval[][] e = new Interval[rows][b.cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < b.cols; j++) {
                e[i][j] = rowByColumn(i, b, j);
            }
        }
        return new IntervalMatrix(e, rows, b.cols);
    }

    /** Inner dimension from which {@link #product} goes midpoint-radius (the object product dominated 150-variable steps). */
    public static final int MID_RAD_FROM = 30;

    /** Enclosure of {@code A B}: the inf-sup product (tightest) for short inner dimensions, midpoint-radius above. */
    public IntervalMatrix product(IntervalMatrix b) {
        return cols >= MID_RAD_FROM ? mulMidRad(b) : mul(b);
    }

    /**
     * Enclosure of {@code A B} by the midpoint-radius product (Rump): one floating-point product of the midpoints and
     * one of magnitudes, on primitive arrays, instead of n^3 interval operations. Rigorous under round-to-nearest: the
     * midpoint product's rounding error is bounded by gamma_n |mA| |mB| + n eta (Higham), and every nonnegative sum
     * is inflated by a relative (2n + 6) u and an absolute underflow term. Its radii are at most about 1.5 times those
     * of {@link #mul(IntervalMatrix)}, plus that rounding term, which dominates where the sum cancels; used where the
     * dimension makes the object product the bottleneck. Falls back to {@link #mul(IntervalMatrix)} when an entry
     * is empty or unbounded.
     */
    public IntervalMatrix mulMidRad(IntervalMatrix b) {
        if (b.rows != cols) {
            throw new IllegalArgumentException("shapes " + rows + "x" + cols + " and " + b.rows + "x" + b.cols);
        }
        double[][] ma = new double[rows][cols], ra = new double[rows][cols], mb = new double[b.rows][b.cols], rb = new double[b.rows][b.cols];
        if (!midRad(this, ma, ra) || !midRad(b, mb, rb)) return mul(b);
        int n = cols, m = b.cols;
        double u = 0x1p-53, eta = Double.MIN_VALUE;
        double gamma = n * u / (1 - n * u);
        double inflate = 1 + (2.0 * n + 6) * u;
        Interval[][] e = new Interval[rows][m];
        double[] mc = new double[m], bound = new double[m];
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(mc, 0.0);
            java.util.Arrays.fill(bound, 0.0);
            for (int k = 0; k < n; k++) {
                double mik = ma[i][k], aik = Math.abs(mik), rik = ra[i][k];
                double[] mbk = mb[k], rbk = rb[k];
                // i-k-j order: both inner loops are axpy over the row, which C2 vectorizes
                for (int j = 0; j < m; j++) {
                    mc[j] += mik * mbk[j];
                    double amb = Math.abs(mbk[j]);
                    bound[j] += aik * rbk[j] + rik * (amb + rbk[j]) + gamma * aik * amb;
                }
            }
            for (int j = 0; j < m; j++) {
                double r = (bound[j] + 2 * n * eta) * inflate + eta;
                if (!Double.isFinite(r) || !Double.isFinite(mc[j])) { e[i][j] = rowByColumn(i, b, j); continue; }
                e[i][j] = Interval.of(Math.nextDown(mc[j] - r), Math.nextUp(mc[j] + r));
            }
        }
        return new IntervalMatrix(e, rows, m);
    }

    /** Midpoints and upper bounds of the radii; false if an entry is empty or unbounded. */
    private static boolean midRad(IntervalMatrix x, double[][] mid, double[][] rad) {
        for (int i = 0; i < x.rows; i++)
            for (int j = 0; j < x.cols; j++) {
                Interval v = x.a[i][j];
                if (v.isEmpty() || !v.isBounded()) return false;
                if (v.lo() == v.hi()) { mid[i][j] = v.lo(); rad[i][j] = 0; continue; } // points stay exact
                double c = 0.5 * v.lo() + 0.5 * v.hi();
                mid[i][j] = c;
                rad[i][j] = Math.nextUp(Math.max(v.hi() - c, c - v.lo()));
            }
        return true;
    }

    private Interval rowByColumn(int i, IntervalMatrix b, int j) {
        Interval sum = Interval.ZERO;
        for (int k = 0; k < cols; k++) sum = sum.add(a[i][k].mul(b.a[k][j]));
        return sum;
    }

    /** Exact transpose. */
    public IntervalMatrix transpose() {
        Interval[][] e = new Interval[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[j][i] = a[i][j];
            }
        }
        return new IntervalMatrix(e, cols, rows);
    }

    // ---------------------------------------------------------- set operations

    public IntervalMatrix hull(IntervalMatrix b) {
        checkSameShape(b);
        Interval[][] e = new Interval[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = a[i][j].hull(b.a[i][j]);
            }
        }
        return new IntervalMatrix(e, rows, cols);
    }

    public IntervalMatrix intersection(IntervalMatrix b) {
        checkSameShape(b);
        Interval[][] e = new Interval[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = a[i][j].intersection(b.a[i][j]);
            }
        }
        return new IntervalMatrix(e, rows, cols);
    }

    /** Every entry of the point matrix lies in the corresponding entry. */
    public boolean contains(double[][] p) {
        if (p.length != rows) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            if (p[i].length != cols) {
                return false;
            }
            for (int j = 0; j < cols; j++) {
                if (!a[i][j].contains(p[i][j])) {
                    return false;
                }
            }
        }
        return true;
    }

    public boolean subset(IntervalMatrix b) {
        checkSameShape(b);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!a[i][j].subset(b.a[i][j])) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------- midpoint and radius

    /** Entrywise {@link Interval#midpoint()}. */
    public double[][] midpoint() {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = a[i][j].midpoint();
            }
        }
        return m;
    }

    /** Entrywise {@link Interval#radius()} (rounded up). */
    public double[][] radius() {
        double[][] r = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[i][j] = a[i][j].radius();
            }
        }
        return r;
    }

    /** The midpoint matrix as a point {@code IntervalMatrix} and the rigorous centred remainder {@code A - mid}. */
    public MidpointSplit split() {
        double[][] m = midpoint();
        return new MidpointSplit(m, sub(ofPoints(m)));
    }

    /** A matrix written as a point matrix plus a rigorous remainder; see {@link IntervalMatrix#split()}. */
    public record MidpointSplit(double[][] midpoint, IntervalMatrix centered) {
    }

    // ------------------------------------------------------------------ norms

    /** Largest entry width (rounded up). */
    public double maxWidth() {
        double w = 0.0;
        for (Interval[] row : a) {
            for (Interval v : row) {
                w = Math.max(w, v.width());
            }
        }
        return w;
    }

    /**
     * Upper bound of the infinity norm (max absolute row sum) of every point matrix in this one, with the row
     * sums rounded up.
     */
    public double normInf() {
        double n = 0.0;
        for (Interval[] row : a) {
            double s = 0.0;
            for (Interval v : row) {
                s = DirectedRounding.addUp(s, v.mag());
            }
            n = Math.max(n, s);
        }
        return n;
    }

    private void checkSameShape(IntervalMatrix b) {
        if (b.rows != rows || b.cols != cols) {
            throw new IllegalArgumentException("shapes " + rows + "x" + cols + " and " + b.rows + "x" + b.cols);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalMatrix && Arrays.deepEquals(a, ((IntervalMatrix) o).a)
                && ((IntervalMatrix) o).cols == cols;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(a);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",\n ", "[", "]");
        for (Interval[] row : a) {
            StringJoiner r = new StringJoiner(", ", "(", ")");
            for (Interval v : row) {
                r.add(v.toString());
            }
            j.add(r.toString());
        }
        return j.toString();
    }
}
