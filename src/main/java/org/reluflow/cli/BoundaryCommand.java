package org.reluflow.cli;

import picocli.CommandLine.Command;

@Command(name = "boundary", mixinStandardHelpOptions = true, description = {"Closed-form phase boundaries and rates, derived by Symja.", "Not built yet: the symbolic engine's boundaries (issue 3)."})
final class BoundaryCommand extends PlaceholderCommand {
    @Override String missing() { return "the symbolic engine's boundaries (issue 3)"; }
}
