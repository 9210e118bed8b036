package org.reluflow.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a spec numerically; write summary.json, trajectory.csv and PNG plots.")
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml", description = "The experiment spec (see 'reluflow example').") Path spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>).") Path out;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout.") boolean json;

    @Option(names = "--no-progress", description = "No progress bar.") boolean noProgress;

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow simulate", "the numeric engines (issue 2)");
    }
}
