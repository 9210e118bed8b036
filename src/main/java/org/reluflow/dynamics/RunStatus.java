package org.reluflow.dynamics;

/** How a numeric run ended. Anything but COMPLETED keeps the trajectory recorded up to the stop. */
public enum RunStatus {
    /** Reached the horizon. */
    COMPLETED,
    /** A parameter or the loss became NaN or infinite (a divergent step size, or a blow-up). */
    DIVERGED,
    /** Too many activation switches (see optimizer.max_events). */
    EVENT_LIMIT,
    /** The integrator could not go on (step size underflow, stalled event location, ...). */
    INTEGRATION_FAILED
}
