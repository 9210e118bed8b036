package org.reluflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the checks and print a verdict table (until the claim catalog exists: every built-in example end to end).")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json;

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow check", "the numeric engines (issue 2)");
    }
}
