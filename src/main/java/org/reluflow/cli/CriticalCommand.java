package org.reluflow.cli;

import picocli.CommandLine.Command;

@Command(name = "critical", mixinStandardHelpOptions = true, description = {"Find and classify critical points exactly, with certificates.", "Not built yet: the symbolic engine's critical points (issue 3)."})
final class CriticalCommand extends PlaceholderCommand {
    @Override String missing() { return "the symbolic engine's critical points (issue 3)"; }
}
