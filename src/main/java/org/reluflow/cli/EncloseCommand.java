package org.reluflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Method;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.GdEnclosure;
import org.reluflow.validated.GuardEvent;
import org.reluflow.validated.NetworkFields;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "enclose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rigorous interval enclosure of a trajectory, across ReLU switches.",
                "  reluflow enclose SPEC.yaml --t T          gradient flow of a network spec (GD specs: --steps K)",
                "  reluflow enclose --ode \"{-y, x}\" --vars x,y --x0 \"1,[0.1,0.2]\" --t T",
                "The result is a proof: every solution from the initial set lies in 'box' at time t and in 'hull' over "
                        + "[0, t]. Exit codes: 0 VALID up to T, 1 VALIDATION_FAILED (the last certified enclosure is "
                        + "still printed), 2 bad input."})
final class EncloseCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SPEC.yaml", description = "A network spec (finite data, per-sample loss).")
    Path spec;

    @Option(names = "--ode", paramLabel = "RHS", description = "Right-hand side in Symja syntax, e.g. \"{-y + Max[0, x], x}\".")
    String ode;

    @Option(names = "--vars", paramLabel = "x,y,...", split = ",", description = "Variable names of --ode, in order.")
    List<String> vars;

    @Option(names = "--x0", paramLabel = "v1,v2,...", description = "Initial point or box of --ode: a number or [lo,hi] per "
            + "coordinate; decimals are read as the exact decimal value, enclosed.")
    String x0;

    @Option(names = "--t", paramLabel = "T", description = "Horizon (default: the spec's horizon).")
    Double horizon;

    @Option(names = "--steps", paramLabel = "K", description = "For GD specs: iterations to enclose (default: the spec's steps).")
    Long steps;

    @Option(names = "--order", paramLabel = "N", description = "Taylor order (default 20, or 8 from 30 variables on).")
    Integer order;

    @Option(names = "--set", paramLabel = "KIND", description = "Set representation: lohner (QR, default below 30 variables), ball (centre and Euclidean radius "
            + "grown by a log-norm bound; default above 30 variables for network specs) or box (default above 30 otherwise).")
    String setKind;

    @Option(names = "--subdivide", paramLabel = "K", description = "Split the initial box into K parts per coordinate "
            + "(K^n pieces) and join the enclosures: tighter for wide boxes (default 1).")
    int subdivide = 1;

    @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json;

    @Option(names = "--no-progress", description = "No progress bar.") boolean noProgress;

    @Override public Integer call() throws Exception {
        if ((spec == null) == (ode == null))
            throw new UserError("give either a SPEC.yaml or --ode (with --vars and --x0), not " + (spec == null ? "neither" : "both"));
        if (horizon != null && !(horizon >= 0 && Double.isFinite(horizon)))
            throw new UserError("--t must be a finite non-negative number, got " + horizon);
        return ode != null ? encloseOde() : encloseSpec();
    }

    private Integer encloseOde() throws Exception {
        if (vars == null || vars.isEmpty()) throw new UserError("--ode needs --vars, e.g. --vars x,y");
        if (x0 == null) throw new UserError("--ode needs --x0, e.g. --x0 \"1,[0.1,0.2]\"");
        if (horizon == null) throw new UserError("--ode needs --t");
        IntervalVector start = parseBox(x0, vars.size());
        OdeSystem system;
        try (SymjaSession s = SymjaSession.withDefaults()) {
            system = OdeSystem.parse(s, ode, vars);
        } catch (SymbolicException | IllegalArgumentException e) {
            throw new UserError("cannot use --ode: " + e.getMessage());
        }
        return run(SwitchedField.of(system), start, horizon, "ode");
    }

    private Integer encloseSpec() throws Exception {
        Experiment e = SpecLoader.load(spec);
        if (!(e.problem().data() instanceof FiniteDataset))
            throw new UserError("reluflow enclose supports finite data sets; the square_integral loss is not supported yet");
        IntervalVector start = IntervalVector.ofPoints(e.theta0());
        if (e.method() instanceof Method.GradientDescent gd) {
            long k = steps != null ? steps : gd.steps();
            if (k < 0) throw new UserError("--steps must be non-negative");
            return runGd(e, gd.step(), k, start);
        }
        if (!(e.method() instanceof Method.GradientFlow))
            throw new UserError("reluflow enclose handles gradient_flow and gd specs; this spec uses " + e.method().specName());
        SwitchedField field;
        try {
            field = NetworkFields.switchedField(e.problem());
        } catch (IllegalArgumentException ex) {
            throw new UserError(ex.getMessage());
        }
        return run(field, start, horizon != null ? horizon : e.horizon(), e.name());
    }

    private Integer run(SwitchedField field, IntervalVector start, double t, String name) throws Exception {
        ValidatedIntegrator.Settings settings = ValidatedIntegrator.Settings.defaultsFor(field);
        try {
            if (order != null) settings = settings.withOrder(order);
            if (setKind != null) settings = settings.withSet(switch (setKind.toLowerCase(java.util.Locale.ROOT)) {
                case "lohner", "qr" -> ValidatedIntegrator.SetKind.LOHNER_QR;
                case "box" -> ValidatedIntegrator.SetKind.BOX;
                case "ball" -> ValidatedIntegrator.SetKind.BALL;
                default -> throw new UserError("--set must be lohner, box or ball, got " + setKind);
            });
        } catch (IllegalArgumentException ex) {
            throw new UserError(ex.getMessage());
        }
        ProgressBar bar = new ProgressBar("enclose " + name, !noProgress);
        if (subdivide < 1 || Math.pow(subdivide, field.dimension()) > 1e6)
            throw new UserError("--subdivide must be at least 1 and give at most 10^6 pieces");
        Enclosure r = new ValidatedIntegrator(field, settings).integrateSubdivided(start, t, subdivide,
                x -> bar.progress(x / Math.max(t, 1e-300)));
        bar.progress(1.0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status().name());
        if (r.reason() != null) out.put("reason", r.reason());
        out.put("t", r.t());
        out.put("horizon", t);
        out.put("variables", field.variables());
        out.put("box", bounds(r.box()));
        out.put("hull", bounds(r.hull()));
        out.put("max_width", r.box().maxWidth());
        out.put("steps", r.steps());
        out.put("hull_steps", r.hullSteps());
        List<Map<String, Object>> events = new ArrayList<>();
        for (GuardEvent ev : r.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("guard", ev.guard());
            m.put("kind", ev.kind().name());
            m.put("time", List.of(ev.time().lo(), ev.time().hi()));
            m.put("into", ev.into());
            events.add(m);
        }
        out.put("events", events);
        out.put("max_crossing_width", r.maxCrossingWidth());
        out.put("order", settings.order());
        out.put("set", settings.set().name());
        if (subdivide > 1) out.put("subdivide", subdivide);
        out.put("seconds", r.seconds());
        out.put("certified", "every solution from the initial set lies in box at time t and in hull over [0, t]"
                + " (interval Taylor method, outward rounding)");
        print(out, field.variables(), r.box());
        if (!r.isValid()) System.err.println("reluflow: validation stopped at t = " + r.t() + ": " + r.reason());
        return r.isValid() ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }

    private Integer runGd(Experiment e, double eta, long k, IntervalVector start) throws Exception {
        GdEnclosure gd;
        try {
            gd = new GdEnclosure(NetworkFields.negativeGradient(e.problem()), eta,
                    e.problem().architecture().activation().gateAtZero(), 12);
        } catch (IllegalArgumentException ex) {
            throw new UserError(ex.getMessage());
        }
        ProgressBar bar = new ProgressBar("enclose " + e.name(), !noProgress);
        GdEnclosure.Result r = gd.enclose(start, k, (int) Math.max(1, k / 100), i -> bar.progress(i / (double) Math.max(k, 1)));
        bar.progress(1.0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status().name());
        if (r.reason() != null) out.put("reason", r.reason());
        out.put("iterations", r.steps());
        out.put("variables", e.problem().layout().names());
        out.put("box", bounds(r.box()));
        out.put("max_width", r.box().maxWidth());
        out.put("splits", r.splits());
        out.put("seconds", r.seconds());
        out.put("certified", "the exact-real GD iterate and the float64 iterate of the compiled field (theta + eta*F) both lie in box");
        print(out, e.problem().layout().names(), r.box());
        if (r.status() != org.reluflow.validated.EnclosureStatus.VALID) System.err.println("reluflow: " + r.reason());
        return r.status() == org.reluflow.validated.EnclosureStatus.VALID ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }

    private void print(Map<String, Object> out, List<String> names, IntervalVector box) throws Exception {
        if (json) {
            System.out.println(SpecLoader.json().writeValueAsString(out));
            return;
        }
        for (Map.Entry<String, Object> en : out.entrySet()) {
            if (en.getKey().equals("box") || en.getKey().equals("hull") || en.getKey().equals("variables")) continue;
            if (en.getKey().equals("events")) {
                List<?> ev = (List<?>) en.getValue();
                System.out.println("events: " + ev.size());
                for (Object o : ev.subList(0, Math.min(ev.size(), 20))) System.out.println("  " + o);
                if (ev.size() > 20) System.out.println("  ... (" + (ev.size() - 20) + " more; --json lists all)");
                continue;
            }
            System.out.println(en.getKey() + ": " + en.getValue());
        }
        System.out.println("box:");
        for (int i = 0; i < Math.min(names.size(), 30); i++) System.out.println("  " + names.get(i) + " in " + box.get(i));
        if (names.size() > 30) System.out.println("  ... (" + (names.size() - 30) + " more; --json lists all)");
    }

    private static List<List<Double>> bounds(IntervalVector v) {
        List<List<Double>> r = new ArrayList<>();
        for (int i = 0; i < v.dimension(); i++) r.add(List.of(v.get(i).lo(), v.get(i).hi()));
        return r;
    }

    /** "1, [0.1, 0.2], -3e-2": numbers and [lo,hi] boxes; decimals enclosed exactly. */
    static IntervalVector parseBox(String text, int dimension) {
        List<String> parts = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 0) { parts.add(text.substring(from, i)); from = i + 1; }
            if (depth < 0 || depth > 1) throw new UserError("--x0: unbalanced brackets in '" + text + "'");
        }
        parts.add(text.substring(from));
        if (depth != 0) throw new UserError("--x0: unbalanced brackets in '" + text + "'");
        if (parts.size() != dimension)
            throw new UserError("--x0 has " + parts.size() + " coordinates for " + dimension + " variables");
        Interval[] x = new Interval[dimension];
        for (int i = 0; i < dimension; i++) {
            String p = parts.get(i).trim();
            try {
                if (p.startsWith("[")) {
                    String[] lh = p.substring(1, p.length() - 1).split(",");
                    if (lh.length != 2) throw new UserError("--x0: '" + p + "' is not [lo,hi]");
                    Interval lo = Interval.fromDecimal(lh[0]), hi = Interval.fromDecimal(lh[1]);
                    if (lo.lo() > hi.hi()) throw new UserError("--x0: '" + p + "' has lo > hi");
                    x[i] = Interval.of(lo.lo(), hi.hi());
                } else {
                    x[i] = Interval.fromDecimal(p);
                }
            } catch (NumberFormatException ex) {
                throw new UserError("--x0: '" + p + "' is not a number or [lo,hi] (NaN and infinities are not allowed)");
            }
            if (!x[i].isBounded()) throw new UserError("--x0: '" + p + "' is not finite");
        }
        return IntervalVector.of(Arrays.asList(x));
    }
}
