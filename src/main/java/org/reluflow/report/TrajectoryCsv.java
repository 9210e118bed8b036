package org.reluflow.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.observe.Observation;

/** trajectory.csv: t, loss, max balancedness drift, active pairs, then every parameter by name. */
public final class TrajectoryCsv {
    private TrajectoryCsv() {}

    public static void write(Path file, Experiment e, Trajectory tr, Observation obs) throws IOException {
        List<String> names = e.problem().layout().names();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.print("t,loss,max_balancedness_drift,active_pairs");
            for (String n : names) out.print("," + n);
            out.println();
            for (int k = 0; k < tr.size(); k++) {
                StringBuilder sb = new StringBuilder();
                sb.append(obs.times()[k]).append(',').append(obs.loss()[k]).append(',').append(obs.maxDrift()[k])
                        .append(',').append(obs.activePairs()[k]);
                for (double v : tr.thetas().get(k)) sb.append(',').append(v);
                out.println(sb);
            }
        }
    }
}
