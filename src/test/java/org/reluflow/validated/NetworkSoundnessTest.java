package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reluflow.dynamics.Simulator;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;
import org.reluflow.field.NetworkObjective;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.StraightLineProgram;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;

/**
 * Soundness on ReLU networks and metamorphic checks: the float64 GD iterates inside their enclosures at every
 * step; Hipparchus DormandPrince853 trajectories (tolerance 1e-12) inside validated gradient-flow enclosures
 * inflated by 1e-8 (the non-rigorous side's error budget); forward-then-backward enclosures containing x0; the
 * enclosure over [0, T] meeting the one over [0, T/2] then [T/2, T].
 */
class NetworkSoundnessTest {

    static final SymjaSession SESSION = SymjaSession.limitedTo(60);
    static int total;

    @AfterAll
    static void close() {
        SESSION.close();
        System.out.println("network and metamorphic containment checks: " + total);
    }

    static Problem randomProblem(SplittableRandom rnd, int m, int d, int n, boolean bias, Loss loss) {
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[i][k] = rnd.nextDouble(-1, 1);
            y[i] = loss == Loss.SQUARE ? rnd.nextDouble(-1, 1) : (rnd.nextBoolean() ? 1 : -1);
        }
        Architecture arch = new Architecture(m, d, bias, bias, OutputScale.ONE, true, Activation.relu());
        return new Problem(arch, FiniteDataset.uniform(x, y), loss);
    }

    static double[] randomTheta(SplittableRandom rnd, int size) {
        double[] t = new double[size];
        for (int i = 0; i < size; i++) t[i] = rnd.nextDouble(-1, 1);
        return t;
    }

    @Test
    void compiledNetworkFieldEqualsTheNumericGradient() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (Loss loss : List.of(Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC)) {
            for (int k = 0; k < 20; k++) {
                Problem p = randomProblem(rnd, 1 + rnd.nextInt(4), 1 + rnd.nextInt(3), 1 + rnd.nextInt(5), rnd.nextBoolean(), loss);
                double[] theta = randomTheta(rnd, p.layout().size());
                double[] g = new double[theta.length];
                new NetworkObjective(p).valueAndGradient(theta, g);
                double[] f = NetworkFields.negativeGradient(p).evaluate(theta);
                for (int i = 0; i < g.length; i++)
                    assertEquals(-g[i], f[i], 1e-12 * (1 + Math.abs(g[i])), loss + " component " + i);
            }
        }
    }

    @Test
    void gdEnclosureContainsEveryFloat64Iterate() {
        SplittableRandom rnd = new SplittableRandom(22);
        int checks = 0;
        for (int k = 0; k < 40; k++) {
            Problem p = randomProblem(rnd, 2 + rnd.nextInt(2), 2, 4, k % 2 == 0, k % 3 == 0 ? Loss.LOGISTIC : Loss.SQUARE);
            StraightLineProgram field = NetworkFields.negativeGradient(p);
            GdEnclosure gd = new GdEnclosure(field, 0.05, 0.0, 12);
            double[] theta = randomTheta(rnd, p.layout().size());
            IntervalVector box = IntervalVector.ofPoints(theta);
            for (int step = 0; step < 60; step++) {
                GdEnclosure.Result r = gd.enclose(box, 1, 0, null);
                assertEquals(EnclosureStatus.VALID, r.status(), r.reason());
                theta = gd.floatStep(theta);
                box = r.box();
                assertTrue(box.contains(theta), "float64 iterate " + step + " escaped its enclosure " + box);
                checks += theta.length;
            }
        }
        total += checks;
    }

    @Test
    void gdEnclosureStaysTightForAThousandStepsOfATenParameterNetwork() {
        SplittableRandom rnd = new SplittableRandom(23);
        Problem p = randomProblem(rnd, 3, 2, 6, false, Loss.SQUARE); // 3 * (1 + 2) = 9 parameters, plus none
        Problem q = new Problem(new Architecture(3, 2, false, true, OutputScale.ONE, true, Activation.relu()), p.data(), Loss.SQUARE);
        assertEquals(10, q.layout().size());
        GdEnclosure gd = new GdEnclosure(NetworkFields.negativeGradient(q), 0.1, 0.0, 12);
        // width grows like the map's own expansion (near a saddle, exponentially: real sensitivity, not wrapping);
        // the target is the regime near a minimum, reached here by 20000 plain float64 steps first
        double[] theta = randomTheta(rnd, 10);
        for (int k = 0; k < 20000; k++) theta = gd.floatStep(theta);
        GdEnclosure.Result r = gd.enclose(IntervalVector.ofPoints(theta), 1000, 100, null);
        assertEquals(EnclosureStatus.VALID, r.status(), r.reason());
        for (int k = 0; k < 1000; k++) theta = gd.floatStep(theta);
        assertTrue(r.box().contains(theta));
        assertTrue(r.box().maxWidth() <= 1e-10, "width after 1000 steps: " + r.box().maxWidth());
        total += 10;
    }

    /** The event-driven DormandPrince853 engine's end point at tight tolerance. */
    static double[] dormandPrince(String name, Problem p, double[] theta, double horizon) {
        Experiment e = new Experiment(name, p, theta, new Method.GradientFlow(1e-12, 1e-14, 100000), horizon, horizon,
                java.util.Map.of(), false, List.of());
        return Simulator.run(e, f -> { }).finalTheta();
    }

    /** Asserts that every component of {@code end} lies in the box, up to DP853's relative 1e-8; returns the count. */
    static int assertInside(double[] end, IntervalVector box) {
        for (int i = 0; i < end.length; i++) {
            Interval b = box.get(i);
            double slack = 1e-8 * (1 + Math.abs(end[i]));
            assertTrue(end[i] >= b.lo() - slack && end[i] <= b.hi() + slack,
                    "DP853 component " + i + " = " + end[i] + " outside " + b + " (slack " + slack + ")");
        }
        return end.length;
    }

    @Test
    void dormandPrinceTrajectoriesLieInValidatedEnclosures() {
        SplittableRandom rnd = new SplittableRandom(24);
        int checks = 0, crossings = 0;
        for (int k = 0; k < 25; k++) {
            Problem p = randomProblem(rnd, 2 + rnd.nextInt(2), 2, 3 + rnd.nextInt(3), false, Loss.SQUARE);
            double[] theta = randomTheta(rnd, p.layout().size());
            double horizon = rnd.nextDouble(0.3, 2);
            double[] end = dormandPrince("dp", p, theta, horizon);
            SwitchedField f = NetworkFields.switchedField(p);
            Enclosure enc = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f.dimension())).integrate(IntervalVector.ofPoints(theta), horizon);
            if (!enc.isValid()) continue; // a failed validation is a status, not a containment claim
            assertEquals(horizon, enc.t());
            crossings += enc.events().size();
            checks += assertInside(end, enc.box());
        }
        assertTrue(crossings > 0, "the random instances must exercise activation crossings");
        total += checks;
    }

    @Test
    void lohnerSetsAboveThirtyVariablesStaySoundWithMidpointRadiusProducts() {
        // 36 parameters: the Lohner step's matrix products and Q^{-1} go midpoint-radius (IntervalMatrix.product)
        SplittableRandom rnd = new SplittableRandom(31);
        int checks = 0;
        for (int k = 0; k < 3; k++) {
            Problem p = randomProblem(rnd, 12, 2, 4 + rnd.nextInt(3), false, Loss.SQUARE);
            assertTrue(p.layout().size() >= org.reluflow.interval.IntervalMatrix.MID_RAD_FROM);
            double[] theta = randomTheta(rnd, p.layout().size());
            double horizon = rnd.nextDouble(0.1, 0.4);
            double[] end = dormandPrince("dp", p, theta, horizon);
            SwitchedField f = NetworkFields.switchedField(p);
            Enclosure enc = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f.dimension())
                    .withSet(ValidatedIntegrator.SetKind.LOHNER_QR)).integrate(IntervalVector.ofPoints(theta), horizon);
            assertEquals(EnclosureStatus.VALID, enc.status(), enc.reason());
            assertTrue(enc.box().maxWidth() < 1e-8, "Lohner width " + enc.box().maxWidth());
            checks += assertInside(end, enc.box());
        }
        total += checks;
    }

    @Test
    void frozenCoordinatesOnOrthogonalDataAreCertifiedAndMatchTheEventDrivenEngine() {
        // sigma'(0) = 0 with orthogonal inputs: a pre-activation that reaches 0 stays there exactly (the far field is
        // tangent to the surface identically); the event-driven DP853 engine freezes it too
        SplittableRandom rnd = new SplittableRandom(26);
        int checks = 0, frozen = 0;
        for (int k = 0; k < 12; k++) {
            double[][] x = new double[4][4];
            double[] y = new double[4];
            for (int i = 0; i < 4; i++) { x[i][i] = 1 + rnd.nextInt(3) / 2.0; y[i] = rnd.nextDouble(-1, 1); }
            Architecture arch = new Architecture(3, 4, false, false, OutputScale.ONE, true, Activation.relu());
            Problem p = new Problem(arch, FiniteDataset.uniform(x, y), Loss.SQUARE);
            double[] theta = randomTheta(rnd, p.layout().size());
            double horizon = rnd.nextDouble(0.5, 3);
            double[] end = dormandPrince("frozen", p, theta, horizon);
            SwitchedField f = NetworkFields.switchedField(p);
            Enclosure enc = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f.dimension())).integrate(IntervalVector.ofPoints(theta), horizon);
            assertEquals(EnclosureStatus.VALID, enc.status(), enc.reason());
            frozen += (int) enc.events().stream().filter(ev -> ev.kind() == GuardEvent.Kind.FROZEN).count();
            checks += assertInside(end, enc.box());
        }
        assertTrue(frozen > 0, "the instances must freeze some coordinates");
        total += checks;
    }

    @Test
    void forwardThenBackwardContainsTheStartAndHorizonsCompose() throws SymbolicException {
        OdeSystem fwd = OdeSystem.parse(SESSION, "{y, (1 - x^2)*y - x}", List.of("x", "y"));
        OdeSystem bwd = OdeSystem.parse(SESSION, "{-y, -((1 - x^2)*y - x)}", List.of("x", "y"));
        ValidatedIntegrator f = new ValidatedIntegrator(SwitchedField.of(fwd), ValidatedIntegrator.Settings.defaultsFor(2));
        ValidatedIntegrator b = new ValidatedIntegrator(SwitchedField.of(bwd), ValidatedIntegrator.Settings.defaultsFor(2));
        SplittableRandom rnd = new SplittableRandom(25);
        int checks = 0;
        for (int k = 0; k < 60; k++) {
            double[] x0 = {rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2)};
            double horizon = rnd.nextDouble(0.2, 2);
            Enclosure there = f.integrate(IntervalVector.ofPoints(x0), horizon);
            assertEquals(EnclosureStatus.VALID, there.status());
            Enclosure back = b.integrate(there.box(), horizon);
            assertEquals(EnclosureStatus.VALID, back.status());
            assertTrue(back.box().contains(x0), "forward then backward lost x0: " + back.box());
            Enclosure half = f.integrate(IntervalVector.ofPoints(x0), horizon / 2);
            Enclosure rest = f.integrate(half.box(), horizon - horizon / 2);
            assertFalse(rest.box().intersection(there.box()).isEmpty(), "[0,T] and [0,T/2]+[T/2,T] enclosures are disjoint");
            checks += 2;
        }
        total += checks;
    }
}
