package org.reluflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.BoundaryCatalog;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "boundary", mixinStandardHelpOptions = true, description = "Closed-form phase boundaries and rates, derived by Symja.")
final class BoundaryCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME") String name;
    @Option(names = "--list", description = "list the known boundaries") boolean list;
    @Option(names = "--param", paramLabel = "k=v", description = "parameter value (repeatable)") List<String> params = new ArrayList<>();
    @Option(names = "--json", description = "one JSON object on stdout") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec cs;

    @Override public Integer call() throws Exception {
        var out = cs.commandLine().getOut();
        if (list || name == null) {
            for (var e : BoundaryCatalog.entries()) out.println(e.name() + "  " + e.description() + "  (parameters " + e.defaults() + ")");
            out.flush();
            return 0;
        }
        Map<String, Double> p = new LinkedHashMap<>();
        for (String kv : params) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || eq == kv.length() - 1) throw new UserError("--param expects k=v, got '" + kv + "'");
            try { p.put(kv.substring(0, eq).strip(), Double.parseDouble(kv.substring(eq + 1).strip())); }
            catch (NumberFormatException e) { throw new UserError("--param " + kv + ": not a number"); }
        }
        BoundaryCatalog.Derived d;
        try (SymjaSession s = SymjaSession.withDefaults()) {
            d = BoundaryCatalog.derive(s, name, p);
        } catch (IllegalArgumentException | SymbolicException e) {
            throw new UserError(e.getMessage());
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name); m.put("description", d.entry().description()); m.put("derivation", d.entry().derivation());
            m.put("expression", d.expression()); m.put("tex", d.tex()); m.put("value", d.value());
            out.println(SpecLoader.json().writeValueAsString(m));
        } else {
            out.println(name + ": " + d.entry().description());
            out.println("  derivation: " + d.entry().derivation());
            out.println("  expression: " + d.expression());
            out.println("  TeX: " + d.tex());
            out.println("  value: " + d.value());
        }
        out.flush();
        return 0;
    }
}
