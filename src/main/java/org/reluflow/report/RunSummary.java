package org.reluflow.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reluflow.dynamics.RunStatus;
import org.reluflow.dynamics.SwitchEvent;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.observe.Observation;
import org.reluflow.observe.Plateau;

/** What summary.json says about a run (snake_case in JSON). */
public record RunSummary(String name, String method, String status, String message, double horizon, double tReached,
                         double initialLoss, double finalLoss, long steps, long gradientEvaluations, int switchEvents,
                         int slidingEpisodes, List<SwitchEvent> events, boolean eventsTruncated, List<Plateau> plateaus,
                         double invariantDrift, Double finalMargin, Double finalNormalizedMargin,
                         List<NtkSample> ntkEigenvalues, double seconds, Map<String, String> files) {

    /** NTK Gram eigenvalues (increasing) at time t. */
    public record NtkSample(double t, double[] eigenvalues) {}

    /** At most this many events are listed in the summary (all are counted). */
    public static final int MAX_LISTED_EVENTS = 2000;

    public static RunSummary of(Experiment e, Trajectory tr, Observation obs, double seconds, Map<String, String> files) {
        List<SwitchEvent> ev = tr.events();
        int slides = 0;
        for (SwitchEvent s : ev) if (s.to().equals("slide")) slides++;
        List<SwitchEvent> listed = new ArrayList<>(ev.subList(0, Math.min(ev.size(), MAX_LISTED_EVENTS)));
        Double margin = obs.margin() == null ? null : obs.margin()[obs.size() - 1];
        Double nmargin = obs.normalizedMargin() == null ? null : obs.normalizedMargin()[obs.size() - 1];
        List<NtkSample> ntk = new ArrayList<>();
        obs.ntkEigenvalues().forEach((t, ev2) -> ntk.add(new NtkSample(t, ev2)));
        return new RunSummary(e.name(), e.method().specName(), tr.status().name(), tr.message(), e.horizon(), tr.tReached(),
                obs.loss()[0], obs.finalLoss(), tr.steps(), tr.evaluations(), ev.size(), slides, listed,
                ev.size() > MAX_LISTED_EVENTS, obs.plateaus(), obs.invariantDrift(), margin, nmargin, ntk, seconds, files);
    }

    public boolean completed() { return status.equals(RunStatus.COMPLETED.name()); }
}
