package org.reluflow.interval;

import java.util.Optional;

/**
 * Outcome of a rigorous linear-algebra routine: either an enclosure, or the reason none could be certified.
 * The routines never throw on numerical trouble (singular pivots, non-finite data).
 *
 * @param <T> the enclosure type ({@link IntervalVector} or {@link IntervalMatrix})
 */
public sealed interface LinearResult<T> permits LinearResult.Enclosed, LinearResult.Failed {

    /** The enclosure contains the exact result for every point datum in the (interval) input. */
    record Enclosed<T>(T value) implements LinearResult<T> {
    }

    /** No enclosure could be certified; {@code reason} says why. */
    record Failed<T>(String reason) implements LinearResult<T> {
    }

    /** The enclosure, if one was certified. */
    default Optional<T> toOptional() {
        return this instanceof Enclosed<T> e ? Optional.of(e.value()) : Optional.empty();
    }
}
