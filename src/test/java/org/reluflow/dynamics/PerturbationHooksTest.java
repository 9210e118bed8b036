package org.reluflow.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reluflow.RandomProblems;
import org.reluflow.field.NetworkObjective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Experiment;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.Perturbation;
import org.reluflow.model.Problem;
import org.reluflow.validated.NetworkFields;

/**
 * Every engine honors {@link Problem#perturbation()}: each check compares a perturbed run with an unperturbed run
 * that must coincide with it exactly when the hook is applied (a time rescaling or a rescaled step), and shows
 * that the two unperturbed candidates differ, so an ignored hook fails the test.
 */
class PerturbationHooksTest {

    static final double S = 0.95;

    private static Experiment with(Problem p, double[] theta0, Method method, double horizon) {
        return new Experiment("hooks", p, theta0, method, horizon, horizon / 10, Map.of(), false, List.of());
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k] - b[k]));
        return d;
    }

    /** A random problem whose true flow (from seed 6 ^ 0x5eed) switches and slides, so the event path is covered. */
    private static Problem switchingProblem() { return RandomProblems.finite(6, Loss.SQUARE, false); }

    @Test
    void gradientFlowWithAScaledFieldIsTheTrueFlowOnARescaledClock() {
        Problem p = switchingProblem();
        double[] theta0 = RandomProblems.gaussianTheta(p, 6 ^ 0x5eed, 1.0);
        double horizon = 5;
        Method gf = new Method.GradientFlow(1e-12, 1e-14, 20_000);
        Trajectory truth = new GradientFlowEngine().run(with(p, theta0, gf, horizon), ProgressListener.NONE);
        Trajectory scaled = new GradientFlowEngine().run(with(p.withPerturbation(new Perturbation(S, 1)), theta0, gf, horizon / S),
                ProgressListener.NONE);
        Trajectory late = new GradientFlowEngine().run(with(p, theta0, gf, horizon / S), ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, scaled.status(), scaled.message());
        assertTrue(truth.events().stream().anyMatch(e -> e.to().equals("slide")), "the instance should slide");
        double gap = maxDiff(truth.finalTheta(), late.finalTheta());
        assertTrue(gap > 1e-3, "the instance does not tell the clocks apart: " + gap);
        assertEquals(0, maxDiff(truth.finalTheta(), scaled.finalTheta()), 1e-7, "theta_s(T/s) != theta(T)");
        // the loss the objective reports is the true one: value and gradient are not scaled alike
        double[] g = new double[theta0.length];
        double l = Objectives.of(p.withPerturbation(new Perturbation(S, 1))).valueAndGradient(theta0, g);
        assertEquals(Objectives.of(p).value(theta0), l, 0.0);
        assertEquals(0, maxDiff(g, scaleBy(Objectives.of(p).gradient(theta0), S)), 1e-15);
    }

    /** Every objective (loops with and without biases, the BLAS kernel, the square integral) scales its gradient. */
    @Test
    void everyObjectiveScalesItsGradientAndNotItsLoss() {
        List<Problem> problems = new java.util.ArrayList<>();
        for (long seed = 0; seed < 8; seed++) problems.add(RandomProblems.finite(seed, Loss.SQUARE, true));
        problems.add(RandomProblems.interval(1, 3));
        for (Problem p : problems) {
            double[] theta = RandomProblems.gaussianTheta(p, 13, 1.0);
            Problem scaled = p.withPerturbation(new Perturbation(S, 1));
            List<org.reluflow.field.Objective[]> pairs = new java.util.ArrayList<>();
            pairs.add(new org.reluflow.field.Objective[] {Objectives.of(p), Objectives.of(scaled)});
            if (p.data() instanceof org.reluflow.model.FiniteDataset)
                pairs.add(new org.reluflow.field.Objective[] {new org.reluflow.field.DenseNetworkObjective(p),
                        new org.reluflow.field.DenseNetworkObjective(scaled)});
            for (org.reluflow.field.Objective[] o : pairs) {
                double[] g = new double[theta.length], gs = new double[theta.length];
                double l = o[0].valueAndGradient(theta, g), ls = o[1].valueAndGradient(theta, gs);
                String what = o[0].getClass().getSimpleName() + " on " + p.architecture();
                assertEquals(l, ls, 0.0, what + ": the loss must stay unscaled");
                assertTrue(maxDiff(g, scaleBy(g, S)) > 1e-6, what + ": a vanishing gradient tells nothing");
                assertEquals(0, maxDiff(gs, scaleBy(g, S)), 1e-14, what);
            }
        }
    }

    @Test
    void discreteMethodsWithAScaledGradientTakeAScaledStep() {
        Problem p = switchingProblem();
        double[] theta0 = RandomProblems.gaussianTheta(p, 5, 1.0);
        double eta = 0.01;
        long steps = 300;
        List<Method> scaledStep = List.of(new Method.GradientDescent(S * eta, steps), new Method.HeavyBall(S * eta, 0.5, steps),
                new Method.Nesterov(S * eta, new Method.Momentum.Constant(0.5), steps));
        List<Method> trueStep = List.of(new Method.GradientDescent(eta, steps), new Method.HeavyBall(eta, 0.5, steps),
                new Method.Nesterov(eta, new Method.Momentum.Constant(0.5), steps));
        Problem scaled = p.withPerturbation(new Perturbation(S, 1));
        for (int k = 0; k < trueStep.size(); k++) {
            double[] expected = new DiscreteEngine().run(with(p, theta0, scaledStep.get(k), steps * S * eta), ProgressListener.NONE).finalTheta();
            double[] unscaled = new DiscreteEngine().run(with(p, theta0, trueStep.get(k), steps * eta), ProgressListener.NONE).finalTheta();
            double[] got = new DiscreteEngine().run(with(scaled, theta0, trueStep.get(k), steps * eta), ProgressListener.NONE).finalTheta();
            String what = trueStep.get(k).specName();
            assertTrue(maxDiff(expected, unscaled) > 1e-4, what + ": the instance does not tell the steps apart");
            assertEquals(0, maxDiff(expected, got), 1e-10, what + " with a scaled gradient != the scaled step");
        }
    }

    /**
     * theta'' + c theta' + s grad L = 0 at time T is the unscaled ODE at sqrt(s) T with damping c / sqrt(s) (heavy
     * ball); for Nesterov's r / t damping the substitution tau = sqrt(s) t leaves r unchanged.
     */
    @Test
    void secondOrderOdesWithAScaledGradientAreRescaledInTime() {
        Problem p = switchingProblem();
        double[] theta0 = RandomProblems.gaussianTheta(p, 7, 1.0);
        double horizon = 4, root = Math.sqrt(S), gamma = 1.5;
        Problem scaled = p.withPerturbation(new Perturbation(S, 1));
        double[] hb = new SecondOrderEngine().run(with(scaled, theta0, new Method.HeavyBallOde(gamma, 1e-11, 1e-13), horizon),
                ProgressListener.NONE).finalTheta();
        double[] hbRef = new SecondOrderEngine().run(with(p, theta0, new Method.HeavyBallOde(gamma / root, 1e-11, 1e-13), root * horizon),
                ProgressListener.NONE).finalTheta();
        double[] hbTrue = new SecondOrderEngine().run(with(p, theta0, new Method.HeavyBallOde(gamma, 1e-11, 1e-13), horizon),
                ProgressListener.NONE).finalTheta();
        assertTrue(maxDiff(hbRef, hbTrue) > 1e-3, "heavy ball: the instance does not tell the clocks apart");
        assertEquals(0, maxDiff(hb, hbRef), 1e-6, "heavy-ball ODE with a scaled gradient");

        double[] nag = new SecondOrderEngine().run(with(scaled, theta0, new Method.NesterovOde(3, 1e-11, 1e-13), horizon),
                ProgressListener.NONE).finalTheta();
        double[] nagRef = new SecondOrderEngine().run(with(p, theta0, new Method.NesterovOde(3, 1e-11, 1e-13), root * horizon),
                ProgressListener.NONE).finalTheta();
        double[] nagTrue = new SecondOrderEngine().run(with(p, theta0, new Method.NesterovOde(3, 1e-11, 1e-13), horizon),
                ProgressListener.NONE).finalTheta();
        assertTrue(maxDiff(nagRef, nagTrue) > 1e-3, "Nesterov: the instance does not tell the clocks apart");
        assertEquals(0, maxDiff(nag, nagRef), 1e-6, "Nesterov ODE with a scaled gradient");
    }

    @Test
    void theValidatedFieldOfAPerturbedProblemIsScaled() {
        Problem p = switchingProblem();
        double[] theta = RandomProblems.gaussianTheta(p, 11, 1.0);
        double[] truth = NetworkFields.negativeGradient(p).evaluate(theta);
        double[] scaled = NetworkFields.negativeGradient(p.withPerturbation(new Perturbation(S, 1))).evaluate(theta);
        assertTrue(maxDiff(truth, scaleBy(truth, S)) > 1e-3, "a vanishing field tells nothing");
        assertEquals(0, maxDiff(scaled, scaleBy(truth, S)), 1e-14);
    }

    /**
     * The true flow holds a sliding pair's pre-activation at 0; with the solved gate times 1.1 the same pair, still
     * nominally sliding, drifts off its surface.
     */
    @Test
    void aScaledSlidingGateLetsThePreactivationLeaveItsSurface() {
        Problem p = RandomProblems.finite(SLIDING_SEED, Loss.SQUARE, false);
        double[] theta0 = RandomProblems.gaussianTheta(p, SLIDING_SEED ^ 0x5eed, 1.0);
        Method gf = new Method.GradientFlow(1e-12, 1e-14, 20_000);
        double horizon = 5;
        Trajectory truth = new GradientFlowEngine().run(with(p, theta0, gf, horizon), ProgressListener.NONE);
        List<int[]> pairs = slidingToTheEnd(truth);
        assertTrue(!pairs.isEmpty(), "no pair slides to the end in the true flow");
        Trajectory mutated = new GradientFlowEngine().run(with(p.withPerturbation(new Perturbation(1, 1.1)), theta0, gf, horizon),
                ProgressListener.NONE);
        double drift = 0;
        for (int[] pair : pairs) {
            assertEquals(0, preactivation(p, truth.finalTheta(), pair), 1e-8, "the true flow holds sliding pairs on their surface");
            drift = Math.max(drift, Math.abs(preactivation(p, mutated.finalTheta(), pair)));
        }
        assertTrue(drift > 1e-4, "with the gate off by 10% every sliding pair stays on its surface: |z| <= " + drift);
    }

    /** A seed of {@link RandomProblems#finite} whose flow has a pair sliding with a gate inside (0, 1) to t = 5. */
    static final long SLIDING_SEED = 26;

    private static List<int[]> slidingToTheEnd(Trajectory tr) {
        Map<String, String> last = new java.util.TreeMap<>();
        for (SwitchEvent e : tr.events()) last.put(e.sample() + "," + e.neuron(), e.to());
        List<int[]> out = new java.util.ArrayList<>();
        for (var e : last.entrySet())
            if (e.getValue().equals("slide")) {
                String[] ij = e.getKey().split(",");
                out.add(new int[] {Integer.parseInt(ij[0]), Integer.parseInt(ij[1])});
            }
        return out;
    }

    private static double preactivation(Problem p, double[] theta, int[] pair) {
        NetworkObjective obj = new NetworkObjective(p);
        double[][] z = new double[obj.samples()][p.architecture().width()];
        obj.preactivations(theta, z);
        return z[pair[0]][pair[1]];
    }

    private static double[] scaleBy(double[] v, double s) {
        double[] out = v.clone();
        for (int k = 0; k < out.length; k++) out[k] *= s;
        return out;
    }
}
