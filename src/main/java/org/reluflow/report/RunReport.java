package org.reluflow.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.observe.Observation;
import org.reluflow.observe.Observer;
import org.reluflow.spec.SpecLoader;

/** Writes a run's outputs into a directory: trajectory.csv, loss.png, directions.png, balancedness.png, summary.json. */
public final class RunReport {
    private RunReport() {}

    /**
     * Writes everything it can; summary.json is written last so that its list of files is true. Plots are skipped
     * (and said so in the summary) when there are fewer than two recorded samples.
     */
    public static RunSummary write(Path dir, Experiment e, Trajectory tr, double seconds) throws IOException {
        Files.createDirectories(dir);
        Observation obs = Observer.observe(e, tr);
        Map<String, String> files = new LinkedHashMap<>();
        Path csv = dir.resolve("trajectory.csv");
        TrajectoryCsv.write(csv, e, tr, obs);
        files.put("trajectory", csv.toString());
        if (obs.size() >= 2) {
            Path loss = dir.resolve("loss.png"), directions = dir.resolve("directions.png"), bal = dir.resolve("balancedness.png");
            Plots.loss(loss, e, tr, obs);
            Plots.directions(directions, e, obs);
            Plots.balancedness(bal, e, obs);
            files.put("loss_plot", loss.toString());
            files.put("directions_plot", directions.toString());
            files.put("balancedness_plot", bal.toString());
        }
        Path summaryFile = dir.resolve("summary.json");
        files.put("summary", summaryFile.toString());
        RunSummary summary = RunSummary.of(e, tr, obs, seconds, files);
        SpecLoader.json().writerWithDefaultPrettyPrinter().writeValue(summaryFile.toFile(), summary);
        return summary;
    }
}
