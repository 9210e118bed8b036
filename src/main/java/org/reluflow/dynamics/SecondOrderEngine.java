package org.reluflow.dynamics;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Experiment;
import org.reluflow.model.Method;

/**
 * The limiting ODEs of the momentum methods (Bu, Xu and Chen), as first-order systems in (theta, v), theta'(0) = 0:
 * heavy ball theta'' + gamma theta' + grad L = 0, and Nesterov theta'' + (r/t) theta' + grad L = 0.
 *
 * <p>The Nesterov ODE is singular at t = 0; it starts at t0 = {@link #T0_FACTOR} / sqrt(|grad L| + 1) from the
 * series theta(t0) = theta0 - g t0^2 / (2 (1 + r)), v(t0) = -g t0 / (1 + r) (g = grad L(theta0)), whose error is
 * O(t0^4). These ODEs serve the NTK setting, where activation patterns barely move, so the gradient uses the
 * sign gates of the current state without event location; the integrator's error control absorbs the rare kinks.
 */
public final class SecondOrderEngine implements Engine {

    static final double T0_FACTOR = 1e-4;

    @Override public Trajectory run(Experiment experiment, ProgressListener progress) {
        Method method = experiment.method();
        double rtol, atol;
        double gamma = 0, r = 0;
        boolean nesterov = method instanceof Method.NesterovOde;
        if (method instanceof Method.HeavyBallOde hb) { gamma = hb.gamma(); rtol = hb.rtol(); atol = hb.atol(); }
        else if (method instanceof Method.NesterovOde nag) { r = nag.r(); rtol = nag.rtol(); atol = nag.atol(); }
        else throw new IllegalArgumentException("not a second-order method: " + method.specName());

        Objective objective = Objectives.fast(experiment.problem());
        int p = objective.dimension();
        double horizon = experiment.horizon();
        Recorder rec = new Recorder(experiment.recordEvery(), horizon, progress);
        double[] theta0 = experiment.theta0();
        rec.record(0, theta0);
        double[] y0 = new double[2 * p];
        double[] g = new double[p];
        double t0 = 0;
        double loss0 = objective.valueAndGradient(theta0, g);
        if (!Double.isFinite(loss0)) return rec.finish(RunStatus.DIVERGED, 0, null, 0, 1, "the loss is not finite at the initial parameters");
        System.arraycopy(theta0, 0, y0, 0, p);
        if (nesterov) {
            double norm = 0;
            for (double v : g) norm += v * v;
            t0 = Math.min(horizon / 1e3, T0_FACTOR / Math.sqrt(Math.sqrt(norm) + 1));
            for (int k = 0; k < p; k++) {
                y0[k] = theta0[k] - g[k] * t0 * t0 / (2 * (1 + r));
                y0[p + k] = -g[k] * t0 / (1 + r);
            }
        }
        final double damping = gamma, rr = r;
        long[] evaluations = {1};
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            final double[] grad = new double[p];
            final double[] th = new double[p];

            @Override public int getDimension() { return 2 * p; }

            @Override public double[] computeDerivatives(double t, double[] y) {
                System.arraycopy(y, 0, th, 0, p);
                double loss = objective.valueAndGradient(th, grad);
                evaluations[0]++;
                if (!Double.isFinite(loss)) throw new GradientFlowEngine.Stop(RunStatus.DIVERGED, "the loss became " + loss + " at t = " + t);
                double c = nesterov ? rr / t : damping;
                double[] out = new double[2 * p];
                for (int k = 0; k < p; k++) {
                    out[k] = y[p + k];
                    out[p + k] = -c * y[p + k] - grad[k];
                }
                return out;
            }
        };
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(0.0, Math.max(horizon / 20, 1e-6), atol, rtol);
        double[] last = {t0};
        long[] steps = {0};
        integrator.addStepHandler((ODEStepHandler) (ODEStateInterpolator interp) -> {
            steps[0]++;
            double t1 = interp.getCurrentState().getTime();
            while (rec.nextDue() <= t1 && rec.nextDue() <= horizon) {
                double t = Math.max(rec.nextDue(), interp.getPreviousState().getTime());
                double[] y = interp.getInterpolatedState(t).getPrimaryState();
                rec.record(rec.nextDue(), java.util.Arrays.copyOf(y, p));
            }
            last[0] = t1;
            rec.progress(t1);
        });
        try {
            var end = integrator.integrate(ode, new ODEState(t0, y0), horizon);
            return rec.finish(RunStatus.COMPLETED, horizon, java.util.Arrays.copyOf(end.getPrimaryState(), p),
                    steps[0], evaluations[0], method.specName() + " as a first-order system in (theta, theta')"
                            + (nesterov ? ", started at t0 = " + t0 + " from its series" : ""));
        } catch (GradientFlowEngine.Stop stop) {
            return rec.finish(stop.status, last[0], null, steps[0], evaluations[0], stop.getMessage());
        } catch (MathRuntimeException | IllegalStateException e) {
            return rec.finish(RunStatus.INTEGRATION_FAILED, last[0], null, steps[0], evaluations[0],
                    "the integrator stopped at t = " + last[0] + ": " + e.getMessage());
        }
    }
}
