package org.reluflow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "boundary", mixinStandardHelpOptions = true, description = {"Closed-form phase boundaries and rates, derived by Symja.", "Not built yet: the symbolic engine (issue 3)."})
final class BoundaryCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME") String target;

    @Unmatched List<String> rest;

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow boundary", "the symbolic engine (issue 3)");
    }
}
