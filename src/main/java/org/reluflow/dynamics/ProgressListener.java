package org.reluflow.dynamics;

/** Receives the fraction of the horizon done, in [0, 1]; called at most a few hundred times per run. */
@FunctionalInterface
public interface ProgressListener {
    void progress(double fraction);

    ProgressListener NONE = f -> { };
}
