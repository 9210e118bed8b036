package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * P4.6: along the Nesterov limiting ODE e'' + (r/t) e' + lambda e = 0 the squared error decays sublinearly, its
 * envelope like t^{-r} (the Bessel solution's t^{-r/2} amplitude). Integrated with DormandPrince853 (rtol 1e-12)
 * from t = 1; the envelope is the running maximum of e^2 + e'^2/lambda over windows [t, 2t]; its log-log slope is
 * fitted over t in [20, 2000] and must be within 0.15 of the predicted exponent (-r in the claim).
 */
public final class NesterovEnvelopeClaim extends Claim {
    private final double r, lambda, predictedExponent;

    public NesterovEnvelopeClaim(double r, double lambda, double predictedExponent) {
        this.r = r;
        this.lambda = lambda;
        this.predictedExponent = predictedExponent;
    }

    @Override public String id() { return "P4.6"; }
    @Override public String paper() { return "bu-2021"; }
    @Override public String title() { return "Nesterov ODE: the squared error decays like t^(-r), not exponentially"; }
    @Override public String hypotheses() { return "e'' + (r/t) e' + lambda e = 0, r = " + r + ", lambda = " + lambda + ", from t = 1"; }
    @Override public String criterion() { return "log-log slope of the windowed envelope within 0.15 of " + predictedExponent; }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 5.2; Bessel asymptotics, proofs-notes/bu-2021.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            public int getDimension() { return 2; }
            public double[] computeDerivatives(double t, double[] y) { return new double[] {y[1], -r / t * y[1] - lambda * y[0]}; }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, 1.0, 1e-14, 1e-12);
        List<double[]> samples = new ArrayList<>();
        dp.addStepHandler((interp) -> {
            double t0 = interp.getPreviousState().getTime(), t1 = interp.getCurrentState().getTime();
            for (int k = 0; k < 8; k++) {
                double t = t0 + (t1 - t0) * k / 8;
                double[] y = interp.getInterpolatedState(t).getPrimaryState();
                samples.add(new double[] {t, y[0] * y[0] + y[1] * y[1] / lambda});
            }
        });
        dp.integrate(ode, new ODEState(1.0, new double[] {1.0, 0.0}), 4000);
        SimpleRegression fit = new SimpleRegression();
        for (double t = 20; t <= 2000; t *= 1.25) {
            double max = 0;
            for (double[] s : samples) if (s[0] >= t && s[0] <= 2 * t) max = Math.max(max, s[1]);
            fit.addData(Math.log(t), Math.log(max));
        }
        double slope = fit.getSlope();
        Verdict v = Math.abs(slope - predictedExponent) <= 0.15 ? Verdict.CONSISTENT : Verdict.VIOLATED;
        return Outcome.of(v, "envelope slope " + String.format("%.3f", slope) + " against " + predictedExponent,
                "slope", slope, "predicted", predictedExponent, "r_squared", fit.getRSquare());
    }
}
