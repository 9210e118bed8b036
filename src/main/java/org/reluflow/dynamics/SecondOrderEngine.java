package org.reluflow.dynamics;

import org.reluflow.model.Experiment;

/** Placeholder until the engine lands. */
public final class SecondOrderEngine implements Engine {
    @Override public Trajectory run(Experiment experiment, ProgressListener progress) {
        throw new UnsupportedOperationException("SecondOrderEngine is not built yet");
    }
}
