package org.reluflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reluflow.dynamics.RunStatus;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.report.RunReport;
import org.reluflow.report.RunSummary;
import org.reluflow.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a spec numerically; write summary.json, trajectory.csv and PNG plots (loss with switches and "
                + "plateaus, neuron directions, balancedness drift).",
                "Exit codes: 0 completed, 1 the run diverged or the integrator failed (what was computed is still written), "
                        + "2 bad input."})
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml", description = "The experiment spec (see 'reluflow example').") Path spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>).") Path out;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout.") boolean json;

    @Option(names = "--no-progress", description = "No progress bar (it is off anyway when stderr is not a terminal).")
    boolean noProgress;

    @Override public Integer call() throws Exception {
        Experiment e = SpecLoader.load(spec);
        Path dir = out != null ? out : Path.of("out", e.name());
        checkWritable(dir);
        long t0 = System.nanoTime();
        Trajectory tr = Simulator.run(e, new ProgressBar(e.name(), !noProgress));
        double seconds = (System.nanoTime() - t0) / 1e9;
        RunSummary s;
        try {
            s = RunReport.write(dir, e, tr, seconds);
        } catch (IOException ex) {
            throw new UserError("cannot write the outputs to " + dir + ": " + ex.getMessage());
        }
        if (json) System.out.println(SpecLoader.json().writeValueAsString(s));
        else printHuman(s);
        boolean failed = tr.status() == RunStatus.DIVERGED || tr.status() == RunStatus.INTEGRATION_FAILED;
        if (tr.status() != RunStatus.COMPLETED)
            System.err.println("reluflow: the run stopped early (" + tr.status() + "): " + tr.message()
                    + "; everything computed up to t = " + tr.tReached() + " was written to " + dir);
        return failed ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK;
    }

    static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException ex) {
            throw new UserError("cannot create the output directory " + dir + ": " + ex.getMessage());
        }
        if (!Files.isWritable(dir)) throw new UserError("the output directory " + dir + " is not writable");
    }

    private static void printHuman(RunSummary s) {
        System.out.printf("%s: %s (%s) at t = %.6g of %.6g%n", s.name(), s.status(), s.method(), s.tReached(), s.horizon());
        System.out.printf("  loss %.6g -> %.6g, %d steps, %d gradient evaluations, %.2f s%n",
                s.initialLoss(), s.finalLoss(), s.steps(), s.gradientEvaluations(), s.seconds());
        System.out.printf("  %d activation switches (%d into sliding), balancedness drift %.3g%n",
                s.switchEvents(), s.slidingEpisodes(), s.invariantDrift());
        s.plateaus().forEach(p -> System.out.printf("  plateau at L = %.6g on [%.4g, %.4g], escape at t = %s%n",
                p.level(), p.start(), p.end(), p.escaped() ? String.format("%.4g", p.escapeTime()) : "none within the run"));
        if (s.finalMargin() != null) System.out.printf("  final margin %.6g (normalized %.6g)%n", s.finalMargin(), s.finalNormalizedMargin());
        if (!s.ntkEigenvalues().isEmpty()) {
            var first = s.ntkEigenvalues().get(0);
            var last = s.ntkEigenvalues().get(s.ntkEigenvalues().size() - 1);
            System.out.printf("  NTK Gram eigenvalues: min %.6g -> %.6g, max %.6g -> %.6g (t = %.4g -> %.4g)%n",
                    first.eigenvalues()[0], last.eigenvalues()[0], first.eigenvalues()[first.eigenvalues().length - 1],
                    last.eigenvalues()[last.eigenvalues().length - 1], first.t(), last.t());
        }
        s.files().forEach((k, v) -> System.out.printf("  %-18s %s%n", k, v));
    }
}
