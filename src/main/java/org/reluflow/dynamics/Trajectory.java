package org.reluflow.dynamics;

import java.util.List;

/**
 * The recorded run: parameter vectors at increasing times (the first at t = 0, the last at {@link #tReached}),
 * the activation switches in time order, and how the run ended.
 *
 * @param times       recording times (for discrete methods t = k * eta, or k * sqrt(eta) for heavy ball's ODE scaling as documented by the engine)
 * @param thetas      parameters at those times
 * @param steps       integrator steps or optimizer iterations taken
 * @param evaluations gradient evaluations
 * @param message     human-readable detail of the status (where and why a run stopped)
 */
public record Trajectory(List<Double> times, List<double[]> thetas, List<SwitchEvent> events, RunStatus status,
                         double tReached, long steps, long evaluations, String message) {
    public Trajectory {
        if (times.size() != thetas.size()) throw new IllegalArgumentException("times and thetas differ in length");
        times = List.copyOf(times);
        thetas = List.copyOf(thetas);
        events = List.copyOf(events);
    }

    public double[] finalTheta() { return thetas.get(thetas.size() - 1).clone(); }

    public int size() { return times.size(); }
}
