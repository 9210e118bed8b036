package org.reluflow.interval;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * An immutable vector of {@link Interval}s (a box). Arithmetic is componentwise with the rounding guarantee
 * of {@code Interval}; {@link #dot(IntervalVector)} accumulates in interval arithmetic, so every result
 * contains the exact value for all point vectors in the arguments. A vector with an empty component is empty.
 */
public final class IntervalVector {

    private final Interval[] x;

    private IntervalVector(Interval[] x) {
        this.x = x;
    }

    /** Wraps a copy of {@code components}. */
    public static IntervalVector of(Interval... components) {
        Interval[] c = components.clone();
        for (Interval v : c) {
            if (v == null) {
                throw new NullPointerException("null component");
            }
        }
        return new IntervalVector(c);
    }

    public static IntervalVector of(List<Interval> components) {
        return of(components.toArray(new Interval[0]));
    }

    /** Point vector; throws {@link IllegalArgumentException} on NaN or infinite entries. */
    public static IntervalVector ofPoints(double... p) {
        Interval[] c = new Interval[p.length];
        for (int i = 0; i < p.length; i++) {
            c[i] = Interval.of(p[i]);
        }
        return new IntervalVector(c);
    }

    public static IntervalVector zeros(int n) {
        Interval[] c = new Interval[n];
        Arrays.fill(c, Interval.ZERO);
        return new IntervalVector(c);
    }

    /** Package-private: wraps without copying; the caller hands over ownership. */
    static IntervalVector wrap(Interval[] components) {
        return new IntervalVector(components);
    }

    public int dimension() {
        return x.length;
    }

    public Interval get(int i) {
        return x[i];
    }

    public Interval[] toArray() {
        return x.clone();
    }

    /** A copy with component {@code i} replaced. */
    public IntervalVector with(int i, Interval value) {
        Interval[] c = x.clone();
        c[i] = value;
        return new IntervalVector(c);
    }

    public boolean isEmpty() {
        for (Interval v : x) {
            if (v.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public boolean isBounded() {
        for (Interval v : x) {
            if (!v.isBounded()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------- arithmetic

    public IntervalVector add(IntervalVector y) {
        checkSameDimension(y);
        Interval[] c = new Interval[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i].add(y.x[i]);
        }
        return new IntervalVector(c);
    }

    public IntervalVector sub(IntervalVector y) {
        checkSameDimension(y);
        Interval[] c = new Interval[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i].sub(y.x[i]);
        }
        return new IntervalVector(c);
    }

    public IntervalVector neg() {
        Interval[] c = new Interval[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i].neg();
        }
        return new IntervalVector(c);
    }

    public IntervalVector scale(Interval s) {
        Interval[] c = new Interval[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i].mul(s);
        }
        return new IntervalVector(c);
    }

    public IntervalVector scale(double s) {
        return scale(Interval.of(s));
    }

    /** Enclosure of the inner product, accumulated in interval arithmetic. */
    public Interval dot(IntervalVector y) {
        checkSameDimension(y);
        Interval sum = Interval.ZERO;
        for (int i = 0; i < x.length; i++) {
            sum = sum.add(x[i].mul(y.x[i]));
        }
        return sum;
    }

    // ---------------------------------------------------------- set operations

    public IntervalVector hull(IntervalVector y) {
        checkSameDimension(y);
        Interval[] c = new Interval[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i].hull(y.x[i]);
        }
        return new IntervalVector(c);
    }

    public IntervalVector intersection(IntervalVector y) {
        checkSameDimension(y);
        Interval[] c = new Interval[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i].intersection(y.x[i]);
        }
        return new IntervalVector(c);
    }

    /** Componentwise {@link Interval#contains(double)}. */
    public boolean contains(double[] p) {
        if (p.length != x.length) {
            throw new IllegalArgumentException("dimension " + p.length + " != " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!x[i].contains(p[i])) {
                return false;
            }
        }
        return true;
    }

    /** Componentwise {@link Interval#subset(Interval)}. */
    public boolean subset(IntervalVector y) {
        checkSameDimension(y);
        for (int i = 0; i < x.length; i++) {
            if (!x[i].subset(y.x[i])) {
                return false;
            }
        }
        return true;
    }

    /** Componentwise {@link Interval#interior(Interval)}: this box lies in the interior of {@code y}. */
    public boolean interior(IntervalVector y) {
        checkSameDimension(y);
        for (int i = 0; i < x.length; i++) {
            if (!x[i].interior(y.x[i])) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------- midpoint and radius

    /** Componentwise {@link Interval#midpoint()} (finite points inside the box). */
    public double[] midpoint() {
        double[] m = new double[x.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = x[i].midpoint();
        }
        return m;
    }

    /** Componentwise {@link Interval#radius()} (rounded up). */
    public double[] radius() {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i].radius();
        }
        return r;
    }

    /**
     * Splits the box as {@code midpoint + centered}: the point {@link #midpoint()} and the rigorous enclosure
     * {@code this - midpoint}, which contains 0. Every point of the box is {@code m + d} with {@code d} in
     * {@code centered}; the form Lohner-type methods propagate.
     */
    public MidpointSplit split() {
        double[] m = midpoint();
        return new MidpointSplit(m, sub(ofPoints(m)));
    }

    /** A box written as a point plus a rigorous remainder box; see {@link IntervalVector#split()}. */
    public record MidpointSplit(double[] midpoint, IntervalVector centered) {
    }

    // ------------------------------------------------------------------ norms

    /** Largest component width (rounded up; NaN if a component is empty). */
    public double maxWidth() {
        double w = 0.0;
        for (Interval v : x) {
            w = Math.max(w, v.width());
        }
        return w;
    }

    /** Upper bound of the max-norm of every point in the box: {@code max_i mag(x_i)}. */
    public double normInf() {
        double n = 0.0;
        for (Interval v : x) {
            n = Math.max(n, v.mag());
        }
        return n;
    }

    private void checkSameDimension(IntervalVector y) {
        if (y.x.length != x.length) {
            throw new IllegalArgumentException("dimension " + y.x.length + " != " + x.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalVector && Arrays.equals(x, ((IntervalVector) o).x);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Interval v : x) {
            j.add(v.toString());
        }
        return j.toString();
    }
}
