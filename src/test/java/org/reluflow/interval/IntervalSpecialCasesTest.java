package org.reluflow.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** IEEE 1788-style special cases: empty, entire, unbounded, zeros, overflow, NaN, text. */
class IntervalSpecialCasesTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double MAX = Double.MAX_VALUE;

    private static Interval iv(double lo, double hi) {
        return Interval.of(lo, hi);
    }

    @Test
    void everyOperationOnEmptyIsEmpty() {
        List<BinaryOperator<Interval>> binary = List.of(Interval::add, Interval::sub, Interval::mul, Interval::div,
                Interval::min, Interval::max, Interval::intersection);
        for (BinaryOperator<Interval> op : binary) {
            assertTrue(op.apply(Interval.EMPTY, iv(1, 2)).isEmpty());
            assertTrue(op.apply(iv(1, 2), Interval.EMPTY).isEmpty());
            assertTrue(op.apply(Interval.EMPTY, Interval.ENTIRE).isEmpty());
        }
        List<UnaryOperator<Interval>> unary = List.of(Interval::neg, Interval::sqr, Interval::sqrt, Interval::abs,
                Interval::recip, x -> x.pown(3), x -> x.pown(0), x -> x.pown(-2));
        for (UnaryOperator<Interval> op : unary) {
            assertTrue(op.apply(Interval.EMPTY).isEmpty());
        }
        assertTrue(Interval.EMPTY.divExtended(iv(1, 2)).isEmpty());
        assertEquals(iv(1, 2), Interval.EMPTY.hull(iv(1, 2)));
        assertFalse(Interval.EMPTY.contains(0));
        assertTrue(Interval.EMPTY.subset(iv(1, 2)));
        assertTrue(Interval.EMPTY.interior(iv(1, 2)));
        assertTrue(Double.isNaN(Interval.EMPTY.width()));
        assertTrue(Double.isNaN(Interval.EMPTY.midpoint()));
        assertTrue(Double.isNaN(Interval.EMPTY.mag()));
        assertTrue(Interval.EMPTY.isEmpty() && !Interval.EMPTY.isEntire());
    }

    @Test
    void entireAndHalfUnboundedIntervals() {
        assertTrue(Interval.ENTIRE.add(iv(1, 2)).isEntire());
        assertTrue(Interval.ENTIRE.mul(iv(1, 2)).isEntire());
        assertEquals(iv(2, INF), iv(1, INF).add(iv(1, 2)));
        assertEquals(iv(-INF, 1), iv(-INF, 1).sub(iv(0, 1)));
        assertEquals(iv(-INF, 0), iv(-INF, 1).sub(iv(1, INF)));
        assertEquals(iv(0, INF), iv(0, 1).mul(iv(1, INF)));
        assertTrue(iv(-1, 1).mul(iv(1, INF)).isEntire());
        assertEquals(iv(-INF, -1), iv(1, INF).mul(iv(-2, -1)));
        assertEquals(iv(0, 2), iv(1, 2).div(iv(1, INF)));
        assertEquals(iv(0.5, INF), iv(1, INF).div(iv(1, 2)));
        assertEquals(iv(0, 2), iv(-INF, 4).sqrt());
        assertEquals(iv(0, INF), iv(-3, INF).sqr());
        assertEquals(iv(1, INF), iv(-INF, -1).abs());
        assertTrue(Interval.ENTIRE.isEntire() && !Interval.ENTIRE.isBounded());
        assertEquals(0.0, Interval.ENTIRE.midpoint());
        assertEquals(MAX, iv(1, INF).midpoint());
        assertEquals(-MAX, iv(-INF, 1).midpoint());
        assertEquals(INF, iv(1, INF).width());
        assertEquals(INF, Interval.ENTIRE.radius());
        assertTrue(iv(1, 2).interior(Interval.ENTIRE));
        assertTrue(Interval.ENTIRE.interior(Interval.ENTIRE));
        assertTrue(iv(1, INF).interior(iv(0, INF)));
        assertFalse(iv(0, INF).interior(iv(0, INF)));
    }

    @Test
    void zeroTimesInfinityIsZero() {
        assertEquals(Interval.ZERO, Interval.ZERO.mul(Interval.ENTIRE));
        assertEquals(Interval.ZERO, Interval.ENTIRE.mul(Interval.ZERO));
        assertEquals(Interval.ZERO, Interval.ZERO.mul(iv(1, INF)));
        assertEquals(iv(0, INF), iv(0, 1).mul(iv(0, INF)));
        assertEquals(iv(-INF, 0), iv(0, INF).mul(iv(-INF, 0)));
        assertTrue(iv(0, 1).mul(Interval.ENTIRE).isEntire());
    }

    @Test
    void divisionByIntervalsContainingZero() {
        assertTrue(iv(1, 2).div(Interval.ZERO).isEmpty());
        assertTrue(Interval.ZERO.div(Interval.ZERO).isEmpty());
        assertEquals(Interval.ZERO, Interval.ZERO.div(iv(-1, 1)));
        assertEquals(iv(1, INF), iv(1, 2).div(iv(0, 1)));
        assertEquals(iv(-INF, -1), iv(1, 2).div(iv(-1, 0)));
        assertEquals(iv(-INF, -1), iv(-2, -1).div(iv(0, 1)));
        assertEquals(iv(1, INF), iv(-2, -1).div(iv(-1, 0)));
        assertTrue(iv(1, 2).div(iv(-1, 1)).isEntire());
        assertTrue(iv(-1, 1).div(iv(0, 1)).isEntire());
        assertTrue(iv(-1, 1).div(iv(-1, 1)).isEntire());
        assertEquals(List.of(iv(-INF, -1), iv(1, INF)), iv(1, 2).divExtended(iv(-1, 1)));
        assertEquals(List.of(iv(-INF, -0.5), iv(0.25, INF)), iv(-2, -1).divExtended(iv(-4, 2)));
        assertEquals(List.of(iv(-INF, 0), iv(1, INF)), iv(1, 2).divExtended(iv(-INF, 1)));
        assertEquals(List.of(iv(1, INF)), iv(1, 2).divExtended(iv(0, 1)));
        assertEquals(List.of(Interval.ENTIRE), iv(-1, 2).divExtended(iv(-1, 1)));
        assertEquals(List.of(), iv(1, 2).divExtended(Interval.ZERO));
        assertEquals(List.of(iv(0.5, 2)), iv(1, 2).divExtended(iv(1, 2)));
        assertTrue(Interval.ZERO.recip().isEmpty());
        assertEquals(iv(1, INF), iv(0, 1).recip());
    }

    @Test
    void overflowAndUnderflowRoundOutward() {
        assertEquals(iv(MAX, INF), Interval.of(MAX).add(Interval.of(MAX)));
        assertEquals(iv(-INF, -MAX), Interval.of(-MAX).mul(Interval.of(2)));
        assertEquals(iv(MAX, INF), Interval.of(MAX).div(Interval.of(0.5)));
        assertEquals(iv(MAX, INF), Interval.of(1e200).sqr());
        assertEquals(iv(0, Double.MIN_VALUE), Interval.of(Double.MIN_VALUE).mul(Interval.of(0.5)));
        assertEquals(iv(-Double.MIN_VALUE, 0), Interval.of(-Double.MIN_VALUE).div(Interval.of(3)));
        assertEquals(iv(0, Double.MIN_VALUE), Interval.of(1e-200).sqr());
        assertEquals(iv(MAX, INF), Interval.of(10).pown(400));
        assertEquals(iv(0, Double.MIN_VALUE), Interval.of(0.1).pown(400));
        Interval tiny = Interval.of(10).pown(-400); // 1 / [MAX, inf]: contained, not tight for n < 0
        assertTrue(tiny.lo() == 0 && tiny.hi() > 0 && tiny.hi() < 1e-300);
    }

    @Test
    void signedZerosAreNormalized() {
        assertEquals(Interval.ZERO, Interval.of(-0.0));
        assertEquals(Interval.ZERO, iv(-0.0, 0.0));
        assertEquals(Interval.ZERO, Interval.ZERO.neg());
        assertEquals(0, Double.compare(0.0, iv(-0.0, 1).lo()));
        assertEquals(0, Double.compare(0.0, iv(-1, -0.0).hi()));
        assertEquals(iv(1, INF), iv(-0.0, 1).recip());
        assertEquals(iv(-INF, -1), iv(-1, -0.0).recip());
        assertEquals(Interval.ZERO.hashCode(), iv(-0.0, -0.0).hashCode());
        assertEquals(Interval.ZERO, iv(-1, 0).mul(iv(0, 0)));
        assertEquals(Interval.ZERO, Interval.of(1).sub(Interval.of(1)));
    }

    @Test
    void nanAndInvalidBoundsAreRejected() {
        double nan = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> Interval.of(nan));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(INF));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(nan, 1));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(0, nan));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(INF, INF));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(-INF, -INF));
        assertThrows(IllegalArgumentException.class, () -> Interval.fromDecimal("NaN"));
        assertThrows(IllegalArgumentException.class, () -> Interval.of("[nan, 1]"));
        assertThrows(IllegalArgumentException.class, () -> Interval.of("[2, 1]"));
        assertThrows(IllegalArgumentException.class, () -> Interval.of("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Interval.of("[1, 2, 3]"));
        assertThrows(IllegalArgumentException.class, () -> Interval.of("abc"));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(1, 2).add(nan));
        assertThrows(IllegalArgumentException.class, () -> IntervalVector.ofPoints(1, nan));
        assertThrows(IllegalArgumentException.class, () -> IntervalMatrix.ofPoints(new double[][] {{nan}}));
        assertFalse(Interval.ENTIRE.contains(nan));
        assertFalse(Interval.ENTIRE.contains(INF));
    }

    @Test
    void decimalConversionEnclosesTheExactValue() {
        Interval tenth = Interval.of("0.1");
        assertEquals(iv(0.09999999999999999, 0.1), tenth);
        assertTrue(new BigDecimal(tenth.lo()).compareTo(new BigDecimal("0.1")) < 0);
        assertTrue(new BigDecimal(tenth.hi()).compareTo(new BigDecimal("0.1")) > 0);
        assertEquals(Interval.of(0.5), Interval.fromDecimal("0.5"));
        assertEquals(Interval.of(0.5), Interval.of("[0.5]"));
        assertEquals(iv(0.09999999999999999, 0.2), Interval.of(" [0.1 , 0.2] "));
        assertEquals(iv(-INF, 3), Interval.of("[-inf, 3]"));
        assertEquals(iv(-1, INF), Interval.of("[-1, Infinity]"));
        assertTrue(Interval.of("[empty]").isEmpty());
        assertTrue(Interval.of("[]").isEmpty());
        assertTrue(Interval.of("[entire]").isEntire());
        assertEquals(iv(MAX, INF), Interval.fromDecimal("1e400"));
        assertEquals(iv(-INF, -MAX), Interval.fromDecimal("-1e400"));
        assertEquals(iv(0, Double.MIN_VALUE), Interval.fromDecimal("1e-400"));
        assertEquals(iv(-Double.MIN_VALUE, 0), Interval.fromDecimal("-1e-400"));
        assertEquals(Interval.of(MAX), Interval.fromBigDecimal(new BigDecimal(MAX)));
        Interval third = Interval.fromBigDecimal(new BigDecimal("0.3333333333333333333333333333333"),
                new BigDecimal("0.6666666666666666666666666666667"));
        assertEquals(Math.nextUp(2.0 / 3), third.hi());
        assertThrows(IllegalArgumentException.class,
                () -> Interval.fromBigDecimal(BigDecimal.ONE, BigDecimal.ZERO));
    }

    @Test
    void textRoundTrips() {
        Interval x = iv(1e-310, 0.1);
        assertEquals("[1.0E-310, 0.1]", x.toString());
        assertEquals("[empty]", Interval.EMPTY.toString());
        assertEquals("[entire]", Interval.ENTIRE.toString());
        assertEquals("[-inf, 1.0]", iv(-INF, 1).toString());
        for (Interval y : List.of(Interval.of("0.1"), iv(-3.5, Double.MIN_VALUE), iv(-MAX, 7), Interval.PI,
                iv(1, INF), Interval.EMPTY, Interval.ENTIRE)) {
            assertEquals(y, Interval.of(y.toExactString()), y::toExactString);
            assertTrue(y.subset(Interval.of(y.toString())), y::toString);
        }
    }

    @Test
    void piIsTheTightestEnclosure() {
        BigDecimal pi = HighPrecision.machinPi(new java.math.MathContext(120));
        assertTrue(new BigDecimal(Interval.PI.lo()).compareTo(pi) < 0);
        assertTrue(new BigDecimal(Interval.PI.hi()).compareTo(pi) > 0);
        assertEquals(Math.nextUp(Interval.PI.lo()), Interval.PI.hi());
        assertEquals(Math.PI, Interval.PI.lo());
        assertEquals(Interval.PI.mul(Interval.of(0.5)), Interval.HALF_PI);
        BigDecimal twoOverPi = new BigDecimal(2).divide(pi, new java.math.MathContext(100));
        assertTrue(new BigDecimal(Elementary.TWO_OVER_PI.lo()).compareTo(twoOverPi) < 0);
        assertTrue(new BigDecimal(Elementary.TWO_OVER_PI.hi()).compareTo(twoOverPi) > 0);
    }

    @Test
    void setOperationsAndMeasures() {
        Interval a = iv(-1, 3);
        assertEquals(iv(-1, 5), a.hull(iv(4, 5)));
        assertEquals(iv(-1, 3), a.hull(0));
        assertEquals(iv(2, 3), a.intersection(iv(2, 7)));
        assertTrue(a.intersection(iv(4, 5)).isEmpty());
        assertTrue(a.disjoint(iv(4, 5)) && !a.disjoint(iv(3, 5)));
        assertTrue(iv(0, 1).subset(a) && !iv(0, 4).subset(a));
        assertTrue(iv(0, 1).interior(a) && !iv(-1, 1).interior(a));
        assertTrue(a.contains(3) && !a.contains(3.5) && a.containsZero());
        assertEquals(4.0, a.width());
        assertEquals(1.0, a.midpoint());
        assertEquals(2.0, a.radius());
        assertEquals(3.0, a.mag());
        assertEquals(0.0, a.mig());
        assertEquals(2.0, iv(-5, -2).mig());
        assertEquals(MAX, iv(-MAX, MAX).width() == INF ? MAX : 0.0);
        assertEquals(0.0, iv(-MAX, MAX).midpoint());
        double m = iv(MAX / 2, MAX).midpoint(); // (lo + hi) overflows; the halves are summed instead
        assertTrue(m > 0x1.7fffffffffffep1023 && m < 0x1.8000000000001p1023);
        Interval[] halves = a.bisect();
        assertEquals(iv(-1, 1), halves[0]);
        assertEquals(iv(1, 3), halves[1]);
        assertTrue(iv(2, 2).isPoint());
        // the width rounds up
        assertEquals(Math.nextUp(1.0), iv(-Math.ulp(1.0) / 4, 1).width());
    }

    @Test
    void minMaxAbsAndPowers() {
        assertEquals(iv(-1, 2), iv(-1, 3).min(iv(0, 2)));
        assertEquals(iv(0, 3), iv(-1, 3).max(iv(0, 2)));
        assertEquals(iv(0, 3), iv(-2, 3).abs());
        assertEquals(iv(2, 3), iv(-3, -2).abs());
        assertEquals(iv(0, 4), iv(-2, 1).pown(2));
        assertEquals(iv(0, 16), iv(-2, 1).pown(4));
        assertEquals(iv(-8, 1), iv(-2, 1).pown(3));
        assertEquals(iv(-32, -1), iv(-2, -1).pown(5));
        assertEquals(Interval.ONE, iv(-2, 1).pown(0));
        assertEquals(Interval.ONE, Interval.ZERO.pown(0));
        assertTrue(Interval.ZERO.pown(-1).isEmpty());
        assertEquals(iv(1, INF), iv(-1, 1).pown(-2));
        assertTrue(iv(-1, 1).pown(-3).isEntire());
        assertEquals(iv(0.25, 1), iv(1, 2).pown(-2));
        assertEquals(iv(-1, -0.125), iv(-2, -1).pown(-3));
        assertEquals(iv(0, 1), iv(-1, 1).pown(Integer.MAX_VALUE - 1));
        assertEquals(iv(0, 1), iv(0, 1).pown(Integer.MIN_VALUE).recip());
        assertEquals(iv(0, 4), iv(-2, 1).sqr());
        assertEquals(iv(-2, 4), iv(-2, 1).mul(iv(-2, 1)));  // dependency: x*x is wider than sqr
    }
}
