package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;
import org.reluflow.spec.Examples;
import org.reluflow.symbolic.CriticalPoints;

/**
 * The default catalog: every claim on its default instance, in paper order. Instances are small enough for exact
 * and validated checks; the whole catalog runs in well under the five-minute budget on two cores.
 */
public final class Catalog {
    private Catalog() {}

    public static final List<String> PAPERS = List.of("wang-ma-2023", "boursier-2022", "cheridito-2024", "bu-2021", "classic");

    /**
     * Seconds one check of a catalog claim may take (unmutated, or under one mutant) before it is stopped as
     * INCONCLUSIVE, unless {@code check --claim-timeout} says otherwise: several times what the check takes on this
     * 2-core machine, so that only a run that went wrong (a mutant that makes a flow stall) hits it.
     */
    public static final double DEFAULT_TIME_LIMIT = 60;

    /** Claims that need longer than {@link #DEFAULT_TIME_LIMIT} (many seeds or long exact computations). */
    private static final java.util.Map<String, Double> TIME_LIMITS = java.util.Map.of("P2.10", 180.0, "P3.8", 180.0, "P4.7", 180.0);

    /** The time limit of claim {@code id} in seconds. */
    public static double timeLimit(String id) { return TIME_LIMITS.getOrDefault(id, DEFAULT_TIME_LIMIT); }

    public static List<Claim> defaults() {
        List<Claim> c = new ArrayList<>();
        // Wang & Ma: two points at angle 0.3 with class weights 0.9 / 0.1, exponential loss, two neurons. The balancedness
        // horizons (20, 60, 7 below) are the longest round times to which the validated integrator stays VALID with
        // point-like boxes on each instance, measured (proofs-notes/classic.md)
        Problem twoPoint = new Problem(new Architecture(2, 2, false, false, OutputScale.ONE, true, Activation.relu()),
                new FiniteDataset(new double[][] {{1, 0}, {Math.cos(0.3), Math.sin(0.3)}}, new double[] {1, -1}, new double[] {0.9, 0.1}),
                Loss.EXPONENTIAL);
        c.add(new BalancednessClaim("P1.1", "wang-ma-2023", "Balancedness is conserved along gradient flow (two-point data)",
                twoPoint, random(twoPoint, 1, 0.5), 20, BalancednessClaim.balancedness(twoPoint.layout()), "a_j^2 - |w_j|^2"));
        Experiment wangMa = Examples.loadUnchecked("wang-ma-two-point");
        c.add(new SwitchRulesClaim(wangMa, false));
        c.add(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.CONDENSATION, wangMa, 1e-4, 1));
        c.add(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.ESCAPE, wangMa, 1e-4, 1));
        c.add(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.PLATEAU, wangMa, 1e-4, 1));
        c.add(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.PLATEAU_DURATION, wangMa, 1e-4, 1));
        c.add(new MarginClaim("P1.7", "wang-ma-2023", wangMa, MarginClaim.Quantity.SMOOTHED));
        // Boursier et al.
        Problem ortho = orthogonal(3, new double[] {1, 0.5, -0.2, -0.1}, Activation.relu());
        c.add(new BalancednessClaim("P2.1", "boursier-2022", "Balancedness is conserved along gradient flow (orthogonal data)",
                orthogonal(2, new double[] {1, -0.5, 0.25}, Activation.relu()), random(orthogonal(2, new double[] {1, -0.5, 0.25}, Activation.relu()), 2, 0.5),
                60, BalancednessClaim.balancedness(orthogonal(2, new double[] {1, -0.5, 0.25}, Activation.relu()).layout()), "a_j^2 - |w_j|^2"));
        List<double[]> starts = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) starts.add(random(ortho, seed, 1.0));
        c.add(new MonotoneActivationClaim(ortho, starts, 4));
        Experiment boursier = Examples.loadUnchecked("boursier-orthogonal");
        c.add(new PlateauLevelsClaim(smallInit(boursier, 1e-2), 1e-3));
        c.add(new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.WRONG_SIGN_DIE, boursier, 1));
        c.add(new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.ALIGNMENT, boursier, 1));
        c.add(new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.ESCAPE_TIMES, boursier, 1));
        c.add(new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.ZERO_LOSS, boursier, 1));
        c.add(new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.IMPLICIT_BIAS, boursier, 1));
        c.add(new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.FINAL_DIRECTIONS, twoLabels(), 1));
        c.add(new WidthThresholdClaim(0));
        // Cheridito et al.
        CriticalPoints.Instance scalar = CriticalPoints.Instance.of("0", "1", "1", "0", 4, true);
        c.add(new CriticalFamilyClaim(scalar, false, 4));
        c.add(new CriticalFamilyClaim(scalar, true, 4));
        c.add(new CriticalLevelsClaim(CriticalPoints.Instance.of("0", "1", "1", "0", 2, true), 3));
        for (ScalarTargetClaim.Kind k : ScalarTargetClaim.Kind.values()) c.add(new ScalarTargetClaim(k, 1));
        // Bu et al.
        c.add(new NtkConcentrationClaim(unitInputs(), -0.5));
        c.add(new NtkLambdaClaim(unitInputs(), true));
        c.add(new NtkTrainingClaim(NtkTrainingClaim.Kind.GD_RATE, 1));
        c.add(new NtkTrainingClaim(NtkTrainingClaim.Kind.LAZINESS, 1));
        c.add(new HeavyBallRateClaim(0.5, 1.0, 0.5));
        c.add(new HeavyBallEnergyClaim("1/2", "1"));
        c.add(new NesterovEnvelopeClaim(3, 1, -3));
        c.add(new MomentumOrderingClaim(0, 0.5, 0.9));
        // classic
        Problem small = new Problem(new Architecture(2, 2, true, true, OutputScale.ONE, true, Activation.relu()),
                FiniteDataset.uniform(new double[][] {{0.5, -1}, {1.25, 0.75}}, new double[] {0.5, -1}), Loss.SQUARE);
        c.add(new BalancednessClaim("classic.balancedness", "classic", "Balancedness a_j^2 - |w_j|^2 - b_j^2 is conserved (Du, Hu & Lee)",
                small, random(small, 4, 0.8), 7, BalancednessClaim.balancedness(small.layout()), "a_j^2 - |w_j|^2 - b_j^2"));
        c.add(new GdBalancednessClaim(small, 0.05, false));
        c.add(new SaxeClosedFormClaim(Examples.loadUnchecked("saxe-linear"), 2));
        c.add(new MarginClaim("classic.lyu-li", "classic", MarginClaim.separable(), MarginClaim.Quantity.SMOOTHED));
        c.add(new NtkConcentrationClaim("classic.ntk-concentration", "classic", sphereInputs(8, 5, 31), -0.5));
        return c;
    }

    /** Catalog claims whose instance is an experiment, in catalog order: they can run on a spec instead. */
    public static final List<String> SPEC_CLAIMS = List.of("P1.1", "P1.2", "P1.3", "P1.4", "P1.5", "P1.6", "P1.7", "P2.1", "P2.2",
            "P2.5", "P2.3", "P2.4", "P2.6", "P2.7", "P2.8", "P2.9", "classic.balancedness", "classic.gd-balancedness", "classic.saxe",
            "classic.lyu-li");

    /**
     * Catalog claim {@code id} with the same settings as in {@link #defaults()} but on the instance {@code e}
     * ({@code check --claim ID --spec FILE}, and the claim properties, so that a failing random instance reruns
     * from the command line); empty for claims whose instance is not an experiment (exact targets, closed forms,
     * seeds). Claims on a problem alone (P2.2's starts, GD balancedness) take the spec's problem, start and horizon.
     */
    public static java.util.Optional<Claim> onExperiment(String id, Experiment e) {
        Problem p = e.problem();
        String form = p.architecture().hiddenBias() ? "a_j^2 - |w_j|^2 - b_j^2" : "a_j^2 - |w_j|^2";
        Claim c = switch (id) {
            case "P1.1" -> new BalancednessClaim("P1.1", "wang-ma-2023", "Balancedness is conserved along gradient flow (two-point data)",
                    p, e.theta0(), e.horizon(), BalancednessClaim.balancedness(p.layout()), form);
            case "P2.1" -> new BalancednessClaim("P2.1", "boursier-2022", "Balancedness is conserved along gradient flow (orthogonal data)",
                    p, e.theta0(), e.horizon(), BalancednessClaim.balancedness(p.layout()), form);
            case "classic.balancedness" -> new BalancednessClaim("classic.balancedness", "classic",
                    "Balancedness a_j^2 - |w_j|^2 - b_j^2 is conserved (Du, Hu & Lee)", p, e.theta0(), e.horizon(),
                    BalancednessClaim.balancedness(p.layout()), form);
            case "P1.2" -> new SwitchRulesClaim(e, false);
            case "P1.3" -> new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.CONDENSATION, e, 1e-4, 1);
            case "P1.4" -> new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.ESCAPE, e, 1e-4, 1);
            case "P1.5" -> new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.PLATEAU, e, 1e-4, 1);
            case "P1.6" -> new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.PLATEAU_DURATION, e, 1e-4, 1);
            case "P1.7" -> new MarginClaim("P1.7", "wang-ma-2023", e, MarginClaim.Quantity.SMOOTHED);
            case "P2.2" -> new MonotoneActivationClaim(p, List.of(e.theta0()), e.horizon());
            case "P2.5" -> new PlateauLevelsClaim(e, 1e-3);
            case "P2.3" -> new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.WRONG_SIGN_DIE, e, 1);
            case "P2.4" -> new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.ALIGNMENT, e, 1);
            case "P2.6" -> new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.ESCAPE_TIMES, e, 1);
            case "P2.7" -> new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.ZERO_LOSS, e, 1);
            case "P2.8" -> new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.IMPLICIT_BIAS, e, 1);
            case "P2.9" -> new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.FINAL_DIRECTIONS, e, 1);
            case "classic.gd-balancedness" -> new GdBalancednessClaim(p, 0.05, false);
            case "classic.saxe" -> new SaxeClosedFormClaim(e, 2);
            case "classic.lyu-li" -> new MarginClaim("classic.lyu-li", "classic", e, MarginClaim.Quantity.SMOOTHED);
            default -> null;
        };
        return java.util.Optional.ofNullable(c);
    }

    /**
     * One positive and one negative unit input, ten balanced neurons of scale 1e-3: every neuron that fits a label is
     * active on all samples of its sign, the regime in which P2.9's alignment is reachable at moderate lambda (with
     * several labels per sign, partial-set neurons keep a share vanishing only like lambda^(2 (1 - r_S/r+-))).
     */
    static Experiment twoLabels() {
        Problem p = orthogonal(10, new double[] {1, -0.5}, Activation.relu());
        SplittableRandom rnd = new SplittableRandom(9);
        double[] t = new double[p.layout().size()];
        for (int j = 0; j < 10; j++) {
            double n2 = 0;
            for (int k = 0; k < 2; k++) { double w = 1e-3 * rnd.nextGaussian(); t[p.layout().w(j, k)] = w; n2 += w * w; }
            t[p.layout().a(j)] = (rnd.nextBoolean() ? 1 : -1) * Math.sqrt(n2);
        }
        return new Experiment("two orthogonal labels", p, t, new org.reluflow.model.Method.GradientFlow(1e-10, 1e-14, 1_000_000),
                400, 0.5, java.util.Map.of(), false, List.of());
    }

    static Problem orthogonal(int width, double[] labels, Activation act) {
        int n = labels.length;
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) x[i][i] = 1;
        return new Problem(new Architecture(width, n, false, false, OutputScale.ONE, true, act), FiniteDataset.uniform(x, labels), Loss.SQUARE);
    }

    static double[] random(Problem p, long seed, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] t = new double[p.layout().size()];
        for (int i = 0; i < t.length; i++) t[i] = Math.rint(rnd.nextDouble(-scale, scale) * 256) / 256;
        return t;
    }

    /** n random unit vectors in dimension d. */
    static double[][] sphereInputs(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            double s = 0;
            for (int k = 0; k < d; k++) { row[k] = rnd.nextGaussian(); s += row[k] * row[k]; }
            for (int k = 0; k < d; k++) row[k] /= Math.sqrt(s);
        }
        return x;
    }

    static double[][] unitInputs() {
        double[][] x = {{1, 0, 0}, {0.6, 0.8, 0}, {0, 0.6, 0.8}, {0.48, 0.64, 0.6}};
        return x;
    }

    /** The example with its initialization scaled by {@code factor} (balanced initializations scale linearly). */
    static Experiment smallInit(Experiment e, double factor) { return smallInit(e, factor, Double.POSITIVE_INFINITY); }

    /**
     * The same, with the horizon extended by ln(1/factor)/slowestRate: escapes from a smaller initialization come
     * that much later, and the comparison across scales needs each run to reach the same stage.
     */
    static Experiment smallInit(Experiment e, double factor, double slowestRate) {
        double[] t = e.theta0();
        for (int i = 0; i < t.length; i++) t[i] *= factor;
        double horizon = e.horizon() + (factor < 1 && slowestRate > 0 && Double.isFinite(slowestRate) ? Math.log(1 / factor) / slowestRate : 0);
        return new Experiment(e.name() + " (init x" + factor + ")", e.problem(), t, e.method(), horizon, e.recordEvery(),
                e.directions(), false, e.notes());
    }
}
