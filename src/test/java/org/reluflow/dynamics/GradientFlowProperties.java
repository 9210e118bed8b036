package org.reluflow.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.reluflow.RandomProblems;
import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Experiment;
import org.reluflow.model.Loss;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * Gradient flow on random small networks, many of which slide: balancedness is conserved and the loss never
 * increases. The share of sliding cases is checked at the end, so that the sliding code is known to be exercised.
 */
class GradientFlowProperties {

    static final AtomicInteger RUNS = new AtomicInteger(), SLIDING = new AtomicInteger();

    @Property(tries = 120, seed = "7")
    void balancednessIsConservedAndLossDecreases(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                 @ForAll @IntRange(min = 0, max = 2) int lossIndex) {
        Loss loss = new Loss[] {Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC}[lossIndex];
        Problem p = RandomProblems.finite(seed, loss, true);
        double[] theta0 = RandomProblems.gaussianTheta(p, seed ^ 0x5eed, 1.0);
        Experiment e = RandomProblems.flow(p, theta0, 5.0, 1e-12, 1e-14);
        Trajectory tr = new GradientFlowEngine().run(e, ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
        RUNS.incrementAndGet();
        if (tr.events().stream().anyMatch(ev -> ev.to().equals("slide"))) SLIDING.incrementAndGet();

        ParameterLayout layout = p.layout();
        Objective obj = Objectives.of(p);
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 0; k < tr.size(); k++) {
            double[] theta = tr.thetas().get(k);
            for (int j = 0; j < layout.width(); j++) {
                double b0 = layout.balancedness(theta0, j), bt = layout.balancedness(theta, j);
                assertEquals(b0, bt, 1e-8 * Math.max(1, Math.abs(b0)), "neuron " + j + " at t = " + tr.times().get(k));
            }
            double l = obj.value(theta);
            assertTrue(l <= previous + 1e-9 * (1 + Math.abs(previous)), "loss rose from " + previous + " to " + l + " at t = " + tr.times().get(k));
            previous = l;
        }
    }

    @AfterContainer
    static void aReasonableShareOfTheRandomNetworksSlid() {
        System.out.println("gradient flow properties: " + SLIDING.get() + " of " + RUNS.get() + " random networks slid");
        assertTrue(RUNS.get() >= 100, "only " + RUNS.get() + " runs");
        assertTrue(SLIDING.get() >= RUNS.get() / 10, "only " + SLIDING.get() + " of " + RUNS.get() + " runs slid");
    }
}
