package org.reluflow.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.model.Experiment;
import org.reluflow.model.IntervalTarget;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.CriticalPoints;
import org.reluflow.symbolic.CriticalPoints.Instance;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * For a scalar-input interval spec: certifies the constant fit and every L_k configuration (k odd, k - 1 <= width)
 * exactly, and (by default up to width 2) solves grad L = 0 in every activation region and certifies what it finds:
 * region, loss, zero gradient, Hessian inertia with its Descartes certificate.
 */
@Command(name = "critical", mixinStandardHelpOptions = true,
        description = "Find and classify critical points exactly, with certificates (scalar interval specs).")
final class CriticalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml") Path spec;
    @Option(names = "--json", description = "one JSON object on stdout") boolean json;
    @Option(names = "--survey", negatable = true, description = "solve grad L = 0 in every activation region "
            + "(default: on for width <= " + AUTO_SURVEY_WIDTH + "; each region is bounded by the symbolic time limit)")
    Boolean survey;
    @Option(names = "--no-progress", description = "no progress lines on stderr") boolean noProgress;

    static final int AUTO_SURVEY_WIDTH = 2;
    @Spec picocli.CommandLine.Model.CommandSpec cs;

    @Override public Integer call() throws Exception {
        Experiment ex = SpecLoader.load(spec);
        if (!(ex.problem().data() instanceof IntervalTarget it))
            throw new UserError("reluflow critical supports scalar interval specs (data.kind: interval) only so far");
        var arch = ex.problem().architecture();
        if (!arch.hiddenBias()) throw new UserError("reluflow critical needs hidden_bias: true");
        Instance in = new Instance(q(it.a()), q(it.b()), q(it.alpha()), q(it.beta()), arch.width(), arch.outputBias());
        List<Map<String, Object>> points = new ArrayList<>(), solved = new ArrayList<>();
        int regions = 0;
        List<String> unresolved = List.of();
        try (SymjaSession s = SymjaSession.withDefaults()) {
            CriticalPoints cp = new CriticalPoints(s);
            for (int k = 1; k - 1 <= in.width() && in.outputBias(); k += 2) {
                var c = cp.certify(k == 1 ? "constant fit (L_1)" : "L_" + k, in, cp.lkConfiguration(in, k));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", c.label());
                m.put("region", c.region());
                m.put("point", c.point());
                m.put("loss", c.loss());
                m.put("expected_level", in.lk(k).toString().replace(" ", ""));
                m.put("gradient_zero", c.gradientZero());
                var cert = c.classification().certificate();
                m.put("classification", c.classification().kind().toString());
                m.put("signature", Map.of("positive", cert.positive(), "negative", cert.negative(), "zero", cert.zero()));
                m.put("symmetry_zero_modes", c.classification().symmetryZeroModes());
                m.put("certificate", cert.describe());
                points.add(m);
            }
            if (survey != null ? survey : in.width() <= AUTO_SURVEY_WIDTH) {
                var err = cs.commandLine().getErr();
                var result = cp.survey(in, r -> { if (!noProgress) { err.println("solving region " + r); err.flush(); } });
                regions = result.regions();
                unresolved = result.unresolved();
                for (var f : result.found()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("label", "solved");
                    m.put("region", f.family().region().toString());
                    m.put("placement", f.family().placement().toString());
                    m.put("family", f.family().parametrization());
                    m.put("loss", f.family().loss().toString());
                    if (f.certified() != null) {
                        var c = f.certified();
                        m.put("point", c.point());
                        m.put("gradient_zero", c.gradientZero());
                        var cert = c.classification().certificate();
                        m.put("classification", c.classification().kind().toString());
                        m.put("signature", Map.of("positive", cert.positive(), "negative", cert.negative(), "zero", cert.zero()));
                        m.put("symmetry_zero_modes", c.classification().symmetryZeroModes());
                        m.put("certificate", cert.describe());
                    } else m.put("classification", "not certified (" + (f.family().placement() == CriticalPoints.Placement.UNDECIDED
                            ? "placement in the region undecided" : "family without a certified member") + ")");
                    solved.add(m);
                }
            }
        } catch (SymbolicException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        var out = cs.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("spec", spec.toString());
            doc.put("points", points);
            doc.put("regions_solved", regions);
            doc.put("solved", solved);
            doc.put("unresolved_regions", unresolved);
            out.println(SpecLoader.json().writeValueAsString(doc));
        } else {
            for (var m : points) {
                out.println(m.get("label") + ": " + m.get("region"));
                out.println("  loss " + m.get("loss") + " (alpha^2 (b-a)^3/(12 k^4) = " + m.get("expected_level") + "), gradient zero: "
                        + m.get("gradient_zero"));
                out.println("  " + m.get("classification") + " " + m.get("signature") + "; " + m.get("certificate"));
            }
            if (regions > 0) {
                out.println();
                out.println("Critical families found by solving grad L = 0 in " + regions + " regions (up to neuron relabelling; "
                        + "points on region boundaries are out of scope):");
                for (var m : solved) {
                    out.println(m.get("region") + ": loss " + m.get("loss") + " [" + m.get("placement") + "]");
                    out.println("  " + m.get("family"));
                    if (m.containsKey("signature"))
                        out.println("  certified at " + m.get("point") + ": gradient zero " + m.get("gradient_zero") + ", "
                                + m.get("classification") + " " + m.get("signature"));
                    else out.println("  " + m.get("classification"));
                }
                for (String u : unresolved) out.println("unresolved: " + u);
            }
        }
        out.flush();
        return 0;
    }

    private static org.hipparchus.fraction.BigFraction q(double d) { return CriticalPoints.q(new BigDecimal(d).toPlainString()); }
}
