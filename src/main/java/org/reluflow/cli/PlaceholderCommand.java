package org.reluflow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** A subcommand whose capability is tracked by an open issue: it has its help text and answers "not built yet". */
abstract class PlaceholderCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "ARG") String target;

    @Unmatched List<String> rest;

    /** What is missing, e.g. "the symbolic engine (issue 3)". */
    abstract String missing();

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow " + getClass().getAnnotation(picocli.CommandLine.Command.class).name(), missing());
    }
}
