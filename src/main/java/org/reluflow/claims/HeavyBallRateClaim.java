package org.reluflow.claims;

import java.util.List;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;

/**
 * P4.4 in the underdamped regime gamma &lt; 2 sqrt(lambda): the heavy-ball limiting ODE converges linearly with
 * rate rho(gamma) = gamma / 2. Certified on the instance: a validated enclosure gives e and e' at T/2 and T; the
 * amplitude A^2 = e^2 + ((e' + gamma e / 2) / omega)^2 decays exactly like e^{-gamma t}, so the interval
 * (ln A^2(T/2) - ln A^2(T)) / T encloses the true rate, which must lie within 2% of the prediction.
 * {@code predictedFactor} multiplies gamma in the prediction (1/2 in the claim; the negative control uses 1).
 */
public final class HeavyBallRateClaim extends Claim {
    private final double gamma, lambda, predictedFactor;

    public HeavyBallRateClaim(double gamma, double lambda, double predictedFactor) {
        this.gamma = gamma;
        this.lambda = lambda;
        this.predictedFactor = predictedFactor;
    }

    @Override public String id() { return "P4.4"; }
    @Override public String paper() { return "bu-2021"; }
    @Override public String title() { return "Heavy-ball ODE converges linearly with rate gamma/2 below critical damping"; }
    @Override public String hypotheses() { return "e'' + gamma e' + lambda e = 0, gamma = " + gamma + " < 2 sqrt(lambda) = " + 2 * Math.sqrt(lambda); }
    @Override public String criterion() { return "the certified decay-rate interval of the amplitude lies within 2% of " + predictedFactor + " gamma"; }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 5.2; proofs-notes/bu-2021.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) throws Exception {
        if (!(gamma > 0 && gamma < 2 * Math.sqrt(lambda))) return Outcome.outside("gamma must lie in (0, 2 sqrt(lambda))");
        OdeSystem ode = OdeSystem.parse(ctx.symja(), "{v, -" + gamma + "*v - " + lambda + "*e}", List.of("e", "v"));
        ValidatedIntegrator vi = new ValidatedIntegrator(SwitchedField.of(ode), ValidatedIntegrator.Settings.defaultsFor(2));
        double horizon = 20 / gamma;
        Enclosure half = vi.integrate(IntervalVector.ofPoints(1, 0), horizon / 2), full = vi.integrate(IntervalVector.ofPoints(1, 0), horizon);
        if (!half.isValid() || !full.isValid()) return Outcome.of(Verdict.INCONCLUSIVE, "validation failed: " + full.reason());
        Interval g = Interval.of(gamma), omega = Interval.of(lambda).sub(g.sqr().div(4)).sqrt();
        Interval rate = amplitude(half.box(), g, omega).log().sub(amplitude(full.box(), g, omega).log()).div(horizon / 2).div(2);
        double predicted = predictedFactor * gamma;
        boolean within = rate.lo() >= predicted * 0.98 && rate.hi() <= predicted * 1.02;
        boolean outside = rate.hi() < predicted * 0.98 || rate.lo() > predicted * 1.02;
        Verdict v = within ? Verdict.CERTIFIED : outside ? Verdict.VIOLATED : Verdict.INCONCLUSIVE;
        return Outcome.of(v, "certified rate in [" + rate.lo() + ", " + rate.hi() + "], predicted " + predicted,
                "rate_lo", rate.lo(), "rate_hi", rate.hi(), "predicted", predicted, "horizon", horizon);
    }

    private static Interval amplitude(IntervalVector x, Interval gamma, Interval omega) {
        Interval e = x.get(0), v = x.get(1);
        return e.sqr().add(v.add(gamma.mul(e).div(2)).div(omega).sqr());
    }
}
