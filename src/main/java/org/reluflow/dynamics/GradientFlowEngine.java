package org.reluflow.dynamics;

import org.reluflow.model.Experiment;

/** Placeholder until the engine lands. */
public final class GradientFlowEngine implements Engine {
    @Override public Trajectory run(Experiment experiment, ProgressListener progress) {
        throw new UnsupportedOperationException("GradientFlowEngine is not built yet");
    }
}
