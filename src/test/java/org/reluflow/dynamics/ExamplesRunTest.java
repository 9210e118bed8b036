package org.reluflow.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reluflow.model.Experiment;
import org.reluflow.spec.Examples;
import org.reluflow.spec.SpecException;

class ExamplesRunTest {
    static java.util.List<String> examples() { return Examples.names(); }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleRunsToItsHorizon(String name) throws SpecException {
        Experiment e = Examples.load(name);
        long t0 = System.nanoTime();
        Trajectory tr = Simulator.run(e, ProgressListener.NONE);
        System.out.printf("%s: %s t=%.3f steps=%d evals=%d events=%d %.2fs %s%n", name, tr.status(), tr.tReached(), tr.steps(),
                tr.evaluations(), tr.events().size(), (System.nanoTime() - t0) / 1e9, tr.message());
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
    }
}
