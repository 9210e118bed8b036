package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.reluflow.field.IntervalObjective;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.CriticalPoints;
import org.reluflow.symbolic.RegionField;

/**
 * Cheridito, Jentzen and Rossmannek's scalar affine target on [0, 1] (alpha = 1, beta = 0) with hidden and output
 * biases and the square-integral loss, beyond the exact critical-point claims:
 * <ul>
 *   <li>P3.1 gradient formulas: the exact piecewise field derived by Symja equals the numeric engine's gradient to
 *       1e-12 relative at 20 random parameter vectors;</li>
 *   <li>P3.4 dead-neuron minima: from configurations whose neurons are all inactive on [a, b], GD only moves c and
 *       the loss converges to the constant-fit level alpha^2 (b-a)^3 / 12 (within 1e-10), so no threshold above it
 *       can certify global convergence;</li>
 *   <li>P3.5 avoidance: GD from 60 random initializations (width 2, step 0.05 / max(1, alpha^2 (b - a))) never ends within 1e-4
 *       of the L_3 level unless its gradient is large, and every limit below the L_3 level is global (L &lt;= 1e-8);</li>
 *   <li>P3.6 local escape: GD started at L_3 + eps v_min grows its distance like (1 - gamma lambda_min)^n, within 1%
 *       while the distance stays below 1e-3 (the linear regime);</li>
 *   <li>P3.7 leaky ReLU (slope 0.1): the same 60 runs all reach L &lt;= 1e-8 (no non-global local minima found).</li>
 * </ul>
 * {@code predictionFactor} scales the prediction (P3.4 level, P3.6 eigenvalue); 1 in the claims.
 */
public final class ScalarTargetClaim extends Claim {
    public enum Kind { GRADIENT, DEAD_MINIMA, AVOIDANCE, LOCAL_ESCAPE, LEAKY }

    private final Kind kind;
    private final double predictionFactor;
    private final Activation activation;
    private final List<double[]> extraStarts;
    private final CriticalPoints.Instance target;

    /** The default target x on [0, 1]. */
    public static final CriticalPoints.Instance UNIT = CriticalPoints.Instance.of("0", "1", "1", "0", 2, true);

    public ScalarTargetClaim(Kind kind, double predictionFactor) {
        this(kind, predictionFactor, null, List.of());
    }

    /** The claim on another affine target (width 2, output bias). */
    public ScalarTargetClaim(Kind kind, CriticalPoints.Instance target) {
        this(kind, 1, null, List.of(), target);
    }

    /**
     * Negative controls: {@code activation} replaces the claim's activation (null keeps it), {@code extraStarts} are
     * added to the random initializations of P3.5 / P3.7.
     */
    public ScalarTargetClaim(Kind kind, double predictionFactor, Activation activation, List<double[]> extraStarts) {
        this(kind, predictionFactor, activation, extraStarts, UNIT);
    }

    private ScalarTargetClaim(Kind kind, double predictionFactor, Activation activation, List<double[]> extraStarts, CriticalPoints.Instance target) {
        this.kind = kind;
        this.predictionFactor = predictionFactor;
        this.activation = activation;
        this.extraStarts = List.copyOf(extraStarts);
        this.target = target;
    }

    private double a() { return target.a().doubleValue(); }
    private double b() { return target.b().doubleValue(); }
    private double alpha() { return target.alpha().doubleValue(); }

    /** alpha^2 (b - a)^3 / 12, the constant-fit level. */
    private double constantFit() { return alpha() * alpha() * Math.pow(b() - a(), 3) / 12; }

    private Problem problem(Activation act) { return problem(target, act); }

    /** A GD step well inside the stable range for this target (the Hessian scales like alpha^2 (b - a)). */
    private double step(double base) { return base / Math.max(1, alpha() * alpha() * (b() - a())); }

    /**
     * The L_3 saddle of the default instance (width 2): the exact point from the symbolic engine, and the extreme
     * eigenvalues of its Hessian with the eigenvector of the most negative one (central differences of the exact
     * piecewise gradient, step 1e-5, symmetrized).
     */
    public record Saddle(double[] point, double lambdaMin, double lambdaMax, double[] direction) {}

    public static Saddle l3Saddle(org.reluflow.symbolic.SymjaSession session) throws org.reluflow.symbolic.SymbolicException {
        return l3Saddle(session, UNIT);
    }

    public static Saddle l3Saddle(org.reluflow.symbolic.SymjaSession session, CriticalPoints.Instance in) throws org.reluflow.symbolic.SymbolicException {
        double[] phi = l3Point(session, in);
        IntervalObjective obj = new IntervalObjective(problem(in, Activation.relu()));
        int n = phi.length;
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] plus = phi.clone(), minus = phi.clone();
            plus[j] += 1e-5;
            minus[j] -= 1e-5;
            double[] gp = obj.gradient(plus), gm = obj.gradient(minus);
            for (int i = 0; i < n; i++) h[i][j] = (gp[i] - gm[i]) / 2e-5;
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) { double a = (h[i][j] + h[j][i]) / 2; h[i][j] = a; h[j][i] = a; }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false));
        double[] ev = eig.getEigenvalues();
        int kMin = 0;
        for (int k = 1; k < n; k++) if (ev[k] < ev[kMin]) kMin = k;
        return new Saddle(phi, ev[kMin], java.util.Arrays.stream(ev).max().orElse(1), eig.getEigenvector(kMin).toArray());
    }

    /** The L_3 configuration of the default instance as a parameter vector (width 2). */
    public static double[] l3Point(org.reluflow.symbolic.SymjaSession session) throws org.reluflow.symbolic.SymbolicException {
        return l3Point(session, UNIT);
    }

    public static double[] l3Point(org.reluflow.symbolic.SymjaSession session, CriticalPoints.Instance in) throws org.reluflow.symbolic.SymbolicException {
        Map<String, BigFraction> star = new CriticalPoints(session).lkConfiguration(in, 3);
        ParameterLayout l = problem(in, Activation.relu()).layout();
        double[] phi = new double[l.size()];
        for (int j = 0; j < 2; j++) {
            phi[l.a(j)] = star.get("v" + (j + 1)).doubleValue();
            phi[l.w(j, 0)] = star.get("w" + (j + 1)).doubleValue();
            phi[l.b(j)] = star.get("b" + (j + 1)).doubleValue();
        }
        phi[l.c()] = star.get("c").doubleValue();
        return phi;
    }

    @Override public String id() {
        return switch (kind) { case GRADIENT -> "P3.1"; case DEAD_MINIMA -> "P3.4"; case AVOIDANCE -> "P3.5"; case LOCAL_ESCAPE -> "P3.6"; case LEAKY -> "P3.7"; };
    }
    @Override public String paper() { return "cheridito-2024"; }
    @Override public String title() {
        return switch (kind) {
            case GRADIENT -> "The piecewise-exact gradient formulas";
            case DEAD_MINIMA -> "All-dead configurations are minima at the constant-fit level";
            case AVOIDANCE -> "GD avoids the strict saddles; limits below the L_3 level are global";
            case LOCAL_ESCAPE -> "GD leaves the L_3 saddle at the rate of its negative eigenvalue";
            case LEAKY -> "Leaky ReLU: no non-global local minima found";
        };
    }
    @Override public String hypotheses() {
        return "scalar input on [" + target.a() + ", " + target.b() + "], target " + target.alpha() + " x + " + target.beta()
                + ", two neurons, hidden and output biases, square-integral loss, " + (kind == Kind.LEAKY ? "leaky ReLU 0.1" : "ReLU");
    }
    @Override public String criterion() {
        return switch (kind) {
            case GRADIENT -> "|Symja field + numeric gradient| <= 1e-12 max|gradient| at 20 random points";
            case DEAD_MINIMA -> "final loss within 1e-10 of " + predictionFactor + " alpha^2 (b-a)^3 / 12 and neuron parameters unchanged, 20 starts";
            case AVOIDANCE -> "no GD limit (60 starts) near the L_3 level with a small gradient; limits below the L_3 level have L <= 1e-8";
            case LOCAL_ESCAPE -> "|distance - eps (1 - gamma " + predictionFactor + " lambda_min)^n| <= 1% while the distance < 1e-3 (eps = 1e-7)";
            case LEAKY -> "all 60 GD limits have L <= 1e-8";
        };
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 4.3-4.4; proofs-notes/cheridito-2024.md"); }

    /** The scalar affine target x on [0, 1] with hidden and output biases and the square-integral loss. */
    public static Problem problem(int width, Activation act) {
        return new Problem(new Architecture(width, 1, true, true, OutputScale.ONE, true, act), new IntervalTarget(0, 1, 1, 0), Loss.SQUARE_INTEGRAL);
    }

    /** The instance's target with two neurons, hidden and output biases, the square-integral loss. */
    static Problem problem(CriticalPoints.Instance in, Activation act) {
        return new Problem(new Architecture(2, 1, true, true, OutputScale.ONE, true, act), new IntervalTarget(in.a().doubleValue(),
                in.b().doubleValue(), in.alpha().doubleValue(), in.beta().doubleValue()), Loss.SQUARE_INTEGRAL);
    }

    @Override protected Outcome evaluate(ClaimContext ctx) throws Exception {
        return switch (kind) {
            case GRADIENT -> gradient(ctx);
            case DEAD_MINIMA -> deadMinima();
            case AVOIDANCE -> avoidance(activation != null ? activation : Activation.relu());
            case LOCAL_ESCAPE -> localEscape(ctx);
            case LEAKY -> avoidance(activation != null ? activation : new Activation(0.1, 0.1));
        };
    }

    private Outcome gradient(ClaimContext ctx) throws Exception {
        Problem p = problem(Activation.relu());
        SplittableRandom rnd = new SplittableRandom(3);
        double worst = 0;
        for (int k = 0; k < 20; k++) {
            double[] theta = new double[p.layout().size()];
            for (int i = 0; i < theta.length; i++) theta[i] = rnd.nextDouble(-1.5, 1.5);
            RegionField f = RegionField.scalar(ctx.symja(), p, theta, false);
            double[] symbolic = f.evaluate(theta), numeric = new IntervalObjective(p).gradient(theta);
            double scale = 1e-300;
            for (double v : numeric) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < theta.length; i++) {
                double err = Math.abs(symbolic[i] + predictionFactor * numeric[i]) / scale;
                worst = Math.max(worst, err);
                if (err > 1e-12) return Outcome.of(Verdict.VIOLATED, "component " + i + " differs by " + err + " in region " + f.region(), "theta", theta);
            }
        }
        return Outcome.of(Verdict.CONSISTENT, String.format("worst relative difference %.2g over 20 points", worst), "worst", worst);
    }

    /** GD with step gamma until the gradient is below tol or the step budget is spent; returns the final point. */
    static double[] gd(IntervalObjective obj, double[] x0, double gamma, int steps, double tol) {
        double[] x = x0.clone(), g = new double[x.length];
        for (int k = 0; k < steps; k++) {
            obj.valueAndGradient(x, g);
            double n = 0;
            for (double v : g) n = Math.max(n, Math.abs(v));
            if (n < tol) break;
            for (int i = 0; i < x.length; i++) x[i] -= gamma * g[i];
        }
        return x;
    }

    private Outcome deadMinima() {
        Problem p = problem(Activation.relu());
        ParameterLayout l = p.layout();
        IntervalObjective obj = new IntervalObjective(p);
        double level = predictionFactor * constantFit(), len = b() - a();
        SplittableRandom rnd = new SplittableRandom(4);
        double worst = 0;
        for (int k = 0; k < 20; k++) {
            double[] x = new double[l.size()];
            for (int j = 0; j < 2; j++) { // kink beyond [0, 1] with the neuron facing away: inactive on all of [0, 1]
                boolean right = rnd.nextBoolean();
                x[l.w(j, 0)] = right ? rnd.nextDouble(0.2, 2) : -rnd.nextDouble(0.2, 2);
                double kink = right ? b() + rnd.nextDouble(0.1, 2) * len : a() - rnd.nextDouble(0.1, 2) * len;
                x[l.b(j)] = -x[l.w(j, 0)] * kink;
                x[l.a(j)] = rnd.nextDouble(-2, 2);
            }
            x[l.c()] = rnd.nextDouble(-2, 2);
            double[] end = gd(obj, x, step(0.2), 40000, 1e-13);
            for (int i = 0; i < x.length; i++) if (i != l.c() && end[i] != x[i])
                return Outcome.of(Verdict.VIOLATED, "a dead neuron moved", "start", x, "end", end);
            double err = Math.abs(obj.value(end) - level);
            worst = Math.max(worst, err);
            if (err > 1e-10 * Math.max(1, level)) return Outcome.of(Verdict.VIOLATED, "final loss " + obj.value(end) + " against " + level, "start", x);
        }
        return Outcome.of(Verdict.CONSISTENT, String.format("20 dead starts end at the level %.6g (worst error %.2g)", level, worst), "worst", worst);
    }

    private Outcome avoidance(Activation act) {
        Problem p = problem(act);
        IntervalObjective obj = new IntervalObjective(p);
        double l3 = constantFit() / 81;
        SplittableRandom rnd = new SplittableRandom(act.isRelu() ? 5 : 6);
        List<Double> finals = new ArrayList<>();
        List<double[]> starts = new ArrayList<>(extraStarts);
        for (int k = 0; k < 60; k++) {
            double[] x = new double[p.layout().size()];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble(-1.5, 1.5);
            starts.add(x);
        }
        int global = 0, dead = 0, unconverged = 0;
        double tol = 1e-8 * Math.max(1, constantFit());
        for (double[] x : starts) {
            double[] end = gd(obj, x, step(0.05), 200_000, 1e-10);
            double loss = obj.value(end);
            double[] g = obj.gradient(end);
            double gn = 0;
            for (double v : g) gn = Math.max(gn, Math.abs(v));
            finals.add(loss);
            if (loss <= tol) { global++; continue; }
            boolean stationary = gn < 1e-8;
            if (!stationary && !(Math.abs(loss - l3) < 1e-4 * constantFit())) { unconverged++; continue; } // still moving: no limit to judge
            if (kind == Kind.LEAKY) return Outcome.of(Verdict.VIOLATED, "a leaky run stopped at L = " + loss + " with gradient " + gn, "start", x, "gradient", gn);
            if (Math.abs(loss - l3) < 1e-4 * constantFit() && gn < 1e-6)
                return Outcome.of(Verdict.VIOLATED, "GD ended at the L_3 saddle level", "start", x, "loss", loss);
            if (loss < l3 - 1e-4 * constantFit()) return Outcome.of(Verdict.VIOLATED, "a non-global limit below the L_3 level: L = " + loss, "start", x);
            dead++;
        }
        if (unconverged > starts.size() / 10)
            return Outcome.of(Verdict.INCONCLUSIVE, unconverged + " of " + starts.size() + " runs had not converged after 200000 steps", "unconverged", unconverged);
        return Outcome.of(Verdict.CONSISTENT, global + " of " + starts.size() + " runs reach L <= 1e-8; " + dead + " stop at stationary points at or above the L_3 level; "
                        + unconverged + " still moving", "global", global, "other", dead, "unconverged", unconverged);
    }

    private Outcome localEscape(ClaimContext ctx) throws Exception {
        Saddle saddle = l3Saddle(ctx.symja(), target);
        double[] phi = saddle.point(), v = saddle.direction(), x = phi.clone();
        IntervalObjective obj = new IntervalObjective(problem(Activation.relu()));
        int n = phi.length;
        double lambdaMin = saddle.lambdaMin() * predictionFactor, lambdaMax = saddle.lambdaMax();
        double gamma = 0.5 / lambdaMax, eps = 1e-7, worst = 0;
        for (int i = 0; i < n; i++) x[i] += eps * v[i];
        int compared = 0;
        for (int k = 0; k < 100000; k++) {
            double d = 0;
            for (int i = 0; i < n; i++) d += (x[i] - phi[i]) * (x[i] - phi[i]);
            d = Math.sqrt(d);
            if (d >= 1e-3) break; // the linear regime: the cubic terms stay below 1% of the linear ones
            double predicted = eps * Math.pow(1 - gamma * lambdaMin, k);
            worst = Math.max(worst, Math.abs(d - predicted) / predicted);
            compared++;
            double[] g = obj.gradient(x);
            for (int i = 0; i < n; i++) x[i] -= gamma * g[i];
        }
        Verdict verdict = lambdaMin < 0 && compared > 10 && worst <= 0.01 ? Verdict.CONSISTENT : Verdict.VIOLATED;
        return Outcome.of(verdict, String.format("lambda_min = %.5g; distance follows the prediction within %.2g over %d steps", lambdaMin, worst, compared),
                "lambda_min", lambdaMin, "worst_relative", worst, "steps", compared);
    }
}
