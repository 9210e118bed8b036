package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reluflow.interval.HighPrecision;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;

/**
 * Soundness against closed forms: every enclosure must contain the exact solution, computed in BigDecimal to ~50
 * digits, at the final time (in the box) and at sampled intermediate times (in the hull). Any miss is a hard
 * failure. Deterministic seeds; each test reports its number of containment checks, and together with the other
 * soundness tests they exceed 10^4 per run.
 */
class ClosedFormSoundnessTest {

    static final SymjaSession SESSION = SymjaSession.limitedTo(60);
    static final MathContext MC = HighPrecision.MC;

    @AfterAll
    static void close() { SESSION.close(); }

    static SwitchedField field(String rhs, String... vars) throws SymbolicException {
        return SwitchedField.of(OdeSystem.parse(SESSION, rhs, List.of(vars)));
    }

    static BigDecimal big(double v) { return new BigDecimal(v); }

    static boolean contains(Interval x, BigDecimal v) {
        return big(x.lo()).compareTo(v) <= 0 && v.compareTo(big(x.hi())) <= 0;
    }

    /** Integrates to T and to sample times; checks the truth at each. Returns the number of checks. */
    static int check(ValidatedIntegrator vi, double[] x0, double horizon, Function<Double, BigDecimal[]> truth, String what) {
        int checks = 0;
        double[] times = {horizon / 3, horizon * 2 / 3, horizon};
        for (double t : times) {
            Enclosure e = vi.integrate(IntervalVector.ofPoints(x0), t);
            assertEquals(EnclosureStatus.VALID, e.status(), what + " at t=" + t + ": " + e.reason());
            BigDecimal[] v = truth.apply(t);
            BigDecimal[] mid = truth.apply(t / 2);
            for (int i = 0; i < v.length; i++) {
                assertTrue(contains(e.box().get(i), v[i]), what + ": component " + i + " at t=" + t + " = " + v[i] + " not in " + e.box().get(i));
                assertTrue(contains(e.hull().get(i), mid[i]), what + ": component " + i + " at t=" + t / 2 + " not in the hull " + e.hull().get(i));
                checks += 2;
            }
        }
        return checks;
    }

    static int total;

    @AfterAll
    static void report() { System.out.println("closed-form containment checks: " + total); }

    @Test
    void quadraticBlowUpXPrimeEqualsXSquared() throws SymbolicException {
        ValidatedIntegrator vi = new ValidatedIntegrator(field("{x^2}", "x"), ValidatedIntegrator.Settings.defaultsFor(1));
        SplittableRandom rnd = new SplittableRandom(11);
        int checks = 0;
        for (int k = 0; k < 150; k++) {
            double x0 = rnd.nextDouble(-2, 2);
            double horizon = Math.min(3, 0.9 / Math.max(Math.abs(x0), 1e-3)) * rnd.nextDouble(0.1, 1);
            BigDecimal b0 = big(x0);
            checks += check(vi, new double[] {x0}, horizon,
                    t -> new BigDecimal[] {b0.divide(BigDecimal.ONE.subtract(b0.multiply(big(t)), MC), MC)}, "x'=x^2 from " + x0);
        }
        total += checks;
    }

    @Test
    void cubicDecayXPrimeEqualsMinusXCubed() throws SymbolicException {
        ValidatedIntegrator vi = new ValidatedIntegrator(field("{-x^3}", "x"), ValidatedIntegrator.Settings.defaultsFor(1));
        SplittableRandom rnd = new SplittableRandom(12);
        int checks = 0;
        for (int k = 0; k < 150; k++) {
            double x0 = rnd.nextDouble(-3, 3), horizon = rnd.nextDouble(0.1, 4);
            BigDecimal b0 = big(x0);
            checks += check(vi, new double[] {x0}, horizon, t -> new BigDecimal[] {
                    b0.divide(BigDecimal.ONE.add(BigDecimal.valueOf(2).multiply(b0.pow(2)).multiply(big(t)), MC).sqrt(MC), MC)},
                    "x'=-x^3 from " + x0);
        }
        total += checks;
    }

    /** exp(A t) x0 by the Taylor series in BigDecimal (|A t| stays small enough here). */
    static BigDecimal[] expm(double[][] a, double t, double[] x0) {
        int n = x0.length;
        BigDecimal[] term = new BigDecimal[n], sum = new BigDecimal[n];
        for (int i = 0; i < n; i++) { term[i] = big(x0[i]); sum[i] = term[i]; }
        BigDecimal bt = big(t);
        for (int k = 1; k < 400; k++) {
            BigDecimal[] next = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                BigDecimal acc = BigDecimal.ZERO;
                for (int j = 0; j < n; j++) acc = acc.add(big(a[i][j]).multiply(term[j], MC), MC);
                next[i] = acc.multiply(bt, MC).divide(BigDecimal.valueOf(k), MC);
            }
            term = next;
            boolean small = true;
            for (int i = 0; i < n; i++) {
                sum[i] = sum[i].add(term[i], MC);
                if (term[i].abs().compareTo(new BigDecimal("1e-60")) > 0) small = false;
            }
            if (small) break;
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(ValidatedIntegrator.SetKind.class)
    void linearSystemsMatchTheMatrixExponential(ValidatedIntegrator.SetKind kind) throws SymbolicException {
        SplittableRandom rnd = new SplittableRandom(13);
        int checks = 0;
        for (int k = 0; k < 60; k++) {
            double[][] a = new double[2][2];
            for (double[] row : a) for (int j = 0; j < 2; j++) row[j] = Math.rint(rnd.nextDouble(-2, 2) * 64) / 64;
            String rhs = "{" + a[0][0] + "*x + " + a[0][1] + "*y, " + a[1][0] + "*x + " + a[1][1] + "*y}";
            ValidatedIntegrator vi = new ValidatedIntegrator(field(rhs, "x", "y"), ValidatedIntegrator.Settings.defaultsFor(2).withSet(kind));
            double[] x0 = {rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1)};
            checks += check(vi, x0, rnd.nextDouble(0.2, 3), t -> expm(a, t, x0), kind + " linear " + rhs);
        }
        total += checks;
    }

    @Test
    void heavyBallDampedOscillator() throws SymbolicException {
        // x'' + gamma x' + lambda x = 0 as (x, v): the limiting ODE of heavy ball on a quadratic
        SplittableRandom rnd = new SplittableRandom(14);
        int checks = 0;
        for (int k = 0; k < 40; k++) {
            double gamma = Math.rint(rnd.nextDouble(0.1, 3) * 32) / 32, lambda = Math.rint(rnd.nextDouble(0.1, 4) * 32) / 32;
            double[][] a = {{0, 1}, {-lambda, -gamma}};
            ValidatedIntegrator vi = new ValidatedIntegrator(field("{v, -" + lambda + "*x - " + gamma + "*v}", "x", "v"),
                    ValidatedIntegrator.Settings.defaultsFor(2));
            double[] x0 = {rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1)};
            checks += check(vi, x0, rnd.nextDouble(0.5, 4), t -> expm(a, t, x0), "heavy ball gamma=" + gamma + " lambda=" + lambda);
        }
        total += checks;
    }

    @Test
    void saxeModeLogisticGrowth() throws SymbolicException {
        // a balanced mode of a two-layer linear network: u' = 2 u (s - u), u(t) = s u0 e^{2st} / (s + u0 (e^{2st} - 1))
        SplittableRandom rnd = new SplittableRandom(15);
        int checks = 0;
        for (int k = 0; k < 60; k++) {
            double s = Math.rint(rnd.nextDouble(0.5, 3) * 16) / 16, u0 = rnd.nextDouble(1e-3, 0.5);
            ValidatedIntegrator vi = new ValidatedIntegrator(field("{2*u*(" + s + " - u)}", "u"), ValidatedIntegrator.Settings.defaultsFor(1));
            BigDecimal bs = big(s), bu = big(u0);
            checks += check(vi, new double[] {u0}, rnd.nextDouble(0.5, 4), t -> {
                BigDecimal e = HighPrecision.exp(BigDecimal.valueOf(2).multiply(bs).multiply(big(t)));
                return new BigDecimal[] {bs.multiply(bu).multiply(e).divide(bs.add(bu.multiply(e.subtract(BigDecimal.ONE))), MC)};
            }, "Saxe mode s=" + s + " u0=" + u0);
        }
        total += checks;
    }

    /** J_nu(z) for integer nu by its power series. */
    static BigDecimal besselJ(int nu, BigDecimal z) {
        BigDecimal half = z.divide(BigDecimal.valueOf(2), MC), q = half.multiply(half, MC).negate();
        BigDecimal term = half.pow(nu, MC);
        for (int j = 1; j <= nu; j++) term = term.divide(BigDecimal.valueOf(j), MC);
        BigDecimal sum = term;
        for (int k = 1; k < 500; k++) {
            term = term.multiply(q, MC).divide(BigDecimal.valueOf((long) k * (k + nu)), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(new BigDecimal("1e-70")) < 0) break;
        }
        return sum;
    }

    @Test
    void nesterovBesselSolution() throws SymbolicException {
        // e'' + (3/t) e' + lambda e = 0 with e(0) = e0, e'(0) = 0: e(t) = 2 e0 J1(w t)/(w t), e'(t) = -2 e0 J2(w t)/t,
        // w = sqrt(lambda); integrated from t = 1 as the autonomous system (e, v, s) with s' = 1
        SplittableRandom rnd = new SplittableRandom(16);
        int checks = 0;
        for (int k = 0; k < 30; k++) {
            double w = Math.rint(rnd.nextDouble(0.5, 3) * 16) / 16, lambda = w * w;
            ValidatedIntegrator vi = new ValidatedIntegrator(field("{v, -3*v/s - " + lambda + "*e, 1}", "e", "v", "s"),
                    ValidatedIntegrator.Settings.defaultsFor(3));
            BigDecimal bw = big(w), e0 = BigDecimal.ONE;
            Function<BigDecimal, BigDecimal[]> exact = s -> new BigDecimal[] {
                    BigDecimal.valueOf(2).multiply(e0).multiply(besselJ(1, bw.multiply(s))).divide(bw.multiply(s), MC),
                    BigDecimal.valueOf(-2).multiply(e0).multiply(besselJ(2, bw.multiply(s))).divide(s, MC), s};
            BigDecimal[] start = exact.apply(BigDecimal.ONE);
            IntervalVector x0 = IntervalVector.of(Interval.fromBigDecimal(start[0]), Interval.fromBigDecimal(start[1]), Interval.ONE);
            double horizon = rnd.nextDouble(0.5, 6);
            for (double t : new double[] {horizon / 2, horizon}) {
                Enclosure e = vi.integrate(x0, t);
                assertEquals(EnclosureStatus.VALID, e.status(), e.reason());
                BigDecimal[] v = exact.apply(BigDecimal.ONE.add(big(t)));
                for (int i = 0; i < 3; i++) {
                    assertTrue(contains(e.box().get(i), v[i]), "Nesterov w=" + w + " component " + i + " at t=" + t);
                    checks++;
                }
            }
        }
        total += checks;
    }

    @ParameterizedTest
    @EnumSource(ValidatedIntegrator.SetKind.class)
    void piecewiseRotationWithTwoSpeedsCrossesWhereTheClosedFormSays(ValidatedIntegrator.SetKind kind) throws SymbolicException {
        // angular speed 2 above the line y = 0 and 1 below: theta(t) is piecewise linear, every crossing certified
        ValidatedIntegrator vi = new ValidatedIntegrator(field("{-y*(1 + UnitStep[y]), x*(1 + UnitStep[y])}", "x", "y"),
                ValidatedIntegrator.Settings.defaultsFor(2).withSet(kind));
        SplittableRandom rnd = new SplittableRandom(17);
        int checks = 0;
        for (int k = 0; k < 60; k++) {
            double x0 = rnd.nextDouble(-1, 1), y0 = rnd.nextDouble(0.05, 1) * (rnd.nextBoolean() ? 1 : -1);
            double horizon = rnd.nextDouble(0.5, 8);
            Enclosure e = vi.integrate(IntervalVector.ofPoints(x0, y0), horizon);
            assertEquals(EnclosureStatus.VALID, e.status(), e.reason());
            List<BigDecimal> crossings = new ArrayList<>();
            BigDecimal[] end = rotationEnd(x0, y0, horizon, crossings);
            BigDecimal xs = end[0], ys = end[1];
            assertTrue(contains(e.box().get(0), xs) && contains(e.box().get(1), ys), "rotation end state " + xs + ", " + ys + " not in " + e.box());
            checks += 2;
            List<GuardEvent> cross = e.events().stream().filter(g -> g.kind() == GuardEvent.Kind.CROSSING).toList();
            assertEquals(crossings.size(), cross.size(), "number of certified crossings");
            for (int c = 0; c < crossings.size(); c++) {
                assertTrue(contains(cross.get(c).time(), crossings.get(c)), "crossing " + c + " at " + crossings.get(c) + " not in " + cross.get(c).time());
                if (kind != ValidatedIntegrator.SetKind.BOX) // boxes wrap under rotation: sound, but wider
                    assertTrue(cross.get(c).time().width() <= 1e-10, kind + " crossing time enclosed to " + cross.get(c).time().width());
                checks++;
            }
        }
        total += checks;
    }

    /** The two-speed rotation's exact state at the horizon from (x0, y0), adding the crossing times to the list. */
    static BigDecimal[] rotationEnd(double x0, double y0, double horizon, List<BigDecimal> crossings) {
        BigDecimal pi = HighPrecision.pi();
        BigDecimal r = big(x0).pow(2).add(big(y0).pow(2)).sqrt(MC);
        BigDecimal theta = HighPrecision.atan(big(y0).divide(big(x0), MC));
        if (x0 < 0) theta = theta.add(y0 > 0 ? pi : pi.negate());
        if (theta.signum() < 0) theta = theta.add(pi.multiply(BigDecimal.valueOf(2)));   // theta in [0, 2 pi)
        BigDecimal remaining = big(horizon), now = BigDecimal.ZERO;
        while (true) {
            boolean upper = theta.compareTo(pi) < 0;
            BigDecimal speed = BigDecimal.valueOf(upper ? 2 : 1);
            BigDecimal target = upper ? pi : pi.multiply(BigDecimal.valueOf(2));
            BigDecimal toCross = target.subtract(theta).divide(speed, MC);
            if (toCross.compareTo(remaining) > 0) { theta = theta.add(remaining.multiply(speed)); break; }
            now = now.add(toCross);
            crossings.add(now);
            remaining = remaining.subtract(toCross);
            theta = upper ? pi : BigDecimal.ZERO;
        }
        return new BigDecimal[] {r.multiply(HighPrecision.cos(theta)), r.multiply(HighPrecision.sin(theta))};
    }

    @Test
    void ballSetsFromBoxesCarryTheSaltationFactorAcrossTheRotation() throws SymbolicException {
        // the symmetric part of a rotation's Jacobian is 0, so the ball's radius changes only at crossings: from the
        // slow side to the fast one, members' separations double (the saltation norm is exactly 2); the corners of
        // the initial box, mapped exactly, must stay inside
        ValidatedIntegrator vi = new ValidatedIntegrator(field("{-y*(1 + UnitStep[y]), x*(1 + UnitStep[y])}", "x", "y"),
                ValidatedIntegrator.Settings.defaultsFor(2).withSet(ValidatedIntegrator.SetKind.BALL));
        SplittableRandom rnd = new SplittableRandom(19);
        int checks = 0;
        for (int k = 0; k < 40; k++) {
            double x0 = rnd.nextDouble(-1, 1), y0 = rnd.nextDouble(0.05, 1) * (rnd.nextBoolean() ? 1 : -1), w = 1e-4;
            double horizon = rnd.nextDouble(1, 8);
            Enclosure e = vi.integrate(IntervalVector.of(Interval.of(x0 - w, x0 + w), Interval.of(y0 - w, y0 + w)), horizon);
            assertEquals(EnclosureStatus.VALID, e.status(), e.reason());
            for (double[] c : new double[][] {{x0 - w, y0 - w}, {x0 - w, y0 + w}, {x0 + w, y0 - w}, {x0 + w, y0 + w}}) {
                BigDecimal[] end = rotationEnd(c[0], c[1], horizon, new ArrayList<>());
                assertTrue(contains(e.box().get(0), end[0]) && contains(e.box().get(1), end[1]),
                        "corner " + c[0] + ", " + c[1] + " maps to " + end[0] + ", " + end[1] + " outside " + e.box());
                checks += 2;
            }
        }
        total += checks;
    }

    @ParameterizedTest
    @EnumSource(ValidatedIntegrator.SetKind.class)
    void filippovSlidingIsCertifiedAndIntegratedWithTheSlidingField(ValidatedIntegrator.SetKind kind) throws SymbolicException {
        // x' = 1 - 2 UnitStep[x] + y/2, y' = 1: from (x0, y0), x > 0 first (x' = -1 + y/2 + ...), reaches x = 0 at
        // t1 = 2 - y0 - sqrt((2 - y0)^2 - 4 x0), then slides (both fields point to x = 0 while |y| < 2) with x = 0,
        // y' = 1, until y = 2
        ValidatedIntegrator vi = new ValidatedIntegrator(field("{1 - 2*UnitStep[x] + y/2, 1}", "x", "y"),
                ValidatedIntegrator.Settings.defaultsFor(2).withSet(kind));
        SplittableRandom rnd = new SplittableRandom(18);
        int checks = 0;
        for (int k = 0; k < 40; k++) {
            double x0 = rnd.nextDouble(0.05, 0.5), y0 = rnd.nextDouble(-1, 0.5);
            BigDecimal by0 = big(y0), twoMinus = BigDecimal.valueOf(2).subtract(by0);
            BigDecimal t1 = twoMinus.subtract(twoMinus.pow(2).subtract(BigDecimal.valueOf(4).multiply(big(x0))).sqrt(MC));
            double horizon = t1.doubleValue() + rnd.nextDouble(0.05, 0.9) * (2 - y0 - t1.doubleValue());
            Enclosure e = vi.integrate(IntervalVector.ofPoints(x0, y0), horizon);
            assertEquals(EnclosureStatus.VALID, e.status(), e.reason());
            GuardEvent slide = e.events().get(0);
            assertEquals(GuardEvent.Kind.SLIDING, slide.kind(), e.events().toString());
            assertTrue(contains(slide.time(), t1), "sliding starts at " + t1 + ", not in " + slide.time());
            assertTrue(contains(e.box().get(0), BigDecimal.ZERO) && contains(e.box().get(1), by0.add(big(horizon))), e.box().toString());
            assertTrue(e.box().maxWidth() < 1e-9, "integrated along the sliding field, not the inclusion: width " + e.box().maxWidth());
            checks += 3;
        }
        total += checks;
    }
}
