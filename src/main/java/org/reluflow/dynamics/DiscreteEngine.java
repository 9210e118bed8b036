package org.reluflow.dynamics;

import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Experiment;
import org.reluflow.model.Method;

/**
 * Gradient descent, heavy ball and Nesterov in double precision. Iteration k sits at time t = k * eta, so a run is
 * comparable with gradient flow on the same time axis. A NaN/Inf parameter or loss, or a loss that grows more than
 * {@link #BLOW_UP} times above its start, stops the run as DIVERGED with the iteration at which it happened.
 */
public final class DiscreteEngine implements Engine {

    /** Loss growth factor taken as divergence. */
    public static final double BLOW_UP = 1e8;

    @Override public Trajectory run(Experiment experiment, ProgressListener progress) {
        Method method = experiment.method();
        double eta;
        long steps;
        if (method instanceof Method.GradientDescent gd) { eta = gd.step(); steps = gd.steps(); }
        else if (method instanceof Method.HeavyBall hb) { eta = hb.step(); steps = hb.steps(); }
        else if (method instanceof Method.Nesterov nag) { eta = nag.step(); steps = nag.steps(); }
        else throw new IllegalArgumentException("not a discrete method: " + method.specName());

        Objective objective = Objectives.fast(experiment.problem());
        int p = objective.dimension();
        double[] theta = experiment.theta0();
        double[] previous = theta.clone();
        double[] lookahead = new double[p];
        double[] g = new double[p];
        double horizon = steps * eta;
        Recorder rec = new Recorder(experiment.recordEvery(), horizon, progress);
        rec.record(0, theta);
        double initialLoss = objective.value(theta);
        long evaluations = 1;
        if (!Double.isFinite(initialLoss))
            return rec.finish(RunStatus.DIVERGED, 0, null, 0, evaluations, "the loss is not finite at the initial parameters");

        for (long k = 0; k < steps; k++) {
            org.reluflow.model.Cancelled.checkpoint();
            double loss;
            if (method instanceof Method.Nesterov nag) {
                double mu = k == 0 ? 0 : nag.momentum().at(k);
                for (int i = 0; i < p; i++) lookahead[i] = theta[i] + mu * (theta[i] - previous[i]);
                loss = objective.valueAndGradient(lookahead, g);
                System.arraycopy(theta, 0, previous, 0, p);
                for (int i = 0; i < p; i++) theta[i] = lookahead[i] - eta * g[i];
            } else {
                double beta = method instanceof Method.HeavyBall hb ? hb.momentum() : 0.0;
                loss = objective.valueAndGradient(theta, g);
                for (int i = 0; i < p; i++) {
                    double next = theta[i] - eta * g[i] + beta * (theta[i] - previous[i]);
                    previous[i] = theta[i];
                    theta[i] = next;
                }
            }
            evaluations++;
            double t = (k + 1) * eta;
            String bad = divergence(loss, initialLoss, theta);
            if (bad != null) {
                return rec.finish(RunStatus.DIVERGED, k * eta, null, k, evaluations,
                        "diverged at step " + (k + 1) + " (t = " + (float) t + "): " + bad
                                + "; the step size eta = " + eta + " is too large for this problem, try a smaller one");
            }
            if (t >= rec.nextDue() - 1e-12 * t) rec.record(t, theta);
            rec.progress(t);
        }
        return rec.finish(RunStatus.COMPLETED, steps * eta, theta, steps, evaluations,
                method.specName() + ": " + steps + " iterations, recorded at t = k * eta");
    }

    private static String divergence(double loss, double initialLoss, double[] theta) {
        if (!Double.isFinite(loss)) return "the loss became " + loss;
        for (double v : theta) if (!Double.isFinite(v)) return "a parameter became " + v;
        if (loss > BLOW_UP * Math.max(initialLoss, 1e-300) && loss > 1e6)
            return "the loss grew from " + (float) initialLoss + " to " + (float) loss;
        return null;
    }
}
