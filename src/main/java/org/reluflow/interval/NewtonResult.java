package org.reluflow.interval;

import java.util.List;

/** Outcome of {@link IntervalNewton#solve}: a certificate, or an honest "undecided". */
public sealed interface NewtonResult
        permits NewtonResult.UniqueRoot, NewtonResult.NoRoot, NewtonResult.Undecided {

    /** Proven: the starting interval contains exactly one root, and it lies in {@code enclosure}. */
    record UniqueRoot(Interval enclosure, int iterations) implements NewtonResult {
    }

    /** Proven: the starting interval contains no root. */
    record NoRoot(String reason) implements NewtonResult {
    }

    /**
     * Nothing proven; every root in the starting interval lies in one of the disjoint {@code candidates}
     * (in increasing order; retry on each, bisecting if needed, to decide).
     */
    record Undecided(List<Interval> candidates, String reason) implements NewtonResult {
        public Undecided {
            candidates = List.copyOf(candidates);
        }
    }
}
