package org.reluflow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "enclose", mixinStandardHelpOptions = true, description = {"Rigorous interval enclosure of a trajectory across ReLU switches.", "Not built yet: validated integration (issue 4)."})
final class EncloseCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SPEC.yaml") String target;

    @Unmatched List<String> rest;

    @Override public Integer call() {
        throw UserError.notBuiltYet("reluflow enclose", "validated integration (issue 4)");
    }
}
