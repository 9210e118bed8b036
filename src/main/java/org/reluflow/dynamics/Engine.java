package org.reluflow.dynamics;

import org.reluflow.model.Experiment;

/** Runs one experiment numerically. Engines never throw for numerical trouble: they return a status. */
public interface Engine {
    Trajectory run(Experiment experiment, ProgressListener progress);
}
