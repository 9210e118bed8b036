package org.reluflow.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reluflow.dynamics.RunStatus;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/** Observables on a hand-made two-sample trajectory whose values can be worked out by hand. */
class ObserverTest {

    @Test
    void handComputedObservables() {
        Problem p = new Problem(new Architecture(2, 2, false, false, OutputScale.ONE, true, Activation.relu()),
                new FiniteDataset(new double[][] {{1, 0}, {0, 1}}, new double[] {1, -1}, new double[] {0.5, 0.5}), Loss.EXPONENTIAL);
        // theta = a1, a2, w1 = (w11, w12), w2 = (w21, w22)
        double[] t0 = {1, -1, 1, 0, 0, 1};
        double[] t1 = {2, -1, 1, 1, -1, 0.5};
        Experiment e = new Experiment("hand", p, t0, new Method.GradientFlow(1e-10, 1e-12, 10), 1, 1,
                Map.of("e1", new double[] {1, 0}), false, List.of());
        Trajectory tr = new Trajectory(List.of(0.0, 1.0), List.of(t0, t1), List.of(), RunStatus.COMPLETED, 1, 1, 1, "hand");
        Observation o = Observer.observe(e, tr);
        // balancedness: neuron 1: 1 - 1 = 0 -> 4 - 2 = 2; neuron 2: 1 - 1 = 0 -> 1 - 1.25 = -0.25
        assertEquals(2.0, o.maxDrift()[1], 1e-15);
        // t1: z = [[1, -1], [1, 0.5]]: active pairs (0,0), (1,0), (1,1)
        assertEquals(3, o.activePairs()[1]);
        assertEquals(2, o.distinctPatterns()[1]); // neuron 1 "11", neuron 2 "01"
        assertEquals(1 / Math.sqrt(2), o.cosines().get("e1")[1][0], 1e-15);
        // f(x1) = 2*1 - 1*0 = 2, f(x2) = 2*1 - 1*0.5 = 1.5: margin min(2, -1.5) = -1.5
        assertEquals(-1.5, o.margin()[1], 1e-15);
        assertEquals(0.5 * Math.exp(-2) + 0.5 * Math.exp(1.5), o.loss()[1], 1e-15);
        assertTrue(o.plateaus().isEmpty());
    }
}
