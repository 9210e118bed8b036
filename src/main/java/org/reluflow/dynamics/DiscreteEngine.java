package org.reluflow.dynamics;

import org.reluflow.model.Experiment;

/** Placeholder until the engine lands. */
public final class DiscreteEngine implements Engine {
    @Override public Trajectory run(Experiment experiment, ProgressListener progress) {
        throw new UnsupportedOperationException("DiscreteEngine is not built yet");
    }
}
