package org.reluflow.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.spec.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "example", mixinStandardHelpOptions = true,
        description = {"Print a built-in, commented example spec.",
                "Save one with: reluflow example boursier-orthogonal > spec.yaml"})
final class ExampleCommand implements Callable<Integer> {

    @Option(names = "--list", description = "List the built-in examples.") boolean list;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Example name (see --list).") String name;

    @Override public Integer call() throws Exception {
        if (list || name == null) {
            for (Map.Entry<String, String> e : Examples.list().entrySet())
                System.out.printf("%-22s %s%n", e.getKey(), e.getValue());
            return Main.EXIT_OK;
        }
        System.out.print(Examples.text(name));
        return Main.EXIT_OK;
    }
}
