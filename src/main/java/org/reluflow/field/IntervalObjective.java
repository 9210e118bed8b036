package org.reluflow.field;

import java.util.Arrays;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * L(theta) = int_a^b (f(x) - alpha x - beta)^2 dx for scalar input (Cheridito, Jentzen and Rossmannek).
 * The residual is piecewise linear with kinks at -b_j / w_j, so the integrand of L and of every gradient
 * component is a quadratic on each piece between consecutive kinks: Simpson's rule on each piece is exact.
 * No event handling is needed for gradient flow: integration over x smooths the kinks.
 */
public final class IntervalObjective implements Objective {

    private final Architecture arch;
    private final ParameterLayout layout;
    private final IntervalTarget target;
    private final int m;
    private final double s;
    /** The problem's field scale (1 but in mutation runs): multiplies every gradient, never the loss. */
    private final double fieldScale;

    public IntervalObjective(Problem problem) {
        if (!(problem.data() instanceof IntervalTarget t))
            throw new IllegalArgumentException("IntervalObjective needs interval data");
        this.arch = problem.architecture();
        this.layout = arch.layout();
        this.target = t;
        this.m = arch.width();
        this.s = arch.scale();
        this.fieldScale = problem.perturbation().fieldScale();
    }

    @Override public int dimension() { return layout.size(); }

    public IntervalTarget target() { return target; }

    /** Sorted breakpoints: a, every kink strictly inside (a, b), b. */
    public double[] breakpoints(double[] theta) {
        double[] pts = new double[m + 2];
        int k = 0;
        pts[k++] = target.a();
        for (int j = 0; j < m; j++) {
            double w = theta[layout.w(j, 0)];
            if (w == 0) continue;
            double t = -layout.bias(theta, j) / w;
            if (t > target.a() && t < target.b()) pts[k++] = t;
        }
        pts[k++] = target.b();
        double[] out = Arrays.copyOf(pts, k);
        Arrays.sort(out);
        return out;
    }

    /** Network output at x. */
    public double predict(double[] theta, double xv) {
        Activation act = arch.activation();
        double f = layout.outputBias(theta);
        for (int j = 0; j < m; j++)
            f += s * theta[layout.a(j)] * act.value(theta[layout.w(j, 0)] * xv + layout.bias(theta, j));
        return f;
    }

    @Override public double value(double[] theta) { return integrate(theta, null); }

    @Override public double valueAndGradient(double[] theta, double[] g) {
        org.reluflow.model.Cancelled.checkpoint();
        Arrays.fill(g, 0.0);
        double value = integrate(theta, g);
        Objective.scale(g, fieldScale);
        return value;
    }

    private double integrate(double[] theta, double[] g) {
        Activation act = arch.activation();
        double[] pts = breakpoints(theta);
        double value = 0;
        double[] slope = new double[m];
        double[] nodes = new double[3];
        double[] wts = {1.0 / 6, 4.0 / 6, 1.0 / 6};
        for (int q = 0; q + 1 < pts.length; q++) {
            double lo = pts[q], hi = pts[q + 1], len = hi - lo;
            if (len <= 0) continue;
            double mid = 0.5 * (lo + hi);
            // gates are constant on the piece: read them at its midpoint
            for (int j = 0; j < m; j++)
                slope[j] = act.derivative(theta[layout.w(j, 0)] * mid + layout.bias(theta, j));
            nodes[0] = lo; nodes[1] = mid; nodes[2] = hi;
            for (int e = 0; e < 3; e++) {
                double xv = nodes[e], wt = wts[e] * len;
                double f = layout.outputBias(theta);
                for (int j = 0; j < m; j++) {
                    double zj = theta[layout.w(j, 0)] * xv + layout.bias(theta, j);
                    f += s * theta[layout.a(j)] * slope[j] * zj;
                }
                double r = f - target.target(xv);
                value += wt * r * r;
                if (g == null) continue;
                double tr = 2 * wt * r;
                for (int j = 0; j < m; j++) {
                    double zj = theta[layout.w(j, 0)] * xv + layout.bias(theta, j);
                    double aj = theta[layout.a(j)];
                    if (arch.trainOutputLayer()) g[layout.a(j)] += tr * s * slope[j] * zj;
                    g[layout.w(j, 0)] += tr * s * aj * slope[j] * xv;
                    if (arch.hiddenBias()) g[layout.b(j)] += tr * s * aj * slope[j];
                }
                if (arch.outputBias()) g[layout.c()] += tr;
            }
        }
        return value;
    }
}
