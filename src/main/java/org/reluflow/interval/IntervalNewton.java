package org.reluflow.interval;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-dimensional interval Newton method {@code N(X) = m - f([m]) / f'(X)}, {@code X := X ∩ N(X)}.
 *
 * <p>Every root of {@code f} in {@code X} lies in {@code N(X)} (mean value theorem), so an empty intersection
 * proves that there is none. If {@code 0} is not in {@code f'(X)} and {@code N(X)} lies in the interior of
 * {@code X}, {@code X} contains exactly one root (Moore, Nickel); a rigorous sign change of {@code f} between
 * the endpoints, with {@code 0} not in {@code f'(X)}, proves the same. When {@code f'(X)} contains zero the
 * quotient is taken with extended division, which may split {@code X} in two. Numerical trouble (an empty or
 * unbounded evaluation) ends in {@link NewtonResult.Undecided}, never in an exception.
 */
public final class IntervalNewton {

    /** Default number of Newton steps; a certified root usually converges to a few ulps in well under 10. */
    public static final int DEFAULT_MAX_ITERATIONS = 60;

    private IntervalNewton() {
    }

    public static NewtonResult solve(IntervalFunction f, Interval x) {
        return solve(f, x, DEFAULT_MAX_ITERATIONS);
    }

    /** Runs up to {@code maxIterations} Newton steps on {@code x}, refining after a root is certified. */
    public static NewtonResult solve(IntervalFunction f, Interval x, int maxIterations) {
        if (x.isEmpty()) {
            return new NewtonResult.NoRoot("empty domain");
        }
        if (!x.isBounded()) {
            return new NewtonResult.Undecided(List.of(x), "unbounded domain");
        }
        Interval current = x;
        boolean unique = false;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            Interval fx = f.value(current);
            if (fx.isEmpty()) {
                return stop(current, unique, iteration, "f is undefined on " + current);
            }
            if (!fx.containsZero()) {
                return unique ? stop(current, true, iteration, "")
                        : new NewtonResult.NoRoot("0 is not in f(X) = " + fx + " for X = " + current);
            }
            Interval d = f.derivative(current);
            double m = current.midpoint();
            Interval fm = f.value(Interval.of(m));
            if (d.isEmpty() || fm.isEmpty()) {
                return stop(current, unique, iteration, "f or f' is undefined on " + current);
            }
            Interval newton = Interval.EMPTY;
            List<Interval> parts = new ArrayList<>(2);
            for (Interval q : newtonQuotient(fm, d)) {
                Interval n = Interval.of(m).sub(q);
                newton = newton.hull(n);
                Interval part = n.intersection(current);
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            if (parts.isEmpty()) {
                return unique ? stop(current, true, iteration, "")
                        : new NewtonResult.NoRoot("the Newton step N(X) = " + newton + " misses X = " + current);
            }
            if (!unique && !d.containsZero()
                    && (newton.interior(current) || signChange(f, current))) {
                unique = true;
            }
            if (parts.size() == 2) {
                if (parts.get(0).lo() > parts.get(1).lo()) {
                    parts = List.of(parts.get(1), parts.get(0)); // m - q reverses the order of the pieces
                }
                return new NewtonResult.Undecided(parts, "f'(X) = " + d + " contains zero; X splits in two");
            }
            Interval next = parts.get(0);
            if (next.equals(current)) {
                return stop(current, unique, iteration, "no progress: f'(X) = " + d + " on X = " + current);
            }
            current = next;
        }
        return stop(current, unique, maxIterations, "iteration limit reached");
    }

    /**
     * Every t with {@code d t = c} for some {@code c} in {@code fm} and {@code d} in {@code deriv}: the mean value
     * relation {@code f(m) = f'(xi) (m - x*)} constrains {@code m - x*} only to this set. It is the extended
     * quotient, except that {@code 0 = 0 * t} holds for every t: if both contain zero, nothing is excluded.
     */
    private static List<Interval> newtonQuotient(Interval fm, Interval deriv) {
        if (fm.containsZero() && deriv.containsZero()) {
            return List.of(Interval.ENTIRE);
        }
        return fm.divExtended(deriv);
    }

    private static NewtonResult stop(Interval x, boolean unique, int iterations, String reason) {
        return unique ? new NewtonResult.UniqueRoot(x, iterations) : new NewtonResult.Undecided(List.of(x), reason);
    }

    /** Rigorously opposite signs of f at the two endpoints. */
    private static boolean signChange(IntervalFunction f, Interval x) {
        Interval a = f.value(Interval.of(x.lo()));
        Interval b = f.value(Interval.of(x.hi()));
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return (a.hi() < 0 && b.lo() > 0) || (a.lo() > 0 && b.hi() < 0);
    }
}
