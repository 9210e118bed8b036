package org.reluflow.dynamics;

import java.util.ArrayList;
import java.util.List;

/** Collects samples at t = 0, every {@code interval}, and at the end; shared by every engine. */
final class Recorder {
    private final double interval;
    private final double horizon;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> thetas = new ArrayList<>();
    private final List<SwitchEvent> events = new ArrayList<>();
    private final ProgressListener progress;
    private double nextRecord;
    private double nextProgress;

    Recorder(double interval, double horizon, ProgressListener progress) {
        this.interval = interval;
        this.horizon = horizon;
        this.progress = progress;
    }

    /** The next time at which a sample is due. */
    double nextDue() { return nextRecord; }

    void record(double t, double[] theta) {
        if (!times.isEmpty() && t <= times.get(times.size() - 1)) return;
        times.add(t);
        thetas.add(theta.clone());
        while (nextRecord <= t + 1e-12 * Math.max(1, Math.abs(t))) nextRecord += interval;
    }

    void event(SwitchEvent e) { events.add(e); }

    int eventCount() { return events.size(); }

    void progress(double t) {
        if (t >= nextProgress) {
            progress.progress(Math.min(1, t / horizon));
            nextProgress = t + horizon / 200;
        }
    }

    double lastTime() { return times.isEmpty() ? Double.NaN : times.get(times.size() - 1); }

    Trajectory finish(RunStatus status, double tReached, double[] finalTheta, long steps, long evaluations, String message) {
        if (finalTheta != null) record(tReached, finalTheta);
        progress.progress(1.0);
        return new Trajectory(times, thetas, events, status, tReached, steps, evaluations, message);
    }
}
