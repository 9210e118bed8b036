package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.interval.Interval;
import org.reluflow.symbolic.StraightLineProgram;

/**
 * The allocation-free interval recurrences against exact rational Taylor coefficients of the same fields (a
 * rational coefficient algebra running the generic recurrences), on random polynomial and rational fields with
 * switching terms: every exact coefficient, of the solution and of the guards, lies in its enclosure.
 */
class TaylorSeriesProperties {

    /** Exact rational coefficients; only what polynomial/rational fields need. */
    static final Coefficients<BigFraction> RATIONALS = new Coefficients<>() {
        public BigFraction zero() { return BigFraction.ZERO; }
        public BigFraction constant(Interval v) {
            if (!v.isPoint()) throw new IllegalArgumentException("inexact constant");
            return new BigFraction(v.lo());
        }
        public BigFraction add(BigFraction a, BigFraction b) { return a.add(b); }
        public BigFraction sub(BigFraction a, BigFraction b) { return a.subtract(b); }
        public BigFraction mul(BigFraction a, BigFraction b) { return a.multiply(b); }
        public BigFraction sqr(BigFraction a) { return a.multiply(a); }
        public BigFraction div(BigFraction a, BigFraction b) { return a.divide(b); }
        public BigFraction neg(BigFraction a) { return a.negate(); }
        public BigFraction times(BigFraction a, int k) { return a.multiply(k); }
        public BigFraction divide(BigFraction a, int k) { return a.divide(k); }
        public BigFraction sqrt(BigFraction a) { throw new UnsupportedOperationException(); }
        public BigFraction exp(BigFraction a) { throw new UnsupportedOperationException(); }
        public BigFraction log(BigFraction a) { throw new UnsupportedOperationException(); }
        public BigFraction ramp(BigFraction a) { throw new UnsupportedOperationException(); }
        public BigFraction step(BigFraction a, double atZero) { throw new UnsupportedOperationException(); }
        public BigFraction[] newArray(int n) { return new BigFraction[n]; }
    };

    static boolean contains(Interval x, BigFraction v) {
        BigDecimal num = new BigDecimal(v.getNumerator()), den = new BigDecimal(v.getDenominator());
        BigDecimal lo = new BigDecimal(x.lo()).multiply(den), hi = new BigDecimal(x.hi()).multiply(den);
        return lo.compareTo(num) <= 0 && num.compareTo(hi) <= 0;
    }

    @Property(tries = 300)
    void fastIntervalRecurrencesEncloseExactCoefficients(@ForAll @IntRange(min = 0, max = 1000000) int seed,
                                                          @ForAll @DoubleRange(min = -2, max = 2) double x0,
                                                          @ForAll @DoubleRange(min = -2, max = 2) double y0,
                                                          @ForAll @IntRange(min = 1, max = 14) int order) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        SeriesTape tape = randomField(rnd, true);
        int[] signs = new int[tape.guardCount()];
        java.util.Arrays.fill(signs, rnd.nextBoolean() ? 1 : -1);
        Interval[] start = {Interval.of(x0), Interval.of(y0)};
        SeriesTape.Series<Interval> fast = tape.intervalSeries(start, signs, order);
        SeriesTape.Series<BigFraction> exact = tape.series(RATIONALS, new BigFraction[] {new BigFraction(x0), new BigFraction(y0)}, signs, order);
        for (int k = 0; k <= order; k++) {
            for (int i = 0; i < 2; i++)
                assertTrue(contains(fast.x()[k][i], exact.x()[k][i]), "x_" + k + "[" + i + "] = " + exact.x()[k][i].doubleValue() + " not in " + fast.x()[k][i]);
            for (int g = 0; g < tape.guardCount(); g++)
                assertTrue(contains(fast.guards()[k][g], exact.guards()[k][g]), "guard coefficient " + k);
        }
    }

    /**
     * A random rational field in (x, y) with Max[0, g] and UnitStep[g] of an affine guard g: sums, differences,
     * products, squares (and cubes when {@code cubes}), divisions by 3 + t^2 (when {@code divisions}) and negations
     * of pool terms.
     */
    static SeriesTape randomField(java.util.SplittableRandom rnd, boolean cubes) {
        return randomField(rnd, cubes, true);
    }

    static SeriesTape randomField(java.util.SplittableRandom rnd, boolean cubes, boolean divisions) {
        StraightLineProgram.Assembler asm = StraightLineProgram.assemble(List.of("x", "y"));
        int x = asm.variable(0), y = asm.variable(1);
        int guard = asm.add(asm.multiply(asm.constant(dyadic(rnd)), x), asm.multiply(asm.constant(dyadic(rnd)), y));
        int[] pool = {x, y, asm.ramp(guard), asm.unitStep(guard), asm.constant(dyadic(rnd))};
        int[] out = new int[2];
        for (int c = 0; c < 2; c++) {
            int acc = pool[rnd.nextInt(pool.length)];
            for (int k = 0; k < 4; k++) {
                int t = pool[rnd.nextInt(pool.length)];
                int kind = rnd.nextInt(divisions ? 6 : 5);
                acc = switch (divisions || kind < 4 ? kind : 5) {
                    case 0 -> asm.add(acc, t);
                    case 1 -> asm.subtract(acc, t);
                    case 2 -> asm.multiply(acc, t);
                    case 3 -> asm.power(acc, cubes ? 2 + rnd.nextInt(2) : 2);
                    case 4 -> asm.divide(acc, asm.add(asm.constant(3.0), asm.multiply(t, t)));
                    default -> asm.negate(acc);
                };
            }
            out[c] = acc;
        }
        return SeriesTape.of(asm.build(out), 0.0);
    }

    private static double dyadic(java.util.SplittableRandom rnd) { return Math.rint(rnd.nextDouble(-2, 2) * 64) / 64; }

    @Property(tries = 200)
    void fastJacobianMeetsTheObjectJetJacobian(@ForAll @IntRange(min = 0, max = 1000000) int seed,
                                               @ForAll @DoubleRange(min = -2, max = 2) double x0,
                                               @ForAll @DoubleRange(min = -2, max = 2) double y0,
                                               @ForAll @IntRange(min = 1, max = 12) int order) {
        // both enclose the same exact Jacobian of the Taylor map at a point, so they must intersect
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        SeriesTape tape = randomField(rnd, false);
        int[] signs = new int[tape.guardCount()];
        java.util.Arrays.fill(signs, rnd.nextBoolean() ? 1 : -1);
        Interval h = Interval.of(rnd.nextDouble(0.01, 0.3));
        Interval[] start = {Interval.of(x0), Interval.of(y0)};
        Interval[][] fast = tape.taylorMapJacobian(start, signs, order, h);
        Jets jets = new Jets(2);
        SeriesTape.Series<Jets.Jet> sj = tape.series(jets, new Jets.Jet[] {jets.variable(start[0], 0), jets.variable(start[1], 1)}, signs, order);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                Interval acc = Interval.ZERO;
                for (int k = order; k >= 1; k--) {
                    Interval[] d = sj.x()[k][i].d();
                    acc = acc.add(d == null ? Interval.ZERO : d[j]).mul(h);
                }
                Interval slow = i == j ? acc.add(Interval.ONE) : acc;
                assertTrue(!slow.intersection(fast[i][j]).isEmpty(), "J[" + i + "][" + j + "]: " + fast[i][j] + " vs " + slow);
            }
    }
}
