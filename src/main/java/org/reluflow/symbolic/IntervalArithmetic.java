package org.reluflow.symbolic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.interval.Interval;

/**
 * Runs a {@link org.reluflow.symbolic.StraightLineProgram} over intervals: every register encloses the exact real
 * value for all inputs in the input boxes. Max[0, e] and UnitStep[e] of an argument that straddles 0 return the hull
 * of both sides (and of the declared value at 0), which is what the Filippov convexification needs.
 *
 * <p>It also encloses the IEEE float64 evaluation of the same program ({@link org.reluflow.symbolic.DoubleArithmetic}
 * with the same tape order): round-to-nearest is monotone and every interval endpoint is a double, so
 * fl(x op y) lies in the outward-rounded interval whenever x and y lie in the operand intervals. Powers are evaluated
 * by the same multiplication chain as {@code DoubleArithmetic} for that reason, and exp/log are widened by one more
 * ulp each side because java.lang.Math only promises them to 1 ulp.
 */
public record IntervalArithmetic(double stepAtZero) implements Arithmetic<Interval> {

    /** UnitStep[0] = 1, Symja's convention. */
    public static final IntervalArithmetic INSTANCE = new IntervalArithmetic(1.0);

    private static final MathContext DOWN = new MathContext(40, RoundingMode.FLOOR);
    private static final MathContext UP = new MathContext(40, RoundingMode.CEILING);

    /** The tightest double interval around an exact rational. */
    public static Interval enclose(BigFraction v) {
        BigDecimal num = new BigDecimal(v.getNumerator()), den = new BigDecimal(v.getDenominator());
        if (v.getDenominator().bitCount() == 1 || den.compareTo(BigDecimal.ONE) == 0) {
            BigDecimal exact = new BigDecimal(v.getNumerator()).divide(den); // terminating: power-of-two denominator
            return Interval.fromBigDecimal(exact);
        }
        return Interval.fromBigDecimal(num.divide(den, DOWN), num.divide(den, UP));
    }

    /** The exact constant and the double that DoubleArithmetic uses for it (BigFraction.doubleValue). */
    @Override public Interval constant(BigFraction value) {
        Interval exact = enclose(value);
        double d = value.doubleValue();
        return Double.isFinite(d) ? exact.hull(d) : exact;
    }
    @Override public Interval add(Interval a, Interval b) { return a.add(b); }
    @Override public Interval subtract(Interval a, Interval b) { return a.sub(b); }
    // never sqr on object identity: two registers may share one box yet hold different reals
    @Override public Interval multiply(Interval a, Interval b) { return a.mul(b); }
    @Override public Interval divide(Interval a, Interval b) { return a.div(b); }
    @Override public Interval negate(Interval a) { return a.neg(); }

    @Override public Interval power(Interval a, int n) {
        if (n == 2) return a.sqr();
        if (n < 0) return Interval.ONE.div(power(a, -n));
        Interval r = Interval.ONE, base = a;
        boolean first = true;
        for (int e = n; e > 0; e >>= 1) {
            if ((e & 1) == 1) r = first ? base : r.mul(base);
            if ((e & 1) == 1) first = false;
            base = base.sqr();
        }
        return first ? Interval.ONE : r;
    }

    @Override public Interval sqrt(Interval a) { return a.sqrt(); }
    @Override public Interval exp(Interval a) { return ulpWider(a.exp()); }
    @Override public Interval log(Interval a) { return ulpWider(a.log()); }

    @Override public Interval ramp(Interval a) {
        return Interval.of(Math.max(0.0, a.lo()), Math.max(0.0, a.hi()));
    }

    @Override public Interval unitStep(Interval a) {
        if (a.lo() > 0) return Interval.ONE;
        if (a.hi() < 0) return Interval.ZERO;
        Interval atZero = Interval.of(stepAtZero);
        if (a.isPoint()) return atZero;
        Interval r = atZero;
        if (a.hi() > 0) r = r.hull(Interval.ONE);
        if (a.lo() < 0) r = r.hull(Interval.ZERO);
        return r;
    }

    private static Interval ulpWider(Interval x) {
        if (x.isEmpty() || !x.isBounded()) return x;
        return Interval.of(Math.nextDown(x.lo()), Math.nextUp(x.hi()));
    }
}
