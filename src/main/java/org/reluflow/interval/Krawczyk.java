package org.reluflow.interval;

import java.util.Optional;

/**
 * The Krawczyk operator for square systems {@code F(x) = 0}:
 * {@code K(X) = m - C F(m) + (I - C J(X)) (X - m)}, with {@code m} the midpoint of {@code X}, {@code J(X)} an
 * interval Jacobian and {@code C} a floating-point inverse of {@code mid J(X)}.
 *
 * <p>Every zero of F in {@code X} lies in {@code K(X)} (for any {@code C}), so {@code K(X) ∩ X = ∅} proves
 * there is none; {@code K(X)} in the interior of {@code X} proves a unique zero in {@code X} (Krawczyk, Moore,
 * Rump). After a proof the iteration {@code X := K(X) ∩ X} tightens the enclosure. Numerical trouble
 * (singular midpoint Jacobian, unbounded or empty evaluations) ends in {@link KrawczykResult.Undecided}.
 */
public final class Krawczyk {

    public static final int DEFAULT_MAX_ITERATIONS = 40;

    private Krawczyk() {
    }

    public static KrawczykResult solve(IntervalMap f, IntervalVector x) {
        return solve(f, x, DEFAULT_MAX_ITERATIONS);
    }

    public static KrawczykResult solve(IntervalMap f, IntervalVector x, int maxIterations) {
        if (x.dimension() != f.dimension()) {
            return new KrawczykResult.Undecided(x, "box dimension " + x.dimension() + " != " + f.dimension());
        }
        if (x.isEmpty()) {
            return new KrawczykResult.NoZero("empty box");
        }
        if (!x.isBounded()) {
            return new KrawczykResult.Undecided(x, "unbounded box");
        }
        IntervalVector current = x;
        boolean unique = false;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            IntervalVector fx = f.value(current);
            for (int i = 0; i < fx.dimension() && !unique; i++) {
                if (fx.get(i).isEmpty()) {
                    return new KrawczykResult.Undecided(current, "F is undefined on the box");
                }
                if (!fx.get(i).containsZero()) {
                    return new KrawczykResult.NoZero("component " + i + " of F(X) = " + fx.get(i) + " excludes 0");
                }
            }
            Optional<IntervalVector> k = operator(f, current);
            if (k.isEmpty()) {
                return stop(current, unique, iteration, "singular midpoint Jacobian or undefined evaluation");
            }
            if (!unique && k.get().interior(current)) {
                unique = true;
            }
            IntervalVector next = k.get().intersection(current);
            if (next.isEmpty()) {
                return unique ? stop(current, true, iteration, "")
                        : new KrawczykResult.NoZero("K(X) = " + k.get() + " misses X");
            }
            if (next.equals(current)) {
                return stop(current, unique, iteration, "no progress: K(X) = " + k.get());
            }
            current = next;
        }
        return stop(current, unique, maxIterations, "iteration limit reached");
    }

    /**
     * {@code K(X)} itself, with {@code C} the floating-point inverse of {@code mid J(X)}; empty if that matrix is
     * numerically singular or an evaluation is empty or unbounded.
     */
    public static Optional<IntervalVector> operator(IntervalMap f, IntervalVector x) {
        int n = x.dimension();
        IntervalMatrix jac = f.jacobian(x);
        if (jac.isEmpty()) {
            return Optional.empty();
        }
        Optional<double[][]> c = PointMatrices.approximateInverse(jac.midpoint());
        if (c.isEmpty()) {
            return Optional.empty();
        }
        IntervalVector.MidpointSplit split = x.split();
        IntervalVector m = IntervalVector.ofPoints(split.midpoint());
        IntervalVector fm = f.value(m);
        if (fm.isEmpty()) {
            return Optional.empty();
        }
        IntervalMatrix ci = IntervalMatrix.ofPoints(c.get());
        IntervalMatrix contraction = IntervalMatrix.identity(n).sub(ci.mul(jac));
        IntervalVector k = m.sub(ci.mul(fm)).add(contraction.mul(split.centered()));
        return k.isBounded() && !k.isEmpty() ? Optional.of(k) : Optional.empty();
    }

    private static KrawczykResult stop(IntervalVector x, boolean unique, int iterations, String reason) {
        return unique ? new KrawczykResult.UniqueZero(x, iterations) : new KrawczykResult.Undecided(x, reason);
    }
}
