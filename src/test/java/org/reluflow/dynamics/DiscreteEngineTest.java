package org.reluflow.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.reluflow.RandomProblems;
import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Experiment;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

class DiscreteEngineTest {

    /**
     * For one GD step theta - eta g, Euler's identity a g_a = <w, g_w> + b g_b makes the first-order change of
     * a^2 - |w|^2 - b^2 vanish, leaving exactly eta^2 (g_a^2 - |g_w|^2 - g_b^2). Checked per step and neuron to
     * rounding; with coefficient eta instead of eta^2 the same check must fail (negative control).
     */
    @Property(tries = 150, seed = "11")
    void gdChangesBalancednessByEtaSquaredTerms(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                @ForAll @IntRange(min = 0, max = 2) int lossIndex) {
        Loss loss = new Loss[] {Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC}[lossIndex];
        Problem p = RandomProblems.finite(seed, loss, true);
        assertEquals(0, mismatches(p, seed, 2), "eta^2 law violated");
    }

    @Test
    void theEtaSquaredCheckDetectsAWrongCoefficient() {
        int caught = 0;
        for (long seed = 0; seed < 20; seed++) {
            Problem p = RandomProblems.finite(seed, Loss.SQUARE, false);
            if (mismatches(p, seed, 1) > 0) caught++;
        }
        assertTrue(caught >= 18, "a wrong coefficient went unnoticed in " + (20 - caught) + " of 20 cases");
    }

    /** Number of (step, neuron) where the change differs from eta^power (g_a^2 - |g_w|^2 - g_b^2) beyond rounding. */
    private static int mismatches(Problem p, long seed, int power) {
        Objective obj = Objectives.of(p);
        ParameterLayout layout = p.layout();
        double[] theta = RandomProblems.gaussianTheta(p, seed + 3, 1.0);
        double eta = 0.05;
        double[] g = new double[theta.length];
        int bad = 0;
        for (int step = 0; step < 50; step++) {
            obj.valueAndGradient(theta, g);
            double[] next = theta.clone();
            for (int k = 0; k < next.length; k++) next[k] -= eta * g[k];
            for (int j = 0; j < layout.width(); j++) {
                double ga = g[layout.a(j)], pred = ga * ga, scale = theta[layout.a(j)] * theta[layout.a(j)] + ga * ga;
                for (int c = 0; c < layout.inputDim(); c++) {
                    double gw = g[layout.w(j, c)], w = theta[layout.w(j, c)];
                    pred -= gw * gw;
                    scale += w * w + gw * gw;
                }
                if (layout.hiddenBias()) {
                    double gb = g[layout.b(j)], b = theta[layout.b(j)];
                    pred -= gb * gb;
                    scale += b * b + gb * gb;
                }
                pred *= Math.pow(eta, power);
                double change = layout.balancedness(next, j) - layout.balancedness(theta, j);
                if (Math.abs(change - pred) > 1e-12 * scale && Math.abs(change - pred) > 1e-9 * Math.abs(pred)) bad++;
            }
            theta = next;
        }
        return bad;
    }

    /** On the quadratic of SecondOrderEngineTest, GD is stable iff eta &lt; 2 / lambda_max = 0.5. */
    @Test
    void aDivergentStepSizeIsReportedWithItsStep() {
        double[] theta0 = {1.0, 0.0, 0.5, -1.0};
        Trajectory stable = new DiscreteEngine().run(new Experiment("ok", SecondOrderEngineTest.quadratic(), theta0,
                new Method.GradientDescent(0.45, 2000), 900, 9, Map.of(), false, List.of()), ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, stable.status(), stable.message());
        Trajectory tr = new DiscreteEngine().run(new Experiment("big-step", SecondOrderEngineTest.quadratic(), theta0,
                new Method.GradientDescent(0.55, 100_000), 55_000, 5, Map.of(), false, List.of()), ProgressListener.NONE);
        assertEquals(RunStatus.DIVERGED, tr.status());
        assertTrue(tr.message().matches("diverged at step \\d+ .*"), tr.message());
        assertTrue(tr.size() >= 1 && tr.tReached() < 55_000);
    }

    @Test
    void heavyBallWithZeroMomentumIsGradientDescent() {
        Problem p = RandomProblems.finite(9, Loss.LOGISTIC, true);
        double[] theta0 = RandomProblems.gaussianTheta(p, 10, 0.5);
        Trajectory gd = new DiscreteEngine().run(new Experiment("gd", p, theta0, new Method.GradientDescent(0.1, 100), 10, 1,
                Map.of(), false, List.of()), ProgressListener.NONE);
        Trajectory hb = new DiscreteEngine().run(new Experiment("hb", p, theta0, new Method.HeavyBall(0.1, 0.0, 100), 10, 1,
                Map.of(), false, List.of()), ProgressListener.NONE);
        org.junit.jupiter.api.Assertions.assertArrayEquals(gd.finalTheta(), hb.finalTheta(), 0.0);
    }

    /**
     * Nesterov with the vanishing schedule on f(w) = lambda (w - y)^2 / 2 in the two-sequence form of Su, Boyd and
     * Candes: x_k = y_{k-1} - eta f'(y_{k-1}), y_k = x_k + (k-1)/(k+r-1) (x_k - x_{k-1}), computed here directly.
     */
    @Test
    void nesterovVanishingMomentumMatchesTheTwoSequenceForm() {
        double[] theta0 = {1.0, 0.0, 0.5, -1.0};
        double eta = 0.1, r = 3;
        int steps = 60;
        Trajectory tr = new DiscreteEngine().run(new Experiment("nag", SecondOrderEngineTest.quadratic(), theta0,
                new Method.Nesterov(eta, new Method.Momentum.Vanishing(r), steps), steps * eta, eta, Map.of(), false, List.of()),
                ProgressListener.NONE);
        for (int i = 0; i < 3; i++) {
            double lam = SecondOrderEngineTest.LAMBDA[i], target = SecondOrderEngineTest.Y[i];
            double x = theta0[1 + i], y = x;
            for (int k = 1; k <= steps; k++) {
                double xNew = y - eta * lam * (y - target);
                y = xNew + (k - 1.0) / (k + r - 1.0) * (xNew - x);
                x = xNew;
            }
            assertEquals(x, tr.finalTheta()[1 + i], 1e-12, "mode " + i);
        }
    }
}
