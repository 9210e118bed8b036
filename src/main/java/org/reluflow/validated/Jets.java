package org.reluflow.validated;

import org.reluflow.interval.Interval;

/**
 * First-order jets over intervals: a value and its gradient with respect to the n initial coordinates, both
 * enclosed. Running the Taylor recurrences on jets gives the coefficients of the flow's Taylor map together with
 * their Jacobians (forward-mode automatic differentiation).
 */
final class Jets implements Coefficients<Jets.Jet> {

    /** A value with its gradient; {@code d == null} means a constant (zero gradient). */
    record Jet(Interval v, Interval[] d) {}

    private final int n;
    private final Jet zero = new Jet(Interval.ZERO, null);

    Jets(int n) { this.n = n; }

    /** The seed for coordinate i: value v, gradient e_i. */
    Jet variable(Interval v, int i) {
        Interval[] d = new Interval[n];
        java.util.Arrays.fill(d, Interval.ZERO);
        d[i] = Interval.ONE;
        return new Jet(v, d);
    }

    @Override public Jet zero() { return zero; }

    @Override public Jet constant(Interval v) { return new Jet(v, null); }

    @Override public Jet add(Jet a, Jet b) {
        if (a.d == null && b.d == null) return new Jet(a.v.add(b.v), null);
        Interval[] d = new Interval[n];
        for (int i = 0; i < n; i++) d[i] = a.d == null ? b.d[i] : b.d == null ? a.d[i] : a.d[i].add(b.d[i]);
        return new Jet(a.v.add(b.v), d);
    }

    @Override public Jet sub(Jet a, Jet b) { return add(a, neg(b)); }

    @Override public Jet neg(Jet a) {
        if (a.d == null) return new Jet(a.v.neg(), null);
        Interval[] d = new Interval[n];
        for (int i = 0; i < n; i++) d[i] = a.d[i].neg();
        return new Jet(a.v.neg(), d);
    }

    @Override public Jet mul(Jet a, Jet b) {
        if (a.d == null && b.d == null) return new Jet(a.v.mul(b.v), null);
        Interval[] d = new Interval[n];
        for (int i = 0; i < n; i++) {
            Interval t = Interval.ZERO;
            if (a.d != null) t = a.d[i].mul(b.v);
            if (b.d != null) t = t.add(a.v.mul(b.d[i]));
            d[i] = t;
        }
        return new Jet(a.v.mul(b.v), d);
    }

    @Override public Jet sqr(Jet a) {
        if (a.d == null) return new Jet(a.v.sqr(), null);
        Interval[] d = new Interval[n];
        Interval twoV = a.v.mul(2);
        for (int i = 0; i < n; i++) d[i] = twoV.mul(a.d[i]);
        return new Jet(a.v.sqr(), d);
    }

    @Override public Jet div(Jet a, Jet b) {
        Interval q = a.v.div(b.v);
        if (a.d == null && b.d == null) return new Jet(q, null);
        Interval[] d = new Interval[n];
        for (int i = 0; i < n; i++) {
            Interval num = a.d == null ? Interval.ZERO : a.d[i];
            if (b.d != null) num = num.sub(q.mul(b.d[i]));
            d[i] = num.div(b.v);
        }
        return new Jet(q, d);
    }

    @Override public Jet times(Jet a, int k) { return scaled(a, Interval.of(k), true); }

    @Override public Jet divide(Jet a, int k) { return scaled(a, Interval.of(k), false); }

    private Jet scaled(Jet a, Interval k, boolean multiply) {
        Interval v = multiply ? a.v.mul(k) : a.v.div(k);
        if (a.d == null) return new Jet(v, null);
        Interval[] d = new Interval[n];
        for (int i = 0; i < n; i++) d[i] = multiply ? a.d[i].mul(k) : a.d[i].div(k);
        return new Jet(v, d);
    }

    /** A function of one argument with derivative {@code slope} over the value's range. */
    private Jet chain(Jet a, Interval value, Interval slope) {
        if (a.d == null) return new Jet(value, null);
        Interval[] d = new Interval[n];
        for (int i = 0; i < n; i++) d[i] = slope.mul(a.d[i]);
        return new Jet(value, d);
    }

    @Override public Jet sqrt(Jet a) {
        Interval r = a.v.sqrt();
        return chain(a, r, Interval.ONE.div(r.mul(2)));
    }

    @Override public Jet exp(Jet a) {
        Interval e = a.v.exp();
        return chain(a, e, e);
    }

    @Override public Jet log(Jet a) { return chain(a, a.v.log(), Interval.ONE.div(a.v)); }

    @Override public Jet ramp(Jet a) {
        throw new UnsupportedOperationException("jets are only used inside one activation region");
    }

    @Override public Jet step(Jet a, double atZero) {
        throw new UnsupportedOperationException("jets are only used inside one activation region");
    }

    @Override public Jet[] newArray(int size) { return new Jet[size]; }
}
