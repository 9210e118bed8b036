package org.reluflow.cli;

import java.io.PrintWriter;
import org.reluflow.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code reluflow} command line. Exit codes: 0 success, 1 a check failed (a claim VIOLATED or a regression),
 * 2 bad input or a command that is not built yet, 3 an internal error (a bug: please report it).
 */
@Command(name = "reluflow", mixinStandardHelpOptions = true, version = "reluflow 0.1.0",
        description = "Executable, checkable mathematics of how shallow ReLU networks train.",
        subcommands = {ExampleCommand.class, SimulateCommand.class, DeriveCommand.class, CriticalCommand.class,
                BoundaryCommand.class, EncloseCommand.class, CheckCommand.class, ReproduceCommand.class, SweepCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_OK = 0, EXIT_CHECK_FAILED = 1, EXIT_BAD_INPUT = 2, EXIT_INTERNAL = 3;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI in-process (tests call this) and returns the exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("reluflow: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof SpecException se) {
            err.println("reluflow: bad spec: " + se.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof UserError ue) {
            err.println("reluflow: " + ue.getMessage());
            return ue.exitCode();
        }
        err.println("reluflow: internal error: " + ex);
        if (System.getenv("RELUFLOW_DEBUG") != null) ex.printStackTrace(err);
        else err.println("(set RELUFLOW_DEBUG=1 for the stack trace, and please report it)");
        return EXIT_INTERNAL;
    }
}
