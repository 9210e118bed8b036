package org.reluflow.validated;

import org.reluflow.symbolic.IntervalArithmetic;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.symbolic.Arithmetic;
import org.reluflow.symbolic.StraightLineProgram;

/**
 * Forward rounding-error analysis of a program in IEEE binary64 (round to nearest), evaluated over a box: for every
 * register a pair (range of the exact value, bound e on |computed - exact|), propagated with the standard model
 * fl(a op b) = (a op b)(1 + d), |d| &lt;= u = 2^-53, plus an underflow term 2^-1074 per operation. The bound depends
 * on magnitudes, not on the box's width, so it stays near u |F| where interval evaluation of a wide box would not.
 *
 * <p>Used by {@link GdEnclosure}: the float64 step theta + eta F(theta) differs from the exact one by at most
 * {@link #of}. Operations outside + - * / (sqrt, exp, log, powers) are handled conservatively; Max[0, .] and UnitStep
 * need the argument's sign to be the same for the exact and the computed value, which the caller guarantees by
 * working inside one activation region (range plus error bound away from 0 is checked here and reported as an
 * unbounded error otherwise).
 */
final class RoundingErrorBound {

    private static final double U = 0x1p-53, ETA = Double.MIN_VALUE;

    record Val(Interval range, double err) {}

    private RoundingErrorBound() {}

    /** Per component i, a bound on |fl(theta_i + eta * fl(F_i(theta))) - (theta_i + eta F_i(theta))| over the box. */
    static double[] of(StraightLineProgram program, double stepAtZero, IntervalVector box, double eta) {
        List<Val> in = new ArrayList<>();
        for (int i = 0; i < box.dimension(); i++) in.add(new Val(box.get(i), 0.0));
        List<Val> f = program.evaluate(new Model(stepAtZero), in);
        double[] rho = new double[box.dimension()];
        Model m = new Model(stepAtZero);
        for (int i = 0; i < rho.length; i++) {
            Val step = m.multiply(new Val(Interval.of(eta), 0.0), f.get(i));
            Val next = m.add(new Val(box.get(i), 0.0), step);
            rho[i] = next.err;
        }
        return rho;
    }

    private static double up(double x) { return Math.nextUp(x); }

    /** round(range) error: u |range| + underflow, rounded up. */
    private static double local(Interval r) { return up(up(U * r.mag()) + ETA); }

    private record Model(double stepAtZero) implements Arithmetic<Val> {
        public Val constant(BigFraction v) {
            Interval exact = IntervalArithmetic.enclose(v);
            double d = v.doubleValue();
            // the program uses the double d; the exact constant is v: the difference is part of the error
            return new Val(exact.hull(d), up(Math.max(Math.abs(exact.lo() - d), Math.abs(exact.hi() - d)) * 2));
        }
        public Val add(Val a, Val b) {
            Interval r = a.range.add(b.range);
            return new Val(r, up(up(a.err + b.err) + local(r.add(Interval.of(-a.err - b.err, a.err + b.err)))));
        }
        public Val subtract(Val a, Val b) { return add(a, negate(b)); }
        public Val multiply(Val a, Val b) {
            Interval r = a.range.mul(b.range);
            double e = up(up(a.range.mag() * b.err) + up(b.range.mag() * a.err));
            e = up(e + up(a.err * b.err));
            return new Val(r, up(e + local(r.add(Interval.of(-e, e)))));
        }
        public Val divide(Val a, Val b) {
            double bm = b.range.mig() - b.err;
            if (!(bm > 0)) return new Val(a.range.div(b.range), Double.POSITIVE_INFINITY);
            Interval r = a.range.div(b.range);
            // |a'/b' - a/b| <= (|a| eb + |b| ea) / (|b| (|b| - eb))
            double e = up(up(up(a.range.mag() * b.err) + up(b.range.mag() * a.err)) / (b.range.mig() * bm) * (1 + 4 * U));
            return new Val(r, up(e + local(r.add(Interval.of(-e, e)))));
        }
        public Val negate(Val a) { return new Val(a.range.neg(), a.err); }
        public Val power(Val a, int n) {
            if (n < 0) return divide(new Val(Interval.ONE, 0), power(a, -n));
            Val r = new Val(Interval.ONE, 0), base = a;
            boolean first = true;
            for (int e = n; e > 0; e >>= 1) {
                if ((e & 1) == 1) { r = first ? base : multiply(r, base); first = false; }
                if (e > 1) base = multiply(base, base);
            }
            return r;
        }
        public Val sqrt(Val a) {
            double lo = a.range.lo() - a.err;
            if (!(lo > 0)) return new Val(a.range.sqrt(), Double.POSITIVE_INFINITY);
            Interval r = a.range.sqrt();
            double e = up(a.err / (2 * Math.sqrt(lo)) * (1 + 4 * U));
            return new Val(r, up(e + local(r.add(Interval.of(-e, e)))));
        }
        public Val exp(Val a) {
            Interval wide = a.range.add(Interval.of(-a.err, a.err)).exp();
            double e = up(wide.hi() * a.err * (1 + 4 * U));            // |exp(a') - exp(a)| <= exp(max) |a' - a|
            return new Val(a.range.exp(), up(e + 2 * local(wide)));    // java.lang.Math: 1 ulp
        }
        public Val log(Val a) {
            double lo = a.range.lo() - a.err;
            if (!(lo > 0)) return new Val(a.range.log(), Double.POSITIVE_INFINITY);
            Interval wide = a.range.add(Interval.of(-a.err, a.err)).log();
            return new Val(a.range.log(), up(up(a.err / lo * (1 + 4 * U)) + 2 * local(wide)));
        }
        public Val ramp(Val a) {
            if (a.range.lo() - a.err > 0) return a;
            if (a.range.hi() + a.err < 0) return new Val(Interval.ZERO, 0);
            return new Val(IntervalArithmetic.INSTANCE.ramp(a.range), Double.POSITIVE_INFINITY);
        }
        public Val unitStep(Val a) {
            if (a.range.lo() - a.err > 0) return new Val(Interval.ONE, 0);
            if (a.range.hi() + a.err < 0) return new Val(Interval.ZERO, 0);
            return new Val(new IntervalArithmetic(stepAtZero).unitStep(a.range), Double.POSITIVE_INFINITY);
        }
    }
}
