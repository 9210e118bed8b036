package org.reluflow.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reluflow.field.NetworkObjective;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;
import org.reluflow.spec.Examples;
import org.reluflow.spec.SpecException;

class GradientFlowClosedFormTest {

    /**
     * One neuron with a fixed output weight a, one sample x with bias, square loss L = (a relu(z) - y)^2 / 2 with
     * z = w x + b. While active, z' = x w' + b' = -a^2 (x^2 + 1) (z - y/a), so z(t) = y/a + (z0 - y/a) e^{-kt} with
     * k = a^2 (x^2 + 1); for y/a &lt; 0 it reaches the surface at t* = ln((z0 - y/a) / (-y/a)) / k. Below the surface
     * the field is zero in the normal direction, so the pair must stop there (frozen), not cross.
     */
    @Test
    void switchTimeMatchesTheClosedForm() {
        double a = 1.5, x = 0.8, y = -0.6, w0 = 0.9, b0 = 0.3;
        Problem p = new Problem(new Architecture(1, 1, true, false, OutputScale.ONE, false, Activation.relu()),
                new FiniteDataset(new double[][] {{x}}, new double[] {y}, new double[] {1}), Loss.SQUARE);
        double[] theta0 = {a, w0, b0};
        double z0 = w0 * x + b0, k = a * a * (x * x + 1), target = y / a;
        double tStar = Math.log((z0 - target) / -target) / k;
        Experiment e = new Experiment("switch", p, theta0, new Method.GradientFlow(1e-12, 1e-14, 100), 3.0, 0.01, Map.of(), false, List.of());
        Trajectory tr = new GradientFlowEngine().run(e, ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
        assertEquals(1, tr.events().size(), tr.events().toString());
        SwitchEvent ev = tr.events().get(0);
        assertEquals("on", ev.from());
        assertEquals("slide", ev.to()); // frozen on the surface: the inactive side's field is tangent
        assertEquals(tStar, ev.t(), 1e-9);
        // after the switch the pre-activation stays on the surface
        NetworkObjective obj = new NetworkObjective(p);
        double[][] z = new double[1][1];
        for (int i = 0; i < tr.size(); i++) {
            if (tr.times().get(i) <= tStar) continue;
            obj.preactivations(tr.thetas().get(i), z);
            assertEquals(0.0, z[0][0], 1e-12, "t = " + tr.times().get(i));
        }
    }

    /** Saxe et al.: u(t) = s e^{2st} / (e^{2st} - 1 + s/u0) for the balanced, aligned linear network. */
    @Test
    void saxeLinearNetworkFollowsItsClosedForm() throws SpecException {
        Experiment e = Examples.load("saxe-linear");
        Trajectory tr = new GradientFlowEngine().run(e, ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
        double[] ystar = {2.4, 1.8, 0};
        double s = 3.0;
        double[] t0 = e.theta0();
        double u0 = t0[0] * (t0[1] * ystar[0] + t0[2] * ystar[1]) / s;
        assertTrue(tr.size() > 100);
        for (int k = 0; k < tr.size(); k++) {
            double t = tr.times().get(k);
            double[] th = tr.thetas().get(k);
            double u = th[0] * (th[1] * ystar[0] + th[2] * ystar[1] + th[3] * ystar[2]) / s;
            double expected = s * Math.exp(2 * s * t) / (Math.exp(2 * s * t) - 1 + s / u0);
            assertEquals(expected, u, 1e-8 * expected, "t = " + t);
        }
    }

    /** Orthogonal inputs with sigma'(0) = 0: a coordinate that reaches 0 stays exactly there. */
    @Test
    void frozenCoordinatesOfOrthogonalDataStayFrozen() throws SpecException {
        Experiment e = Examples.load("boursier-orthogonal");
        Trajectory tr = new GradientFlowEngine().run(e, ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
        NetworkObjective obj = new NetworkObjective(e.problem());
        int m = e.problem().architecture().width(), n = obj.samples();
        double[][] z = new double[n][m];
        int frozen = 0;
        for (SwitchEvent ev : tr.events()) {
            assertEquals("on", ev.from(), "activation sets can only shrink: " + ev);
            if (!ev.to().equals("slide")) continue;
            frozen++;
            for (int k = 0; k < tr.size(); k++) {
                if (tr.times().get(k) <= ev.t()) continue;
                obj.preactivations(tr.thetas().get(k), z);
                assertEquals(0.0, z[ev.sample()][ev.neuron()], 1e-14, ev + " at t = " + tr.times().get(k));
            }
        }
        assertTrue(frozen >= 10, "only " + frozen + " frozen coordinates");
    }

    /** Without the Filippov mode, stop-and-restart chatters on a sliding instance: the ablation must hit its cap. */
    @Test
    void naiveStopAndRestartChattersWhereFilippovSlides() throws SpecException {
        Experiment base = Examples.load("wang-ma-two-point");
        Experiment capped = new Experiment("naive", base.problem(), base.theta0(), new Method.GradientFlow(1e-10, 1e-14, 400),
                40, 0.5, Map.of(), false, List.of());
        Trajectory filippov = new GradientFlowEngine(true).run(capped, ProgressListener.NONE);
        Trajectory naive = new GradientFlowEngine(false).run(capped, ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, filippov.status(), filippov.message());
        assertTrue(filippov.events().size() < 40, filippov.events().size() + " events with sliding");
        assertEquals(RunStatus.EVENT_LIMIT, naive.status(), "naive switching did not chatter: " + naive.events().size());
        assertTrue(naive.tReached() < 40);
    }

    @Test
    void eventLimitStopsWithTheTrajectorySoFar() throws SpecException {
        Experiment base = Examples.load("wang-ma-two-point");
        Experiment capped = new Experiment("cap", base.problem(), base.theta0(), new Method.GradientFlow(1e-10, 1e-14, 3),
                300, 0.5, Map.of(), false, List.of());
        Trajectory tr = new GradientFlowEngine().run(capped, ProgressListener.NONE);
        assertEquals(RunStatus.EVENT_LIMIT, tr.status());
        assertEquals(3, tr.events().size());
        assertTrue(tr.tReached() > 0 && tr.tReached() < 300);
        assertEquals(tr.tReached(), tr.times().get(tr.size() - 1), 1e-12);
    }
}
