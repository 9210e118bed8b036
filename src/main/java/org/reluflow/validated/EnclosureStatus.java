package org.reluflow.validated;

/** Outcome of a validated run. */
public enum EnclosureStatus {
    /** Every enclosure up to the time reached is certified; the time reached is the requested horizon. */
    VALID,
    /**
     * Validation could not go on (step too small, grazing, too wide, non-finite values); the enclosure returned is
     * the last one that was certified, at the time reached.
     */
    VALIDATION_FAILED
}
