package org.reluflow.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.IntervalTarget;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.CriticalPoints;
import org.reluflow.symbolic.CriticalPoints.Certified;
import org.reluflow.symbolic.CriticalPoints.Instance;
import org.reluflow.symbolic.FiniteCriticalPoints;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Exact critical points with certificates. Scalar-input interval specs: the constant fit and every L_k configuration
 * (k odd, k - 1 <= width) are certified, and (by default up to width 2) grad L = 0 is solved in every activation
 * region. Finite-data specs with the square loss (n m <= {@value FiniteCriticalPoints#MAX_PAIRS}): every activation
 * region and output-sign branch is solved. Each point: region, loss, zero gradient, Hessian inertia with its
 * Descartes certificate.
 */
@Command(name = "critical", mixinStandardHelpOptions = true,
        description = "Find and classify critical points exactly, with certificates (scalar interval specs, and small "
                + "finite-data specs with the square loss).")
final class CriticalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml") Path spec;
    @Option(names = "--json", description = "one JSON object on stdout") boolean json;
    @Option(names = "--survey", negatable = true, description = "scalar specs: solve grad L = 0 in every activation region "
            + "(default: on for width <= " + AUTO_SURVEY_WIDTH + "; each region is bounded by the symbolic time limit)")
    Boolean survey;
    @Option(names = "--no-progress", description = "no progress lines on stderr") boolean noProgress;

    static final int AUTO_SURVEY_WIDTH = 2;
    @Spec picocli.CommandLine.Model.CommandSpec cs;

    private final List<Map<String, Object>> points = new ArrayList<>(), solved = new ArrayList<>();
    private int regions;
    private List<String> unresolved = List.of();

    @Override public Integer call() throws Exception {
        Experiment ex = SpecLoader.load(spec);
        try (SymjaSession s = SymjaSession.withDefaults()) {
            if (ex.problem().data() instanceof IntervalTarget it) scalar(s, ex, it);
            else if (ex.problem().data() instanceof FiniteDataset) finite(s, ex);
            else throw new UserError("reluflow critical supports scalar interval data and finite data sets");
        } catch (SymbolicException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        print();
        return 0;
    }

    private void scalar(SymjaSession s, Experiment ex, IntervalTarget it) throws SymbolicException {
        var arch = ex.problem().architecture();
        if (!arch.hiddenBias()) throw new UserError("reluflow critical needs hidden_bias: true for scalar interval data");
        Instance in = new Instance(q(it.a()), q(it.b()), q(it.alpha()), q(it.beta()), arch.width(), arch.outputBias());
        CriticalPoints cp = new CriticalPoints(s);
        for (int k = 1; k - 1 <= in.width() && in.outputBias(); k += 2) {
            Certified c = cp.certify(k == 1 ? "constant fit (L_1)" : "L_" + k, in, cp.lkConfiguration(in, k));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", c.label());
            m.put("region", c.region());
            m.put("loss", c.loss());
            m.put("expected_level", in.lk(k).toString().replace(" ", ""));
            certificate(m, c);
            points.add(m);
        }
        if (survey != null ? survey : in.width() <= AUTO_SURVEY_WIDTH) {
            var result = cp.survey(in, progress());
            regions = result.regions();
            unresolved = result.unresolved();
            for (var f : result.found())
                solved.add(found(f.family().region().toString(), f.family().placement(), f.family().parametrization(),
                        f.family().loss().toString(), f.certified()));
        }
    }

    private void finite(SymjaSession s, Experiment ex) {
        FiniteCriticalPoints.requireSurveyable(ex.problem());
        var result = new FiniteCriticalPoints(s).survey(ex.problem(), progress());
        regions = result.systems();
        unresolved = result.unresolved();
        for (var f : result.found())
            solved.add(found("pattern " + f.pattern() + ", output signs " + f.outputSigns(), f.placement(), f.parametrization(),
                    f.loss(), f.certified()));
    }

    private Consumer<String> progress() {
        var err = cs.commandLine().getErr();
        return r -> { if (!noProgress) { err.println("solving region " + r); err.flush(); } };
    }

    private static Map<String, Object> found(String region, CriticalPoints.Placement placement, String family, String loss,
                                             Certified c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", "solved");
        m.put("region", region);
        m.put("placement", placement.toString());
        m.put("family", family);
        m.put("loss", loss);
        if (c != null) certificate(m, c);
        else m.put("classification", "not certified (" + (placement == CriticalPoints.Placement.UNDECIDED
                ? "placement in the region undecided" : "family without a certified member") + ")");
        return m;
    }

    private static void certificate(Map<String, Object> m, Certified c) {
        m.put("point", c.point());
        m.put("gradient_zero", c.gradientZero());
        var cert = c.classification().certificate();
        m.put("classification", c.classification().kind().toString());
        m.put("signature", Map.of("positive", cert.positive(), "negative", cert.negative(), "zero", cert.zero()));
        m.put("symmetry_zero_modes", c.classification().symmetryZeroModes());
        m.put("certificate", cert.describe());
    }

    private void print() throws Exception {
        var out = cs.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("spec", spec.toString());
            doc.put("points", points);
            doc.put("regions_solved", regions);
            doc.put("solved", solved);
            doc.put("unresolved_regions", unresolved);
            out.println(SpecLoader.json().writeValueAsString(doc));
            out.flush();
            return;
        }
        for (var m : points) {
            out.println(m.get("label") + ": " + m.get("region"));
            out.println("  loss " + m.get("loss") + " (alpha^2 (b-a)^3/(12 k^4) = " + m.get("expected_level") + "), gradient zero: "
                    + m.get("gradient_zero"));
            out.println("  " + m.get("classification") + " " + m.get("signature") + "; " + m.get("certificate"));
        }
        if (regions > 0) {
            if (!points.isEmpty()) out.println();
            out.println("Critical families found by solving grad L = 0 in " + regions + " regions (up to neuron relabelling; "
                    + "points on region boundaries are out of scope):");
            Map<String, Integer> kinds = new java.util.TreeMap<>();
            for (var m : solved) kinds.merge(String.valueOf(m.get("classification")).replaceAll(" \\(.*", ""), 1, Integer::sum);
            out.println("  " + solved.size() + " families: " + kinds);
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
        out.flush();
    }

    private static org.hipparchus.fraction.BigFraction q(double d) { return CriticalPoints.q(new BigDecimal(d).toPlainString()); }
}
