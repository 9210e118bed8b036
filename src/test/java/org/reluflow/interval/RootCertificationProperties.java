package org.reluflow.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Soundness of the certificates on functions with known exact roots (dyadic, so membership is decidable in
 * binary64), including repeated roots and roots on the interval boundary: a NoRoot / NoZero verdict must hold
 * no root, a unique verdict exactly one, inside the enclosure, and Undecided must keep every root.
 */
class RootCertificationProperties {

    @Provide
    Arbitrary<Double> dyadics() {
        return Arbitraries.integers().between(-64, 64).map(k -> k / 8.0);
    }

    @Provide
    Arbitrary<Double> ends() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, IntervalArbitraries.uniform(-9, 9)),
                net.jqwik.api.Tuple.of(1, dyadics()));
    }

    @Provide
    Arbitrary<Double> widths() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, IntervalArbitraries.uniform(0, 1)),
                net.jqwik.api.Tuple.of(1, IntervalArbitraries.uniform(0, 10)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, 0.125, 0.25)));
    }

    /** f(x) = (x - r1)(x - r2)(x - r3) with the product-rule derivative. */
    private static IntervalFunction cubic(double r1, double r2, double r3) {
        return IntervalFunction.of(
                x -> x.sub(r1).mul(x.sub(r2)).mul(x.sub(r3)),
                x -> x.sub(r2).mul(x.sub(r3)).add(x.sub(r1).mul(x.sub(r3))).add(x.sub(r1).mul(x.sub(r2))));
    }

    @Property(tries = 1500, seed = "21")
    void newtonVerdictsAreSound(@ForAll("dyadics") double r1, @ForAll("dyadics") double r2,
                                @ForAll("dyadics") double r3, @ForAll("ends") double a, @ForAll("widths") double w,
                                @ForAll boolean aroundFirstRoot) {
        // half the intervals are placed around r1 (a in [-9, 9] serves as a random fraction there)
        double lo = aroundFirstRoot ? r1 - w * (a + 9) / 18 : a;
        Interval x = Interval.of(lo, lo + w);
        List<Double> inside = new ArrayList<>();
        for (double r : new double[] {r1, r2, r3}) {
            if (x.contains(r) && !inside.contains(r)) {
                inside.add(r);
            }
        }
        NewtonResult result = IntervalNewton.solve(cubic(r1, r2, r3), x);
        Statistics.collect(result.getClass().getSimpleName());
        if (result instanceof NewtonResult.NoRoot no) {
            assertTrue(inside.isEmpty(), () -> "roots " + inside + " in " + x + " but " + no);
        } else if (result instanceof NewtonResult.UniqueRoot u) {
            assertEquals(1, inside.size(), () -> "roots " + inside + " in " + x + " but " + u);
            assertTrue(u.enclosure().contains(inside.get(0)), u::toString);
            assertTrue(u.enclosure().subset(x));
        } else {
            List<Interval> candidates = ((NewtonResult.Undecided) result).candidates();
            for (double r : inside) {
                assertTrue(candidates.stream().anyMatch(c -> c.contains(r)), () -> r + " lost: " + result);
            }
        }
        Statistics.coverage(c -> {
            c.check("UniqueRoot").percentage(p -> p > 10);
            c.check("NoRoot").percentage(p -> p > 10);
            c.check("Undecided").count(n -> n > 0);
        });
    }

    /** F(x, y) = ((x - a)(x - b), y - c x): zeros (a, c a) and (b, c b). */
    private static IntervalMap system(double za, double zb, double c) {
        return new IntervalMap() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public IntervalVector value(IntervalVector v) {
                Interval x = v.get(0);
                return IntervalVector.of(x.sub(za).mul(x.sub(zb)), v.get(1).sub(x.mul(c)));
            }

            @Override
            public IntervalMatrix jacobian(IntervalVector v) {
                Interval x = v.get(0);
                return IntervalMatrix.of(new Interval[][] {
                    {x.sub(za).add(x.sub(zb)), Interval.ZERO},
                    {Interval.of(-c), Interval.ONE}});
            }
        };
    }

    @Property(tries = 1000, seed = "22")
    void krawczykVerdictsAreSound(@ForAll("dyadics") double za, @ForAll("dyadics") double zb,
                                  @ForAll("dyadics") double c, @ForAll("ends") double x1, @ForAll("ends") double x2,
                                  @ForAll("ends") double y1, @ForAll("ends") double y2) {
        IntervalVector box = IntervalVector.of(Interval.of(Math.min(x1, x2), Math.max(x1, x2)),
                Interval.of(Math.min(y1, y2), Math.max(y1, y2)));
        List<double[]> inside = new ArrayList<>();
        for (double z : za == zb ? new double[] {za} : new double[] {za, zb}) {
            double[] p = {z, c * z}; // exact: dyadic times dyadic
            if (box.contains(p)) {
                inside.add(p);
            }
        }
        KrawczykResult result = Krawczyk.solve(system(za, zb, c), box);
        Statistics.collect(result.getClass().getSimpleName());
        if (result instanceof KrawczykResult.NoZero no) {
            assertTrue(inside.isEmpty(), () -> inside.size() + " zeros in " + box + " but " + no);
        } else if (result instanceof KrawczykResult.UniqueZero u) {
            assertEquals(1, inside.size(), () -> "zeros in " + box + " but " + u);
            assertTrue(u.enclosure().contains(inside.get(0)), u::toString);
        } else {
            IntervalVector narrowed = ((KrawczykResult.Undecided) result).narrowed();
            for (double[] p : inside) {
                assertTrue(narrowed.contains(p), () -> "zero lost: " + result);
            }
        }
        Statistics.coverage(k -> {
            k.check("UniqueZero").count(n -> n > 20);
            k.check("NoZero").percentage(p -> p > 10);
        });
    }
}
