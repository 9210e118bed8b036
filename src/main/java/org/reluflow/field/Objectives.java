package org.reluflow.field;

import org.reluflow.model.FiniteDataset;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.Problem;

/** Picks the numeric objective that fits a problem's data. */
public final class Objectives {
    private Objectives() {}

    public static Objective of(Problem problem) {
        if (problem.data() instanceof IntervalTarget) return new IntervalObjective(problem);
        if (problem.data() instanceof FiniteDataset) return new NetworkObjective(problem);
        throw new IllegalArgumentException("no objective for " + problem.data().getClass().getSimpleName());
    }
}
