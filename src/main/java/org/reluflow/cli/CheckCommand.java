package org.reluflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.report.RunReport;
import org.reluflow.report.RunSummary;
import org.reluflow.spec.Examples;
import org.reluflow.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the checks and print a table. Until the claim catalog exists, this runs every built-in "
                + "example end to end and writes its outputs under reports/examples/<name>.",
                "Exit codes: 0 every example completed, 1 one did not."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the outputs go (default: reports/examples).")
    Path out = Path.of("reports", "examples");

    @Option(names = "--no-progress", description = "No progress bar.") boolean noProgress;

    @Override public Integer call() throws Exception {
        List<RunSummary> rows = new ArrayList<>();
        boolean allCompleted = true;
        SimulateCommand.checkWritable(out);
        if (!json) System.out.printf("%-22s %-15s %-10s %12s %10s %8s %12s %8s %8s%n",
                "example", "method", "status", "final loss", "reduction", "events", "drift", "plateaus", "seconds");
        for (String name : Examples.names()) {
            Experiment e = Examples.load(name);
            long t0 = System.nanoTime();
            Trajectory tr = Simulator.run(e, new ProgressBar(name, !noProgress && !json));
            RunSummary s = RunReport.write(out.resolve(name), e, tr, (System.nanoTime() - t0) / 1e9);
            rows.add(s);
            allCompleted &= s.completed();
            if (!json) System.out.printf("%-22s %-15s %-10s %12.4e %10.3g %8d %12.3e %8d %8.2f%n", name, s.method(), s.status(),
                    s.finalLoss(), s.initialLoss() / s.finalLoss(), s.switchEvents(), s.invariantDrift(), s.plateaus().size(), s.seconds());
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("examples", rows);
            o.put("all_completed", allCompleted);
            System.out.println(SpecLoader.json().writeValueAsString(o));
        } else {
            System.out.println();
            System.out.println("Outputs (summary.json, trajectory.csv, plots) under " + out
                    + ". The claim catalog (verdicts per paper) is not built yet.");
        }
        return allCompleted ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }
}
