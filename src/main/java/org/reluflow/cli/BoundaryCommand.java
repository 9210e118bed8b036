package org.reluflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.Boundaries;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "boundary", mixinStandardHelpOptions = true,
        description = {"Closed-form rates and phase boundaries, derived by Symja from their defining equations, with their "
                + "LaTeX form and their value at the given parameters.",
                "Example: reluflow boundary hb-rate --param gamma=0.5 --param lambda=0.25"})
final class BoundaryCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Boundary name (see --list).") String name;

    @Option(names = "--list", description = "List the boundaries.") boolean list;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A parameter value (a number, or comma-separated numbers).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json;

    @Override public Integer call() throws Exception {
        if (list || name == null) {
            for (Boundaries.Definition d : Boundaries.catalog())
                System.out.printf("%-14s %s%n%14s parameters (defaults): %s%n", d.name(), d.description(), "", d.defaults());
            return Main.EXIT_OK;
        }
        Boundaries.Definition d;
        Boundaries.Result r;
        try (SymjaSession session = SymjaSession.withDefaults()) {
            d = Boundaries.find(name);
            r = Boundaries.compute(session, d, params);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (SymbolicException e) {
            throw new UserError(e.getMessage());
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", d.name());
            o.put("description", d.description());
            o.put("parameters", r.parameters());
            o.put("derivation", d.steps());
            o.put("quantities", r.quantities());
            System.out.println(SpecLoader.json().writeValueAsString(o));
            return Main.EXIT_OK;
        }
        System.out.println(d.name() + ": " + d.description());
        System.out.println("parameters: " + r.parameters());
        System.out.println("derivation (Symja):");
        d.steps().forEach(s -> System.out.println("  " + s));
        for (Boundaries.Quantity q : r.quantities()) {
            System.out.println(q.name() + " = " + q.expression());
            if (!q.tex().isEmpty()) System.out.println("  TeX: " + q.tex());
            System.out.println("  value: " + q.value());
        }
        return Main.EXIT_OK;
    }
}
