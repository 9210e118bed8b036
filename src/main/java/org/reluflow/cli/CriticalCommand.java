package org.reluflow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "critical", mixinStandardHelpOptions = true, description = {"Find and classify critical points exactly, with certificates.", "Not built yet: the symbolic engine (issue 3)."})
final class CriticalCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SPEC.yaml") String target;

    @Unmatched List<String> rest;

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow critical", "the symbolic engine (issue 3)");
    }
}
