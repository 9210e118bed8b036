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
        Trajectory tr = Simulator.run(e, ProgressListener.NONE);
        assertEquals(RunStatus.COMPLETED, tr.status(), tr.message());
        assertEquals(e.horizon(), tr.tReached(), 1e-9 * e.horizon());
    }
}
