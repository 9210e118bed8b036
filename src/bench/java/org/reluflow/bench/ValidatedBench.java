package org.reluflow.bench;

import java.nio.file.Path;
import java.util.List;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.Experiment;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.SymjaSession;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.NetworkFields;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;

/**
 * Validated-integration figures for BENCHMARKS.md: Lorenz (15,15,36) to T=10 (width and warm time), and a ReLU
 * gradient flow from a spec (steps per second, events, crossing widths). Warm = best of 5 after 3 warm-up runs.
 * Usage: ValidatedBench [relu-spec.yaml T [lohner|box|ball [ORDER]]] (set kind and order default to the integrator's
 * choice); -Dorder=N -Dtolerance=TOL change the Lorenz settings.
 */
public final class ValidatedBench {
    public static void main(String[] args) throws Exception {
        try (SymjaSession s = SymjaSession.limitedTo(60)) {
            OdeSystem lorenz = OdeSystem.parse(s, "{10*(y - x), x*(28 - z) - y, x*y - 8/3*z}", List.of("x", "y", "z"));
            ValidatedIntegrator.Settings d = ValidatedIntegrator.Settings.defaultsFor(3);
            // -Dorder / -Dtolerance: scan the Lorenz settings (defaults otherwise)
            d = new ValidatedIntegrator.Settings(Integer.getInteger("order", d.order()), d.set(),
                    Double.parseDouble(System.getProperty("tolerance", Double.toString(d.tolerance()))), d.minStep(), d.maxSteps(),
                    d.maxWidth(), d.maxHullSteps());
            ValidatedIntegrator vi = new ValidatedIntegrator(SwitchedField.of(lorenz), d);
            report("lorenz T=10 order " + d.order() + " tol " + d.tolerance(), vi, IntervalVector.ofPoints(15, 15, 36), 10);
        }
        if (args.length >= 2) {
            Experiment e = SpecLoader.load(Path.of(args[0]));
            SwitchedField f = NetworkFields.switchedField(e.problem());
            ValidatedIntegrator.Settings settings = ValidatedIntegrator.Settings.defaultsFor(f);
            if (args.length >= 3) settings = settings.withSet(switch (args[2]) {
                case "lohner" -> ValidatedIntegrator.SetKind.LOHNER_QR;
                case "box" -> ValidatedIntegrator.SetKind.BOX;
                default -> ValidatedIntegrator.SetKind.BALL;
            });
            if (args.length >= 4) settings = settings.withOrder(Integer.parseInt(args[3]));
            ValidatedIntegrator vi = new ValidatedIntegrator(f, settings);
            report("relu " + e.name() + " " + settings.set() + " order " + settings.order() + " (" + f.dimension() + " parameters, " + f.guardCount() + " guards)", vi,
                    IntervalVector.ofPoints(e.theta0()), Double.parseDouble(args[1]));
        }
    }

    static void report(String label, ValidatedIntegrator vi, IntervalVector x0, double t) {
        Enclosure cold = vi.integrate(x0, t);
        double best = Double.POSITIVE_INFINITY;
        Enclosure e = cold;
        for (int k = 0; k < 3; k++) vi.integrate(x0, t);
        for (int k = 0; k < 5; k++) { e = vi.integrate(x0, t); best = Math.min(best, e.seconds()); }
        System.out.printf("%s: %s t=%.3g steps=%d (hull %d) events=%d max crossing width=%.3g final width=%.3g cold %.3f s warm %.3f s (%.0f steps/s)%n",
                label, e.status(), e.t(), e.steps(), e.hullSteps(), e.events().size(), e.maxCrossingWidth(), e.box().maxWidth(),
                cold.seconds(), best, e.steps() / best);
    }
}
