package org.reluflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reluflow.dynamics.RunStatus;
import org.reluflow.model.Experiment;
import org.reluflow.report.SweepReport;
import org.reluflow.spec.SpecLoader;
import org.reluflow.sweep.Axis;
import org.reluflow.sweep.Metric;
import org.reluflow.sweep.Outcome;
import org.reluflow.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a spec over a grid of one or two of its parameters and draw the phase diagram: "
                + "sweep.csv (a row per grid point: status, final loss, plateaus, first escape time, switches, "
                + "balancedness drift, margin), sweep.png (the chosen metric against one parameter, or a heat map "
                + "over two) and sweep.json.",
                "Example: reluflow sweep spec.yaml --param init.scale=1e-5:1e-1:9:log --param data.labels.1=0.1:0.9:5",
                "Exit codes: 0 the sweep ran (runs that diverged are data, counted on stderr), 2 bad input."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml", description = "The experiment spec (see 'reluflow example').") Path spec;

    @Option(names = "--param", paramLabel = "KEY=VALUES", required = true,
            description = {"A swept key (once or twice): a dotted path into the spec, list entries by index from 0, "
                    + "and its values as v1,v2,... or lo:hi:n (evenly spaced) or lo:hi:n:log (geometric)."})
    List<String> params = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "final_loss",
            description = {"What the phase diagram shows (default ${DEFAULT-VALUE}): final_loss, escape_time, plateaus, "
                    + "switches, balancedness_drift, margin, t_reached or completed. Loss and drift are drawn as log10."})
    String metric;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>-sweep).") Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs at once (default: the number of processors, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "Print sweep.json's content as one JSON object on stdout.") boolean json;

    @Option(names = "--no-progress", description = "No progress bar (it is off anyway when stderr is not a terminal).")
    boolean noProgress;

    @Override public Integer call() throws Exception {
        if (threads < 1) throw new UserError("--threads must be at least 1, got " + threads);
        List<Axis> axes = new ArrayList<>();
        Metric m;
        try {
            for (String p : params) axes.add(Axis.parse(p));
            m = Metric.of(metric);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (axes.size() > 2) throw new UserError("--param: a sweep takes one or two parameters, got " + axes.size());
        Sweep sweep = Sweep.plan(SpecLoader.readTree(spec), spec.toAbsolutePath().getParent(), axes);
        Experiment first = sweep.experiment(sweep.points().get(0));
        String name = first.name();
        Path dir = out != null ? out : Path.of("out", name + "-sweep");
        SimulateCommand.checkWritable(dir);
        long t0 = System.nanoTime();
        List<Outcome> outcomes = sweep.run(new ProgressBar(name + " sweep (" + sweep.points().size() + " runs)", !noProgress), threads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        SweepReport.Summary s;
        try {
            s = SweepReport.write(dir, name, first.method().specName(), axes, outcomes, m, seconds);
        } catch (IOException ex) {
            throw new UserError("cannot write the outputs to " + dir + ": " + ex.getMessage());
        }
        if (json) System.out.println(SpecLoader.json().writeValueAsString(s));
        else print(s, axes, outcomes, m);
        int stopped = s.points() - s.completed();
        if (stopped > 0)
            System.err.println("reluflow: " + stopped + " of " + s.points() + " runs stopped early (see the status and "
                    + "message columns of " + dir.resolve("sweep.csv") + ")");
        return Main.EXIT_OK;
    }

    /** Grid points up to this many are listed one per line; beyond, only the files. */
    private static final int LISTED = 40;

    private static void print(SweepReport.Summary s, List<Axis> axes, List<Outcome> outcomes, Metric m) {
        System.out.printf(Locale.ROOT, "%s sweep (%s): %d runs, %d completed, %.2f s%n", s.name(), s.method(), s.points(),
                s.completed(), s.seconds());
        if (outcomes.size() <= LISTED) {
            StringBuilder head = new StringBuilder();
            for (Axis a : axes) head.append(String.format(Locale.ROOT, "  %-16s", a.key()));
            System.out.println(head + String.format(Locale.ROOT, "  %-12s %-14s", "status", m.label));
            for (Outcome o : outcomes) {
                StringBuilder row = new StringBuilder();
                for (double c : o.coordinates()) row.append(String.format(Locale.ROOT, "  %-16s", Axis.compact(c)));
                double v = o.value(m);
                String status = o.status() == RunStatus.COMPLETED ? "completed" : o.status().name().toLowerCase(Locale.ROOT);
                System.out.println(row + String.format(Locale.ROOT, "  %-12s %-14s", status,
                        Double.isFinite(v) ? Axis.compact(v) : "-"));
            }
        }
        s.files().forEach((k, v) -> System.out.printf("  %-18s %s%n", k, v));
    }
}
