package org.reluflow.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.reluflow.field.NetworkObjective;
import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Method;

/**
 * Gradient flow theta' = -grad L(theta) with Hipparchus' DormandPrince853 and error control.
 *
 * <p>Finite data with a kinked activation: the field is evaluated with a frozen mode per (sample, neuron)
 * (see {@link SwitchingField}), and a {@link SwitchDetector} locates each switch to the integrator's
 * tolerance; the handler then picks the next mode: the other side when its field carries the state away from the
 * surface (a transversal crossing), otherwise Filippov sliding on the surface (both one-sided fields point into it,
 * or the far side is tangent, as for frozen coordinates of orthogonal data with sigma'(0) = 0). A sliding pair
 * leaves when its gate leaves [0, 1]. Pairs that start exactly on a surface follow the declared sigma'(0).
 *
 * <p>The square-integral loss and linear networks need no events: their fields are C^1 (integration over x smooths
 * the kinks) or polynomial.
 */
public final class GradientFlowEngine implements Engine {

    /** Evaluation budget: guards against event location stalling where a surface is grazed for a long time. */
    static final long MAX_EVALUATIONS = 50_000_000L;
    private static final double HUGE = 1e250;

    private final boolean filippov;

    public GradientFlowEngine() { this(true); }

    /**
     * @param filippov false only for the ablation in the tests: every crossing switches to the other side, the
     *                 naive stop-and-restart that chatters where the flow slides
     */
    GradientFlowEngine(boolean filippov) { this.filippov = filippov; }

    @Override public Trajectory run(Experiment experiment, ProgressListener progress) {
        Method.GradientFlow method = (Method.GradientFlow) experiment.method();
        double horizon = experiment.horizon();
        Recorder rec = new Recorder(experiment.recordEvery(), horizon, progress);
        double[] theta0 = experiment.theta0();
        rec.record(0, theta0);
        boolean switching = experiment.problem().data() instanceof FiniteDataset
                && !experiment.problem().architecture().activation().isLinear();

        Objective objective = Objectives.of(experiment.problem());
        SwitchingField field = switching ? new SwitchingField((NetworkObjective) objective,
                experiment.problem().perturbation().slidingGateScale()) : null;
        long[] evaluations = {0};
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            final double[] g = new double[objective.dimension()];

            @Override public int getDimension() { return objective.dimension(); }

            @Override public double[] computeDerivatives(double t, double[] y) {
                if (++evaluations[0] > MAX_EVALUATIONS) throw new Stop(RunStatus.INTEGRATION_FAILED,
                        "gave up after " + MAX_EVALUATIONS + " gradient evaluations at t = " + t + " (a surface grazed for a long time?)");
                double[] out = new double[y.length];
                if (field != null) field.derivative(y, out);
                else {
                    objective.valueAndGradient(y, g);
                    for (int k = 0; k < y.length; k++) out[k] = -g[k];
                }
                // A trial stage of a too-long step may land where the loss overflows: make its error estimate huge so
                // the step is rejected and shortened. Divergence of accepted steps is caught in the step handler.
                for (int k = 0; k < out.length; k++) if (!Double.isFinite(out[k])) out[k] = HUGE;
                return out;
            }
        };

        double maxStep = Math.max(horizon / 20, 1e-6);
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(0.0, maxStep, method.atol(), method.rtol());
        if (field != null) {
            initialModes(field, theta0);
            double maxCheck = Math.max(1e-6, Math.min(0.05, Math.min(experiment.recordEvery(), horizon / 1000)));
            integrator.addEventDetector(new SwitchDetector(field, maxCheck, new EventLog(rec, method.maxEvents()), theta0, filippov));
        }
        double[] last = {0};
        long[] steps = {0};
        integrator.addStepHandler(new org.hipparchus.ode.sampling.ODEStepHandler() {
            @Override public void handleStep(ODEStateInterpolator interp) {
                org.reluflow.model.Cancelled.checkpoint();
                steps[0]++;
                double t1 = interp.getCurrentState().getTime();
                double[] y = interp.getCurrentState().getPrimaryState();
                for (double v : y) if (!Double.isFinite(v) || Math.abs(v) >= HUGE) throw new Stop(RunStatus.DIVERGED, "the parameters blew up at t = " + t1);
                double l = objective.value(y);
                if (!Double.isFinite(l)) throw new Stop(RunStatus.DIVERGED, "the loss became " + l + " at t = " + t1);
                while (rec.nextDue() <= t1 && rec.nextDue() <= horizon) {
                    double t = rec.nextDue();
                    rec.record(t, interp.getInterpolatedState(t).getPrimaryState());
                }
                last[0] = t1;
                rec.progress(t1);
            }
        });

        try {
            var end = integrator.integrate(ode, new ODEState(0.0, theta0), horizon);
            double[] theta = end.getPrimaryState();
            if (end.getTime() < horizon - 1e-12 * horizon) {
                return rec.finish(RunStatus.EVENT_LIMIT, end.getTime(), theta, steps[0], evaluations[0],
                        "stopped at t = " + end.getTime() + " after " + rec.eventCount() + " activation switches (optimizer.max_events = "
                                + method.maxEvents() + ")");
            }
            return rec.finish(RunStatus.COMPLETED, horizon, theta, steps[0], evaluations[0],
                    "DormandPrince853, rtol " + method.rtol() + ", atol " + method.atol() + ", " + rec.eventCount() + " switches");
        } catch (Stop stop) {
            return rec.finish(stop.status, last[0], null, steps[0], evaluations[0], stop.getMessage());
        } catch (MathRuntimeException | IllegalStateException | ArithmeticException e) {
            return rec.finish(RunStatus.INTEGRATION_FAILED, last[0], null, steps[0], evaluations[0],
                    "the integrator stopped at t = " + last[0] + ": " + e.getMessage());
        }
    }

    /** Modes at t = 0: by sign, and for pairs exactly on a surface by the declared sigma'(0). */
    private static void initialModes(SwitchingField field, double[] theta) {
        field.objective().preactivations(theta, field.preact);
        List<int[]> onSurface = new ArrayList<>();
        for (int i = 0; i < field.samples(); i++)
            for (int j = 0; j < field.width(); j++) {
                double z = field.preact[i][j];
                field.modes[i][j] = z > 0 ? Mode.ON : Mode.OFF;
                if (z == 0) onSurface.add(new int[] {i, j});
            }
        if (onSurface.isEmpty()) return;
        double atZero = field.objective().architecture().activation().gateAtZero();
        field.prepare(theta);
        for (int[] p : onSurface) {
            double v = field.normalVelocity(theta, p[0], p[1], atZero);
            double vOn = field.normalVelocity(theta, p[0], p[1], 1.0);
            if (v > 0 && vOn > 0) field.modes[p[0]][p[1]] = Mode.ON;
            else if (v < 0 || (v == 0 && atZero == 0)) field.modes[p[0]][p[1]] = Mode.OFF;
            else field.modes[p[0]][p[1]] = Mode.SLIDE;
        }
    }

    /** Unwinds the integration with a status; never leaves run(). */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final RunStatus status;

        Stop(RunStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Records switches and enforces the event budget. */
    static final class EventLog {
        private final Recorder rec;
        private final int maxEvents;

        EventLog(Recorder rec, int maxEvents) {
            this.rec = rec;
            this.maxEvents = maxEvents;
        }

        /** @return false when the budget is spent (the integration must stop) */
        boolean add(SwitchEvent e) {
            rec.event(e);
            return rec.eventCount() < maxEvents;
        }
    }
}
