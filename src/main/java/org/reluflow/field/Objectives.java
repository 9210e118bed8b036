package org.reluflow.field;

import org.reluflow.model.FiniteDataset;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.Problem;

/** Picks the numeric objective that fits a problem's data. */
public final class Objectives {
    private Objectives() {}

    /** Above this many multiply-adds per forward pass (n m d), {@link #fast} uses BLAS. */
    public static final long DENSE_THRESHOLD = 200_000;

    /**
     * The objective for engines that only need values and gradients (discrete methods, limiting ODEs): the BLAS
     * kernel for wide networks on finite data, else {@link #of}.
     */
    public static Objective fast(Problem problem) {
        if (problem.data() instanceof FiniteDataset f
                && (long) f.size() * problem.architecture().width() * problem.architecture().inputDim() >= DENSE_THRESHOLD)
            return new DenseNetworkObjective(problem);
        return of(problem);
    }

    public static Objective of(Problem problem) {
        if (problem.data() instanceof IntervalTarget) return new IntervalObjective(problem);
        if (problem.data() instanceof FiniteDataset) return new NetworkObjective(problem);
        throw new IllegalArgumentException("no objective for " + problem.data().getClass().getSimpleName());
    }
}
