package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalMatrix;
import org.reluflow.interval.IntervalVector;

/**
 * The tripleton set (c + C r0 + (B r ∩ Q q), {@link LohnerSet#tripletonImage}) carried through many iterations of a
 * polynomial map, a Van der Pol Euler step (x, y) -> (x + h y, y + h ((1 - x²) y - x)), from a wide box: every
 * sampled member (the box's corners and random interior points, mapped in 60-digit arithmetic) must lie in each
 * iterate's box, and one tripleton step is never wider than the doubleton step from the same set.
 */
class TripletonSetTest {

    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    static final double H = 1.0 / 16;
    static final BigDecimal BH = new BigDecimal(H);

    static Interval[] map(Interval x, Interval y) {
        Interval h = Interval.of(H);
        Interval fy = Interval.ONE.sub(x.mul(x)).mul(y).sub(x);
        return new Interval[] {x.add(h.mul(y)), y.add(h.mul(fy))};
    }

    static BigDecimal[] map(BigDecimal[] p) {
        BigDecimal x = p[0], y = p[1];
        BigDecimal fy = BigDecimal.ONE.subtract(x.multiply(x, MC)).multiply(y, MC).subtract(x);
        return new BigDecimal[] {x.add(BH.multiply(y, MC), MC), y.add(BH.multiply(fy, MC), MC)};
    }

    /** The map's Jacobian over a box (interval extension). */
    static IntervalMatrix jacobian(IntervalVector d) {
        Interval x = d.get(0), y = d.get(1), h = Interval.of(H);
        Interval dfx = Interval.of(-2).mul(x).mul(y).sub(Interval.ONE);
        Interval dfy = Interval.ONE.sub(x.mul(x));
        return IntervalMatrix.of(new Interval[][] {{Interval.ONE, h}, {h.mul(dfx), Interval.ONE.add(h.mul(dfy))}});
    }

    record Step(LohnerSet tripleton, LohnerSet doubleton) {}

    static Step step(LohnerSet set) {
        IntervalVector domain = set.box().hull(set.center());
        IntervalMatrix j = jacobian(domain);
        Interval[] fc = map(set.center().get(0), set.center().get(1));
        double[] c = {fc[0].midpoint(), fc[1].midpoint()};
        IntervalVector offset = IntervalVector.of(fc[0].sub(Interval.of(c[0])), fc[1].sub(Interval.of(c[1])));
        IntervalVector box = set.box();
        IntervalVector bound = IntervalVector.of(map(box.get(0), box.get(1)));
        return new Step(set.tripletonImage(j, c, offset, bound), set.initial() == null || set.second() == null
                ? set.doubletonImage(j, c, offset, bound) : null);
    }

    static boolean contains(Interval x, BigDecimal v) {
        return new BigDecimal(x.lo()).compareTo(v) <= 0 && v.compareTo(new BigDecimal(x.hi())) <= 0;
    }

    @Test
    void membersStayInTheTripletonThroughManySteps() {
        double[][] x0 = {{1.25, 1.28}, {2.35, 2.36}};
        List<BigDecimal[]> members = new ArrayList<>();
        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) members.add(new BigDecimal[] {new BigDecimal(x0[0][a]), new BigDecimal(x0[1][b])});
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 60; k++)
            members.add(new BigDecimal[] {new BigDecimal(rnd.nextDouble(x0[0][0], x0[0][1])), new BigDecimal(rnd.nextDouble(x0[1][0], x0[1][1]))});
        LohnerSet set = LohnerSet.box(IntervalVector.of(Interval.of(x0[0][0], x0[0][1]), Interval.of(x0[1][0], x0[1][1])));
        int checks = 0;
        boolean secondDiffers = false;
        for (int n = 0; n < 112; n++) { // seven time units, about one Van der Pol period
            LohnerSet next = step(set).tripleton();
            assertNotNull(next, "step " + n);
            members.replaceAll(TripletonSetTest::map);
            IntervalVector box = next.box();
            for (BigDecimal[] p : members) {
                for (int i = 0; i < 2; i++) {
                    assertTrue(contains(box.get(i), p[i]), "step " + (n + 1) + ": member component " + i + " = " + p[i] + " not in " + box.get(i));
                    checks++;
                }
            }
            secondDiffers |= !next.second().equals(next.matrix());
            set = next;
        }
        assertTrue(secondDiffers, "the second basis never left the QR basis: the test exercises no tripleton");
        assertTrue(checks > 10_000);
    }

    @Test
    void oneTripletonStepIsNeverWiderThanTheDoubletonStep() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < 40; k++) {
            double x = rnd.nextDouble(-2, 2), y = rnd.nextDouble(-2, 2), w = rnd.nextDouble(1e-4, 0.2);
            LohnerSet set = LohnerSet.box(IntervalVector.of(Interval.of(x, x + w), Interval.of(y, y + w / 2)));
            set = step(set).doubleton(); // a doubleton with an error part, the same start for both
            Step s = step(set);
            assertTrue(s.tripleton().box().subset(s.doubleton().box()), s.tripleton().box() + " vs " + s.doubleton().box());
        }
    }
}
