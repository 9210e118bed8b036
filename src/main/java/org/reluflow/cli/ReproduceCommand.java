package org.reluflow.cli;

import picocli.CommandLine.Command;

@Command(name = "reproduce", mixinStandardHelpOptions = true, description = {"Reproduce a paper figure with its data and plot.", "Not built yet: the claim catalog (issue 5)."})
final class ReproduceCommand extends PlaceholderCommand {
    @Override String missing() { return "the claim catalog (issue 5)"; }
}
