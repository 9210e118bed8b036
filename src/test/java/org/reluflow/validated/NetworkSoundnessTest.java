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

    /** Random problems across losses, biases, leaky slopes and output scales (the log-norm bound's cases). */
    static Problem variedProblem(SplittableRandom rnd, int m, int d, int n) {
        Loss loss = List.of(Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC).get(rnd.nextInt(3));
        Problem p = randomProblem(rnd, m, d, n, rnd.nextBoolean(), loss);
        Activation act = rnd.nextBoolean() ? Activation.relu() : new Activation(0.25, 0.25);
        OutputScale scale = OutputScale.values()[rnd.nextInt(OutputScale.values().length)];
        Architecture a = p.architecture();
        return new Problem(new Architecture(m, d, a.hiddenBias(), a.outputBias(), scale, true, act), p.data(), loss);
    }

    static Enclosure enclose(Problem p, IntervalVector x0, double horizon, ValidatedIntegrator.SetKind kind) {
        SwitchedField f = NetworkFields.switchedField(p);
        return new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f.dimension()).withSet(kind)).integrate(x0, horizon);
    }

    @Test
    void ballSetsMeetLohnerSetsAndContainDormandPrinceAcrossCrossings() {
        // both enclosures are rigorous and about 1e-13 wide, so they must intersect: a ball whose centre drifted or
        // whose radius missed a saltation factor would come out disjoint
        SplittableRandom rnd = new SplittableRandom(41);
        int checks = 0, crossings = 0, compared = 0;
        for (int k = 0; k < 30; k++) {
            Problem p = variedProblem(rnd, 2 + rnd.nextInt(3), 2, 3 + rnd.nextInt(4));
            assertTrue(NetworkFields.switchedField(p).hasLogNorm(), "a trained output layer on finite data has the structural bound");
            double[] theta = randomTheta(rnd, p.layout().size());
            double horizon = rnd.nextDouble(1, 4);
            Enclosure ball = enclose(p, IntervalVector.ofPoints(theta), horizon, ValidatedIntegrator.SetKind.BALL);
            if (!ball.isValid()) continue;
            assertEquals(horizon, ball.t());
            crossings += (int) ball.events().stream().filter(ev -> ev.kind() == GuardEvent.Kind.CROSSING).count();
            checks += assertInside(dormandPrince("ball", p, theta, horizon), ball.box());
            Enclosure lohner = enclose(p, IntervalVector.ofPoints(theta), horizon, ValidatedIntegrator.SetKind.LOHNER_QR);
            if (!lohner.isValid()) continue;
            IntervalVector both = ball.box().intersection(lohner.box());
            assertFalse(both.isEmpty(), "ball " + ball.box() + " and Lohner " + lohner.box() + " enclosures are disjoint");
            compared++;
        }
        assertTrue(crossings >= 20 && compared >= 15, "crossings " + crossings + ", compared " + compared);
        total += checks + compared;
    }

    @Test
    void ballSetsFromBoxesContainTheTrajectoriesOfTheBoxCorners() {
        // an initial box of width 1e-6: the radius grows by the log-norm and saltation bounds only, so trajectories
        // from the corners (the farthest members) test those bounds at a scale DP853 resolves
        SplittableRandom rnd = new SplittableRandom(42);
        int checks = 0, crossings = 0;
        for (int k = 0; k < 12; k++) {
            Problem p = variedProblem(rnd, 2 + rnd.nextInt(2), 2, 3 + rnd.nextInt(3));
            double[] theta = randomTheta(rnd, p.layout().size());
            Interval[] box = new Interval[theta.length];
            for (int i = 0; i < theta.length; i++) box[i] = Interval.of(theta[i] - 5e-7, theta[i] + 5e-7);
            double horizon = rnd.nextDouble(0.3, 1.5);
            Enclosure ball = enclose(p, IntervalVector.of(box), horizon, ValidatedIntegrator.SetKind.BALL);
            if (!ball.isValid()) continue;
            crossings += ball.events().size();
            for (int corner = 0; corner < 6; corner++) {
                double[] x = new double[theta.length];
                for (int i = 0; i < x.length; i++) x[i] = rnd.nextBoolean() ? box[i].lo() : box[i].hi();
                checks += assertInside(dormandPrince("corner", p, x, horizon), ball.box());
            }
        }
        assertTrue(crossings > 0 && checks > 0, "crossings " + crossings + ", checks " + checks);
        total += checks;
    }

    @Test
    void ballSetsEncloseEveryCrossingOfTheHundredFiftyParameterBenchmarkToOneEMinusTen() throws Exception {
        // the target instance (d = 2, m = 50, 20 samples), over a shorter horizon that still has 7 crossings
        Experiment e = org.reluflow.spec.SpecLoader.load(java.nio.file.Path.of("src/bench/specs/relu-gf-50.yaml"));
        SwitchedField f = NetworkFields.switchedField(e.problem());
        ValidatedIntegrator.Settings settings = ValidatedIntegrator.Settings.defaultsFor(f);
        assertEquals(ValidatedIntegrator.SetKind.BALL, settings.set());
        Enclosure enc = new ValidatedIntegrator(f, settings).integrate(IntervalVector.ofPoints(e.theta0()), 0.05);
        assertEquals(EnclosureStatus.VALID, enc.status(), enc.reason());
        assertTrue(enc.events().size() >= 7, "crossings: " + enc.events().size());
        for (GuardEvent ev : enc.events()) {
            assertEquals(GuardEvent.Kind.CROSSING, ev.kind());
            assertTrue(ev.time().width() <= 1e-10, ev.guard() + " crossing time width " + ev.time().width());
        }
        total += enc.events().size();
    }

    @Test
    void ballSetsCertifyTheSlidingThatTheEventDrivenEngineFindsOnTheBenchmark() throws Exception {
        // near t = 1.05 the pair (w43, x2) reaches its surface with both fields pointing into it; the enclosure must
        // certify sliding there, with a start time that contains the event-driven DP853 engine's
        Experiment e = org.reluflow.spec.SpecLoader.load(java.nio.file.Path.of("src/bench/specs/relu-gf-50.yaml"));
        SwitchedField f = NetworkFields.switchedField(e.problem());
        Enclosure enc = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f)).integrate(IntervalVector.ofPoints(e.theta0()), 1.1);
        assertEquals(EnclosureStatus.VALID, enc.status(), enc.reason());
        GuardEvent slide = enc.events().stream().filter(ev -> ev.kind() == GuardEvent.Kind.SLIDING).findFirst().orElseThrow();
        Experiment run = new Experiment("slide", e.problem(), e.theta0(), new Method.GradientFlow(1e-12, 1e-14, 100000), 1.1, 1.1,
                java.util.Map.of(), false, List.of());
        var dp = Simulator.run(run, p -> { }).events().stream().filter(ev -> ev.to().equals("slide")).findFirst().orElseThrow();
        assertEquals("<w" + (dp.neuron() + 1) + ", x" + (dp.sample() + 1) + ">", slide.guard());
        assertTrue(Math.abs(dp.t() - slide.time().midpoint()) <= slide.time().width() + 1e-9,
                "DP853 slides at " + dp.t() + ", the enclosure certifies " + slide.time());
        total++;
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
