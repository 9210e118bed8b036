package org.reluflow.validated;

import java.util.List;
import org.reluflow.interval.IntervalVector;

/**
 * The result of a validated integration: if {@code status} is VALID, every solution starting in the initial set is
 * in {@code box} at time {@code t} and in {@code hull} over [t0, t]. If VALIDATION_FAILED, the same holds for the
 * time reached, and {@code reason} says why the run stopped.
 *
 * @param steps          validated steps taken (Taylor, bridging and convex-hull steps)
 * @param hullSteps      how many of them were convex-hull (differential inclusion) steps
 * @param maxCrossingWidth widest crossing-time enclosure among the events (0 if none)
 * @param seconds        time spent integrating, inside the process
 */
public record Enclosure(EnclosureStatus status, String reason, double t, IntervalVector box, IntervalVector hull,
                        int steps, int hullSteps, List<GuardEvent> events, double maxCrossingWidth, double seconds) {

    public Enclosure {
        events = List.copyOf(events);
    }

    public boolean isValid() { return status == EnclosureStatus.VALID; }
}
