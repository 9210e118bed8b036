package org.reluflow.claims;

import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.ParameterLayout;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.NetworkFields;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;

/**
 * Saxe, McClelland and Ganguli: a balanced, aligned two-layer linear network on whitened inputs has mode strength
 * u = a &lt;w, y*&gt; / |y*| obeying u' = 2u(s - u), s = |y*|, so u(t) = s e^{2st} / (e^{2st} - 1 + s/u0). Certified on
 * the built-in example: the validated enclosure of the flow gives u(T) an interval, the closed form evaluated in
 * interval arithmetic another, and they must meet with both narrower than 1e-9 (then |u(T) - closed form| &lt;= their
 * widths). {@code exponentFactor} multiplies 2st in the closed form (2 in the claim; the negative control uses 1).
 */
public final class SaxeClosedFormClaim extends Claim {
    private final Experiment experiment;
    private final double exponentFactor;

    public SaxeClosedFormClaim(Experiment experiment, double exponentFactor) {
        this.experiment = experiment;
        this.exponentFactor = exponentFactor;
    }

    @Override public String id() { return "classic.saxe"; }
    @Override public String paper() { return "classic"; }
    @Override public String title() { return "Two-layer linear network: the mode strength follows Saxe's logistic closed form"; }
    @Override public String hypotheses() { return "linear activation, whitened inputs, balanced and aligned initialization (" + experiment.name() + ")"; }
    @Override public String criterion() {
        return "the validated enclosure of u(T) meets the interval closed form with exponent " + exponentFactor + " s t, both narrower than 1e-9";
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("Saxe et al. 2014; proofs-notes/classic.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        if (!experiment.problem().architecture().activation().isLinear()) return Outcome.outside("the activation is not linear");
        FiniteDataset data = (FiniteDataset) experiment.problem().data();
        ParameterLayout l = experiment.problem().layout();
        if (l.width() != 1) return Outcome.outside("one mode: width 1");
        double[] ystar = new double[l.inputDim()];
        for (int i = 0; i < data.size(); i++) for (int k = 0; k < ystar.length; k++) ystar[k] += data.y()[i] * data.x()[i][k];
        SwitchedField f = NetworkFields.switchedField(experiment.problem());
        double horizon = experiment.horizon();
        Enclosure e = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f))
                .integrate(IntervalVector.ofPoints(experiment.theta0()), horizon);
        if (!e.isValid()) return Outcome.of(Verdict.INCONCLUSIVE, "validation failed: " + e.reason());
        Interval s = Interval.ZERO;
        for (double v : ystar) s = s.add(Interval.of(v).sqr());
        s = s.sqrt();
        Interval uT = mode(e.box(), l, ystar, s), u0 = mode(IntervalVector.ofPoints(experiment.theta0()), l, ystar, s);
        Interval g = s.mul(horizon * exponentFactor).exp();
        Interval closed = s.mul(g).div(g.sub(Interval.ONE).add(s.div(u0)));
        boolean meet = !uT.intersection(closed).isEmpty();
        boolean narrow = uT.width() < 1e-9 && closed.width() < 1e-9;
        Verdict v = meet && narrow ? Verdict.CERTIFIED : !meet ? Verdict.VIOLATED : Verdict.INCONCLUSIVE;
        return Outcome.of(v, "u(" + horizon + ") in " + uT + ", closed form in " + closed,
                "u_T", new double[] {uT.lo(), uT.hi()}, "closed_form", new double[] {closed.lo(), closed.hi()}, "steps", e.steps());
    }

    private static Interval mode(IntervalVector theta, ParameterLayout l, double[] ystar, Interval s) {
        Interval dot = Interval.ZERO;
        for (int k = 0; k < ystar.length; k++) dot = dot.add(theta.get(l.w(0, k)).mul(ystar[k]));
        return theta.get(l.a(0)).mul(dot).div(s);
    }
}
