package org.reluflow.interval;

/** Outcome of {@link Krawczyk#solve}: a certificate, or an honest "undecided". */
public sealed interface KrawczykResult
        permits KrawczykResult.UniqueZero, KrawczykResult.NoZero, KrawczykResult.Undecided {

    /** Proven: the starting box contains exactly one zero of F, and it lies in {@code enclosure}. */
    record UniqueZero(IntervalVector enclosure, int iterations) implements KrawczykResult {
    }

    /** Proven: the starting box contains no zero of F. */
    record NoZero(String reason) implements KrawczykResult {
    }

    /** Nothing proven; every zero in the starting box lies in {@code narrowed}. */
    record Undecided(IntervalVector narrowed, String reason) implements KrawczykResult {
    }
}
