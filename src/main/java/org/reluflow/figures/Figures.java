package org.reluflow.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.stat.regression.SimpleRegression;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.observe.Observation;
import org.reluflow.observe.Observer;
import org.reluflow.report.Figure;
import org.reluflow.spec.Examples;
import org.reluflow.symbolic.Boundaries;
import org.reluflow.symbolic.SymbolicException;
import org.reluflow.symbolic.SymjaSession;

/**
 * Paper-figure reproductions: each runs the simulation, overlays the closed form derived by the symbolic engine
 * (Boundaries, evaluated by Symja), and writes the plot (PNG) with its data (CSV).
 */
public final class Figures {

    /** A reproducible figure. */
    public record Entry(String name, String description, Generator generator) {}

    @FunctionalInterface
    public interface Generator {
        List<Path> write(Path dir, SymjaSession session) throws Exception;
    }

    private Figures() {}

    public static Map<String, Entry> all() {
        Map<String, Entry> m = new LinkedHashMap<>();
        put(m, "boursier-plateaus", "Boursier et al.: log loss with the plateaus L0, L1 and the predicted escape times ln(1/lambda)/r+-", Figures::boursierPlateaus);
        put(m, "boursier-alignment", "Boursier et al.: best cosine of the neurons to D+ and D- through the two escapes", Figures::boursierAlignment);
        put(m, "wang-ma-phases", "Wang & Ma: loss with the plateau at q, activation-pattern counts and alignment to p x+ - q x-", Figures::wangMaPhases);
        put(m, "bu-hb-nag", "Bu et al.: heavy-ball rate against gamma with the closed form; Nesterov's squared error on log-log axes with t^-r", Figures::buHbNag);
        put(m, "cheridito-escape", "Cheridito et al.: GD started next to the L_3 saddle leaves at the rate of its negative Hessian eigenvalue", CheriditoEscape::write);
        return m;
    }

    private static void put(Map<String, Entry> m, String name, String description, Generator g) { m.put(name, new Entry(name, description, g)); }

    static double value(Boundaries.Result r, String name) {
        for (Boundaries.Quantity q : r.quantities()) if (q.name().equals(name)) return Double.parseDouble(q.value());
        throw new IllegalStateException("no quantity " + name);
    }

    /** The orthogonal-input boundary quantities for a finite orthogonal data set and init scale lambda. */
    static Boundaries.Result orthogonal(SymjaSession s, FiniteDataset d, double lambda) throws SymbolicException {
        List<String> norms = new ArrayList<>(), labels = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            double n2 = 0;
            for (double v : d.x()[i]) n2 += v * v;
            norms.add(Double.toString(Math.sqrt(n2)));
            labels.add(Double.toString(d.y()[i]));
        }
        return Boundaries.compute(s, Boundaries.find("orthogonal"),
                Map.of("norms", String.join(",", norms), "labels", String.join(",", labels), "lambda", Double.toString(lambda)));
    }

    private static List<Path> boursierPlateaus(Path dir, SymjaSession s) throws Exception {
        Experiment e = Examples.load("boursier-orthogonal");
        Trajectory tr = Simulator.run(e, f -> { });
        Observation o = Observer.observe(e, tr);
        Boundaries.Result b = orthogonal(s, (FiniteDataset) e.problem().data(), 1e-3);
        double l0 = value(b, "L0"), l1 = value(b, "L1"), tp = value(b, "tPlus"), tm = value(b, "tMinus");
        double end = o.times()[o.size() - 1];
        return new Figure("boursier-orthogonal: loss, plateaus and escape times (lambda = 1e-3)", "t", "loss").logY()
                .add("loss (event-driven gradient flow)", o.times(), o.loss(), Figure.Style.LINE)
                .level(String.format("L0 = %.4g (closed form)", l0), 0, end, l0)
                .level(String.format("L1 = %.4g (closed form)", l1), 0, end, l1)
                .add(String.format("ln(1/lambda)/r+ = %.3g, ln(1/lambda)/r- = %.3g", tp, tm), new double[] {tp, tm},
                        new double[] {interpolate(o.times(), o.loss(), tp), interpolate(o.times(), o.loss(), tm)}, Figure.Style.MARKERS)
                .write(dir, "boursier-plateaus");
    }

    private static List<Path> boursierAlignment(Path dir, SymjaSession s) throws Exception {
        Experiment e = Examples.load("boursier-orthogonal");
        Observation o = Observer.observe(e, Simulator.run(e, f -> { }));
        Boundaries.Result b = orthogonal(s, (FiniteDataset) e.problem().data(), 1e-3);
        Figure f = new Figure("boursier-orthogonal: best cosine of w_j to D+ and D- (= beta+- for unit inputs)", "t", "max_j cos(w_j, D)");
        for (var entry : o.cosines().entrySet()) {
            double[] best = new double[o.size()];
            for (int k = 0; k < o.size(); k++) {
                double mx = -1;
                for (double c : entry.getValue()[k]) mx = Math.max(mx, c);
                best[k] = mx;
            }
            f.add("max cos to " + entry.getKey(), o.times(), best, Figure.Style.LINE);
        }
        double tp = value(b, "tPlus"), tm = value(b, "tMinus");
        f.add("predicted escapes ln(1/lambda)/r+-", new double[] {tp, tm}, new double[] {1, 1}, Figure.Style.MARKERS);
        return f.write(dir, "boursier-alignment");
    }

    private static List<Path> wangMaPhases(Path dir, SymjaSession s) throws Exception {
        Experiment e = Examples.load("wang-ma-two-point");
        Observation o = Observer.observe(e, Simulator.run(e, f -> { }));
        FiniteDataset d = (FiniteDataset) e.problem().data();
        double p = d.weights()[0], q = d.weights()[1], end = o.times()[o.size() - 1];
        double angle = Math.atan2(d.x()[1][1], d.x()[1][0]), kappa = 1e-4; // the example's init.scale
        double rBoth = value(Boundaries.compute(s, Boundaries.find("two-point"),
                Map.of("p", Double.toString(p), "q", Double.toString(q), "angle", Double.toString(angle))), "rBoth");
        double tEscape = Math.log(1 / kappa) / rBoth;
        List<Path> out = new ArrayList<>(new Figure("wang-ma-two-point: loss through the four phases", "t", "loss").logY()
                .add("loss", o.times(), o.loss(), Figure.Style.LINE).level("plateau level q = " + q, 0, end, q)
                .add(String.format("ln(1/kappa)/|p x+ - q x-| = %.3g (Symja rate)", tEscape), new double[] {tEscape},
                        new double[] {interpolate(o.times(), o.loss(), tEscape)}, Figure.Style.MARKERS)
                .write(dir, "wang-ma-loss"));
        double[] pairs = new double[o.size()], patterns = new double[o.size()];
        for (int k = 0; k < o.size(); k++) { pairs[k] = o.activePairs()[k]; patterns[k] = o.distinctPatterns()[k]; }
        out.addAll(new Figure("wang-ma-two-point: activation patterns", "t", "count")
                .add("active (sample, neuron) pairs", o.times(), pairs, Figure.Style.LINE)
                .add("distinct neuron patterns", o.times(), patterns, Figure.Style.LINE).write(dir, "wang-ma-patterns"));
        Figure dirs = new Figure("wang-ma-two-point: best cosine to the condensation direction", "t", "max_j cos(w_j, v)");
        for (var entry : o.cosines().entrySet()) {
            double[] best = new double[o.size()];
            for (int k = 0; k < o.size(); k++) { double mx = -1; for (double c : entry.getValue()[k]) mx = Math.max(mx, c); best[k] = mx; }
            dirs.add(entry.getKey(), o.times(), best, Figure.Style.LINE);
        }
        out.addAll(dirs.write(dir, "wang-ma-directions"));
        return out;
    }

    private static List<Path> buHbNag(Path dir, SymjaSession s) throws Exception {
        double lambda = 1;
        List<Double> gs = new ArrayList<>(), measured = new ArrayList<>(), closed = new ArrayList<>();
        for (double gamma = 0.25; gamma <= 5.0001; gamma += 0.25) {
            final double g = gamma;
            double horizon = 40 / Math.min(g / 2, g / 2 - Math.sqrt(Math.max(0, g * g / 4 - lambda)) + 1e-9);
            horizon = Math.min(horizon, 400);
            List<double[]> samples = integrate((t, y) -> new double[] {y[1], -g * y[1] - lambda * y[0]},
                    new double[] {1, 0}, 0, horizon);
            SimpleRegression fit = new SimpleRegression();
            for (double[] p : samples) if (p[0] >= horizon / 2) fit.addData(p[0], 0.5 * Math.log(p[1] * p[1] + p[2] * p[2] / lambda + 1e-300));
            gs.add(g);
            measured.add(-fit.getSlope());
            closed.add(value(Boundaries.compute(s, Boundaries.find("hb-rate"), Map.of("gamma", Double.toString(g), "lambda", "1")), "rate"));
        }
        List<Path> out = new ArrayList<>(new Figure("heavy-ball limiting ODE (lambda = 1): linear rate against gamma", "gamma", "rate")
                .add("measured: slope of log |(e, e')| on [T/2, T]", toArray(gs), toArray(measured), Figure.Style.MARKERS)
                .add("closed form -max Re(roots of s^2 + gamma s + lambda) (Symja)", toArray(gs), toArray(closed), Figure.Style.DASHED)
                .write(dir, "bu-hb-rate"));
        Figure nag = new Figure("Nesterov limiting ODE e'' + (r/t) e' + e = 0: squared error", "t", "e^2 + e'^2").logX().logY();
        for (double r : new double[] {2, 3, 6}) {
            List<double[]> samples = integrate((t, y) -> new double[] {y[1], -r / t * y[1] - y[0]}, new double[] {1, 0}, 1, 2000);
            double[] t = new double[samples.size()], v = new double[samples.size()];
            for (int k = 0; k < t.length; k++) { t[k] = samples.get(k)[0]; v[k] = samples.get(k)[1] * samples.get(k)[1] + samples.get(k)[2] * samples.get(k)[2]; }
            // the amplitude's envelope exponent from the Bessel asymptotics, derived by Symja; the squared error has twice it
            double exponent = 2 * value(Boundaries.compute(s, Boundaries.find("nesterov-ode"), Map.of("r", Double.toString(r), "lambda", "1", "t", "10")),
                    "envelopeExponent");
            nag.add("r = " + r, t, v, Figure.Style.LINE);
            nag.add(String.format("t^%.3g (envelope exponent, Symja)", exponent), new double[] {1, 2000}, new double[] {v[0], v[0] * Math.pow(2000, exponent)},
                    Figure.Style.DASHED);
        }
        out.addAll(nag.write(dir, "bu-nag"));
        return out;
    }

    private interface Rhs { double[] at(double t, double[] y); }

    private static List<double[]> integrate(Rhs rhs, double[] y0, double t0, double t1) {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            public int getDimension() { return y0.length; }
            public double[] computeDerivatives(double t, double[] y) { return rhs.at(t, y); }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, 1.0, 1e-14, 1e-12);
        List<double[]> out = new ArrayList<>();
        dp.addStepHandler(interp -> {
            double a = interp.getPreviousState().getTime(), b = interp.getCurrentState().getTime();
            for (int k = 0; k < 4; k++) {
                double t = a + (b - a) * k / 4;
                double[] y = interp.getInterpolatedState(t).getPrimaryState();
                out.add(new double[] {t, y[0], y[1]});
            }
        });
        dp.integrate(ode, new ODEState(t0, y0.clone()), t1);
        return out;
    }

    static double[] toArray(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).toArray(); }

    static double interpolate(double[] t, double[] v, double at) {
        int k = java.util.Arrays.binarySearch(t, at);
        if (k >= 0) return v[k];
        int hi = Math.min(-k - 1, t.length - 1), lo = Math.max(hi - 1, 0);
        if (hi == lo) return v[lo];
        double w = (at - t[lo]) / (t[hi] - t[lo]);
        return v[lo] + w * (v[hi] - v[lo]);
    }
}
