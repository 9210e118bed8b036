package org.reluflow.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.hipparchus.special.BesselJ;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/**
 * The limiting ODEs on a quadratic objective with known spectrum: a linear network f(x) = &lt;w, x&gt; with the output
 * weight fixed at 1, inputs e_1, e_2, e_3 weighted by lambda_i. Then L = sum lambda_i (w_i - y_i)^2 / 2, so each
 * error e_i = w_i - y_i obeys the scalar ODE of the method, whose closed form is known.
 */
class SecondOrderEngineTest {

    static final double[] LAMBDA = {0.25, 1.0, 4.0}, Y = {1.0, -2.0, 0.5}, W0 = {0.0, 0.5, -1.0};

    static Problem quadratic() {
        double[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        return new Problem(new Architecture(1, 3, false, false, OutputScale.ONE, false, Activation.linear()),
                new FiniteDataset(x, Y, LAMBDA), Loss.SQUARE);
    }

    private static Trajectory run(Method method, double horizon) {
        double[] theta0 = {1.0, W0[0], W0[1], W0[2]};
        return new SecondOrderEngine().run(new Experiment("quad", quadratic(), theta0, method, horizon, horizon / 40,
                Map.of(), false, List.of()), ProgressListener.NONE);
    }

    /** e'' + gamma e' + lambda e = 0, e(0) = e0, e'(0) = 0: under-, critically and over-damped modes. */
    @ParameterizedTest
    @CsvSource({"0.5", "2.0", "5.0"})
    void heavyBallOdeFollowsTheDampedOscillator(double gamma) {
        Trajectory tr = run(new Method.HeavyBallOde(gamma, 1e-12, 1e-14), 12);
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
        for (int k = 0; k < tr.size(); k++) {
            double t = tr.times().get(k);
            for (int i = 0; i < 3; i++) {
                double e0 = W0[i] - Y[i], lam = LAMBDA[i], disc = gamma * gamma - 4 * lam, expected;
                if (Math.abs(disc) < 1e-12) expected = e0 * Math.exp(-gamma * t / 2) * (1 + gamma * t / 2);
                else if (disc < 0) {
                    double om = Math.sqrt(-disc) / 2;
                    expected = e0 * Math.exp(-gamma * t / 2) * (Math.cos(om * t) + gamma / (2 * om) * Math.sin(om * t));
                } else {
                    double sp = (-gamma + Math.sqrt(disc)) / 2, sm = (-gamma - Math.sqrt(disc)) / 2;
                    expected = e0 * (sp * Math.exp(sm * t) - sm * Math.exp(sp * t)) / (sp - sm);
                }
                double e = tr.thetas().get(k)[1 + i] - Y[i];
                assertEquals(expected, e, 1e-8, "mode " + i + " at t = " + t);
            }
        }
    }

    /** e'' + (r/t) e' + lambda e = 0: e(t) = e0 Gamma((r+1)/2) (2/(sqrt(lambda) t))^((r-1)/2) J_{(r-1)/2}(sqrt(lambda) t). */
    @ParameterizedTest
    @CsvSource({"2", "3", "6"})
    void nesterovOdeFollowsTheBesselSolution(double r) {
        Trajectory tr = run(new Method.NesterovOde(r, 1e-12, 1e-14), 15);
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
        double nu = (r - 1) / 2;
        for (int k = 1; k < tr.size(); k++) {
            double t = tr.times().get(k);
            for (int i = 0; i < 3; i++) {
                double e0 = W0[i] - Y[i], q = Math.sqrt(LAMBDA[i]) * t;
                double expected = e0 * Math.exp(Gamma.logGamma(nu + 1)) * Math.pow(2 / q, nu) * BesselJ.value(nu, q);
                double e = tr.thetas().get(k)[1 + i] - Y[i];
                assertEquals(expected, e, 1e-7, "mode " + i + " at t = " + t);
            }
        }
    }
}
