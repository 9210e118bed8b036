package org.reluflow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "derive", mixinStandardHelpOptions = true, description = {"Derive the gradient-flow field, Hessian and invariants symbolically (Symja).", "Not built yet: the symbolic engine (issue 3)."})
final class DeriveCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SPEC.yaml") String target;

    @Unmatched List<String> rest;

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow derive", "the symbolic engine (issue 3)");
    }
}
