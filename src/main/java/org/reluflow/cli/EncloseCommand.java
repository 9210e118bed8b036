package org.reluflow.cli;

import picocli.CommandLine.Command;

@Command(name = "enclose", mixinStandardHelpOptions = true, description = {"Rigorous interval enclosure of a trajectory across ReLU switches.", "Not built yet: validated integration (issue 4)."})
final class EncloseCommand extends PlaceholderCommand {
    @Override String missing() { return "validated integration (issue 4)"; }
}
