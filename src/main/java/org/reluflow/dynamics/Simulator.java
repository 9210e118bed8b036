package org.reluflow.dynamics;

import org.reluflow.model.Experiment;
import org.reluflow.model.Method;

/** Picks the engine for an experiment's method. */
public final class Simulator {
    private Simulator() {}

    public static Engine engineFor(Method method) {
        if (method instanceof Method.GradientFlow) return new GradientFlowEngine();
        if (method instanceof Method.HeavyBallOde || method instanceof Method.NesterovOde) return new SecondOrderEngine();
        return new DiscreteEngine();
    }

    public static Trajectory run(Experiment experiment, ProgressListener progress) {
        return engineFor(experiment.method()).run(experiment, progress);
    }
}
