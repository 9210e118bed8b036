package org.reluflow.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interval Newton and Krawczyk: certified roots, certified absence, and honest "undecided". */
class RootCertificationTest {

    /** f(x) = x^2 - 2, f'(x) = 2x. */
    private static final IntervalFunction SQUARE_MINUS_TWO =
            IntervalFunction.of(x -> x.sqr().sub(Interval.of(2)), x -> x.mul(Interval.of(2)));

    private static boolean containsSqrtTwo(Interval x) {
        Rational lo = Rational.of(x.lo());
        Rational hi = Rational.of(x.hi());
        Rational two = Rational.of(2);
        return x.lo() > 0 && lo.mul(lo).compareTo(two) < 0 && hi.mul(hi).compareTo(two) > 0;
    }

    // ------------------------------------------------------------- Newton 1-D

    @Test
    void newtonCertifiesTheRootOfXSquaredMinusTwo() {
        NewtonResult r = IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(1, 2));
        Interval root = assertInstanceOf(NewtonResult.UniqueRoot.class, r).enclosure();
        assertTrue(containsSqrtTwo(root), root::toString);
        assertTrue(Math.nextUp(Math.nextUp(root.lo())) >= root.hi(), () -> "not converged: " + root);
    }

    @Test
    void newtonCertifiesAbsence() {
        assertInstanceOf(NewtonResult.NoRoot.class, IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(2, 3)));
        assertInstanceOf(NewtonResult.NoRoot.class, IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(-1, 1)));
        // f(X) contains 0 but the Newton step leaves X: [1.42, 1.5] lies just right of sqrt(2)
        NewtonResult r = IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(1.4143, 1.5));
        assertInstanceOf(NewtonResult.NoRoot.class, r);
        IntervalFunction plusOne = IntervalFunction.of(x -> x.sqr().add(Interval.ONE), x -> x.mul(Interval.of(2)));
        assertInstanceOf(NewtonResult.NoRoot.class, IntervalNewton.solve(plusOne, Interval.of(-3, 3)));
        assertInstanceOf(NewtonResult.NoRoot.class, IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.EMPTY));
    }

    @Test
    void newtonSplitsAroundACriticalPointAndBisectionFindsBothRoots() {
        NewtonResult r = IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(-3, 3));
        List<Interval> candidates = assertInstanceOf(NewtonResult.Undecided.class, r).candidates();
        assertEquals(2, candidates.size());
        List<Interval> roots = new ArrayList<>();
        for (Interval c : candidates) {
            roots.add(assertInstanceOf(NewtonResult.UniqueRoot.class, IntervalNewton.solve(SQUARE_MINUS_TWO, c))
                    .enclosure());
        }
        assertTrue(containsSqrtTwo(roots.get(1)));
        assertTrue(containsSqrtTwo(roots.get(0).neg()));
    }

    @Test
    void newtonNeverCertifiesADoubleRoot() {
        IntervalFunction square = IntervalFunction.of(Interval::sqr, x -> x.mul(Interval.of(2)));
        NewtonResult r = IntervalNewton.solve(square, Interval.of(-1, 1));
        assertTrue(!(r instanceof NewtonResult.UniqueRoot) && !(r instanceof NewtonResult.NoRoot), r::toString);
    }

    @Test
    void newtonOnATranscendentalEquation() {
        // cos x = x: the Dottie number 0.7390851332151606416553120876738734040134117589007574649656...
        IntervalFunction f = IntervalFunction.of(x -> x.cos().sub(x), x -> x.sin().neg().sub(Interval.ONE));
        Interval root = assertInstanceOf(NewtonResult.UniqueRoot.class, IntervalNewton.solve(f, Interval.of(0, 1)))
                .enclosure();
        BigDecimal dottie = new BigDecimal("0.7390851332151606416553120876738734040134117589007574649656");
        assertTrue(new BigDecimal(root.lo()).compareTo(dottie) < 0 && new BigDecimal(root.hi()).compareTo(dottie) > 0,
                root::toString);
        assertTrue(root.width() < 1e-14);
    }

    @Test
    void newtonIsUndecidedOnNumericalTrouble() {
        IntervalFunction undefined = IntervalFunction.of(x -> x.sqrt().sub(Interval.ONE), x -> x.sqrt().recip());
        assertInstanceOf(NewtonResult.Undecided.class, IntervalNewton.solve(undefined, Interval.of(-2, -1)));
        assertInstanceOf(NewtonResult.Undecided.class,
                IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(1, Double.POSITIVE_INFINITY)));
        assertInstanceOf(NewtonResult.Undecided.class, IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(-3, 3), 0));
    }

    // --------------------------------------------------------------- Krawczyk

    /** F(x, y) = (x^2 + y^2 - 4, x - y): zeros at +-(sqrt 2, sqrt 2). */
    private static final IntervalMap CIRCLE_AND_DIAGONAL = new IntervalMap() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public IntervalVector value(IntervalVector v) {
            Interval x = v.get(0);
            Interval y = v.get(1);
            return IntervalVector.of(x.sqr().add(y.sqr()).sub(Interval.of(4)), x.sub(y));
        }

        @Override
        public IntervalMatrix jacobian(IntervalVector v) {
            Interval two = Interval.of(2);
            return IntervalMatrix.of(new Interval[][] {
                {v.get(0).mul(two), v.get(1).mul(two)},
                {Interval.ONE, Interval.ONE.neg()}});
        }
    };

    private static IntervalVector box(double xlo, double xhi, double ylo, double yhi) {
        return IntervalVector.of(Interval.of(xlo, xhi), Interval.of(ylo, yhi));
    }

    @Test
    void krawczykCertifiesTheZeroOfATwoDimensionalSystem() {
        KrawczykResult r = Krawczyk.solve(CIRCLE_AND_DIAGONAL, box(1, 2, 1, 2));
        IntervalVector zero = assertInstanceOf(KrawczykResult.UniqueZero.class, r).enclosure();
        assertTrue(containsSqrtTwo(zero.get(0)) && containsSqrtTwo(zero.get(1)), zero::toString);
        assertTrue(zero.maxWidth() < 1e-14, zero::toString);
    }

    @Test
    void krawczykCertifiesAbsence() {
        assertInstanceOf(KrawczykResult.NoZero.class, Krawczyk.solve(CIRCLE_AND_DIAGONAL, box(3, 4, 3, 4)));
        // F(X) contains 0 in both components but K(X) misses X
        assertInstanceOf(KrawczykResult.NoZero.class, Krawczyk.solve(CIRCLE_AND_DIAGONAL, box(1.0, 1.3, 1.0, 1.3)));
        assertInstanceOf(KrawczykResult.NoZero.class, Krawczyk.solve(CIRCLE_AND_DIAGONAL, box(1, 2, -2, -1)));
    }

    @Test
    void krawczykIsUndecidedWhenTheBoxHoldsTwoZerosOrTheJacobianIsSingular() {
        KrawczykResult r = Krawczyk.solve(CIRCLE_AND_DIAGONAL, box(-2, 2, -2, 2));
        assertInstanceOf(KrawczykResult.Undecided.class, r);
        IntervalVector narrowed = ((KrawczykResult.Undecided) r).narrowed();
        assertTrue(narrowed.subset(box(-2, 2, -2, 2)));
        // bisection with Krawczyk recovers both zeros
        List<IntervalVector> zeros = bisectAndSolve(CIRCLE_AND_DIAGONAL, box(-2, 2, -2, 2));
        assertEquals(2, zeros.size(), zeros::toString);
        assertInstanceOf(KrawczykResult.Undecided.class,
                Krawczyk.solve(CIRCLE_AND_DIAGONAL, box(1, Double.POSITIVE_INFINITY, 1, 2)));
        assertInstanceOf(KrawczykResult.Undecided.class,
                Krawczyk.solve(CIRCLE_AND_DIAGONAL, IntervalVector.ofPoints(1, 2, 3)));
    }

    /** Simple branch and bound: bisect the widest component of undecided boxes. */
    private static List<IntervalVector> bisectAndSolve(IntervalMap f, IntervalVector start) {
        List<IntervalVector> zeros = new ArrayList<>();
        Deque<IntervalVector> work = new ArrayDeque<>(List.of(start));
        for (int steps = 0; !work.isEmpty() && steps < 500; steps++) {
            IntervalVector x = work.pop();
            KrawczykResult r = Krawczyk.solve(f, x);
            if (r instanceof KrawczykResult.UniqueZero z) {
                if (zeros.stream().noneMatch(e -> !e.intersection(z.enclosure()).isEmpty())) {
                    zeros.add(z.enclosure());
                }
            } else if (r instanceof KrawczykResult.Undecided) {
                int widest = x.get(0).width() >= x.get(1).width() ? 0 : 1;
                Interval[] halves = x.get(widest).bisect();
                work.push(x.with(widest, halves[0]));
                work.push(x.with(widest, halves[1]));
            }
        }
        return zeros;
    }

    @Test
    void krawczykOnAOneDimensionalMapAgreesWithNewton() {
        IntervalMap f = new IntervalMap() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public IntervalVector value(IntervalVector x) {
                return IntervalVector.of(SQUARE_MINUS_TWO.value(x.get(0)));
            }

            @Override
            public IntervalMatrix jacobian(IntervalVector x) {
                return IntervalMatrix.of(new Interval[][] {{SQUARE_MINUS_TWO.derivative(x.get(0))}});
            }
        };
        IntervalVector k = assertInstanceOf(KrawczykResult.UniqueZero.class,
                Krawczyk.solve(f, IntervalVector.of(Interval.of(1, 2)))).enclosure();
        Interval n = ((NewtonResult.UniqueRoot) IntervalNewton.solve(SQUARE_MINUS_TWO, Interval.of(1, 2))).enclosure();
        assertTrue(containsSqrtTwo(k.get(0)));
        assertTrue(!k.get(0).intersection(n).isEmpty());
        BigDecimal sqrt2 = BigDecimal.valueOf(2).sqrt(new MathContext(40));
        assertTrue(new BigDecimal(k.get(0).lo()).compareTo(sqrt2) < 0);
    }
}
