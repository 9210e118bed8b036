package org.reluflow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "reproduce", mixinStandardHelpOptions = true, description = {"Reproduce a paper figure with its data and plot.", "Not built yet: the claim catalog (issue 5)."})
final class ReproduceCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FIGURE") String target;

    @Unmatched List<String> rest;

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow reproduce", "the claim catalog (issue 5)");
    }
}
