package org.reluflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.ActivationPattern;
import org.reluflow.symbolic.Invariants;
import org.reluflow.symbolic.ParameterSymbols;
import org.reluflow.symbolic.RegionField;
import org.reluflow.symbolic.RegionLoss;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;
import org.reluflow.symbolic.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive", mixinStandardHelpOptions = true,
        description = {"Derive the gradient-flow field, the Hessian and the balancedness invariant symbolically (Symja) "
                + "in one activation region of a finite-data spec, and the per-neuron templates that hold for any width.",
                "The field and Hessian are written out for networks of at most " + RegionField.MAX_HESSIAN_PARAMETERS
                        + " parameters; larger ones get the templates. Each Symja call is bounded by "
                        + "RELUFLOW_SYMBOLIC_TIMEOUT seconds (default 60)."})
final class DeriveCommand implements Callable<Integer> {

    enum Format { text, latex, json }

    @Parameters(paramLabel = "SPEC.yaml") Path spec;

    @Option(names = "--format", description = "text, latex or json (default text).") Format format = Format.text;

    @Option(names = "--region", paramLabel = "PATTERN",
            description = "Activation region: one group of sample bits per neuron, separated by '/', e.g. 110/011 "
                    + "(default: the region of the spec's initial parameters).")
    String region;

    @Override public Integer call() throws Exception {
        Experiment e = SpecLoader.load(spec);
        boolean scalar = e.problem().data() instanceof org.reluflow.model.IntervalTarget;
        if (scalar && region != null)
            throw new UserError("--region applies to finite data; a scalar-input spec uses the region of its initial parameters");
        ActivationPattern pattern = null;
        if (!scalar) {
            FiniteDataset data = (FiniteDataset) e.problem().data();
            try {
                pattern = region == null ? ActivationPattern.of(e.problem(), e.theta0())
                        : ActivationPattern.parse(region, data.size(), e.problem().architecture().width());
            } catch (IllegalArgumentException ex) {
                throw new UserError("--region: " + ex.getMessage());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (SymjaSession session = SymjaSession.withDefaults()) {
            out.put("name", e.name());
            out.put("loss", e.problem().loss().specName());
            out.put("parameters", ParameterSymbols.names(e.problem().layout()));
            if (!RegionLoss.scale(e.problem().architecture()).equals("1"))
                out.put("output_scale", Map.of("symbol", RegionLoss.SCALE_SYMBOL, "value", RegionLoss.scaleValue(e.problem().architecture())));
            if (!scalar) {
                List<Map<String, String>> templates = new ArrayList<>();
                templates.add(entry("R_i", Templates.residual(e.problem().loss()), session));
                for (Templates.Template t : Templates.derive(session, e.problem().architecture()))
                    templates.add(entry(t.parameter(), t.symja(), session));
                out.put("templates", templates);
            }
            boolean small = e.problem().layout().size() <= RegionField.MAX_HESSIAN_PARAMETERS;
            if (small) {
                RegionField f = scalar ? RegionField.scalar(session, e.problem(), e.theta0(), true)
                        : RegionField.derive(session, e.problem(), pattern, true);
                out.put("region", f.region());
                out.put("loss_in_region", expr(f.loss().fullFormString(), session));
                List<Map<String, String>> field = new ArrayList<>();
                List<String> names = f.parameters(), comps = f.fieldText();
                for (int k = 0; k < names.size(); k++) field.add(entry(names.get(k) + "'", comps.get(k), session));
                out.put("field", field);
                out.put("hessian", expr(f.hessian().fullFormString(), session));
                Invariants.Check c = Invariants.balancedness(session, e.problem(), f);
                out.put("balancedness", Map.of("statement", "d/dt (a_j^2 - |w_j|^2 - b_j^2) simplified by Symja in this region",
                        "derivatives", c.derivatives(), "verified", c.holds()));
            } else {
                out.put("region", pattern == null ? "" : pattern.toString());
                out.put("note", "the network has " + e.problem().layout().size() + " parameters: the full field and Hessian are "
                        + "derived for at most " + RegionField.MAX_HESSIAN_PARAMETERS + "; the templates above hold for any width");
            }
        } catch (SymbolicException ex) {
            throw new UserError(ex.getMessage());
        }
        print(out);
        return Main.EXIT_OK;
    }

    private Map<String, String> entry(String name, String symja, SymjaSession session) throws SymbolicException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.putAll(expr(symja, session));
        return m;
    }

    private Map<String, String> expr(String symja, SymjaSession session) throws SymbolicException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text", session.eval("InputForm[" + symja + "]").toString());
        if (format != Format.text) m.put("tex", session.eval("TeXForm[" + symja + "]").toString());
        return m;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> out) throws Exception {
        if (format == Format.json) {
            System.out.println(SpecLoader.json().writeValueAsString(out));
            return;
        }
        boolean tex = format == Format.latex;
        System.out.println((tex ? "% " : "") + out.get("name") + ": " + out.get("loss") + " loss, region " + out.get("region"));
        System.out.println((tex ? "% " : "") + "parameters: " + out.get("parameters"));
        if (out.containsKey("output_scale")) System.out.println((tex ? "% " : "") + "output scale: " + out.get("output_scale"));
        for (String key : List.of("templates", "field")) {
            if (!out.containsKey(key)) continue;
            System.out.println(tex ? "% " + key : key + ":");
            for (Map<String, String> t : (List<Map<String, String>>) out.get(key))
                System.out.println(tex ? "\\[ " + t.get("name") + " = " + t.get("tex") + " \\]" : "  " + t.get("name") + " = " + t.get("text"));
        }
        if (out.containsKey("hessian")) {
            Map<String, String> h = (Map<String, String>) out.get("hessian");
            System.out.println(tex ? "\\[ H = " + h.get("tex") + " \\]" : "hessian = " + h.get("text"));
        }
        if (out.containsKey("balancedness")) System.out.println((tex ? "% " : "") + "balancedness: " + out.get("balancedness"));
        if (out.containsKey("note")) System.out.println((tex ? "% " : "") + out.get("note"));
    }
}
