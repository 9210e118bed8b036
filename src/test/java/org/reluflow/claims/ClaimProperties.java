package org.reluflow.claims;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Problem;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.CriticalPoints;
import org.reluflow.testkit.Instances;

/**
 * The claims as properties over random instances from the testkit. A failure shrinks to a small instance and its
 * message carries the instance as a spec that {@code reluflow simulate} or {@code reluflow check} inputs can rerun.
 */
class ClaimProperties {

    static final ClaimContext CTX = new ClaimContext();

    @AfterContainer
    static void close() { CTX.close(); }

    static void holds(Claim c, Experiment instance) {
        ClaimResult r = c.check(CTX);
        assertTrue(r.verdict() == Verdict.CERTIFIED || r.verdict() == Verdict.CONSISTENT,
                c.id() + " " + r.verdict() + ": " + r.summary() + (instance == null ? "" : "\n--- the instance as a spec ---\n" + SpecLoader.toYaml(instance)));
    }

    /** Two-neuron gradient flows of horizon 2 from balanced initializations of scale 0.3 on the data. */
    static Arbitrary<Experiment> smallFlows(Arbitrary<FiniteDataset> data, Loss loss, String name) {
        return data.flatMap(d -> {
            Problem p = Instances.relu(d, 2, loss);
            return Instances.balancedInit(p, 0.3).map(t -> Instances.flow(name, p, t, 2));
        });
    }

    static BalancednessClaim balancedness(String id, String paper, Experiment e) {
        return new BalancednessClaim(id, paper, "balancedness", e.problem(), e.theta0(), e.horizon(),
                BalancednessClaim.balancedness(e.problem().layout()), "a_j^2 - |w_j|^2");
    }

    @Provide Arbitrary<Experiment> orthogonalFlows() { return smallFlows(Instances.orthogonalData(), Loss.SQUARE, "random orthogonal"); }

    @Property(tries = 4, seed = "101")
    void balancednessIsCertifiedOnRandomOrthogonalInstances(@ForAll("orthogonalFlows") Experiment e) {
        holds(balancedness("P2.1", "boursier-2022", e), e);
    }

    @Property(tries = 6, seed = "102")
    void activationSetsOnlyShrinkOnRandomOrthogonalInstances(@ForAll("orthogonalFlows") Experiment e) {
        // an instance without a switch is INCONCLUSIVE by design; what must never happen is VIOLATED
        notViolated(new MonotoneActivationClaim(e.problem(), java.util.List.of(e.theta0()), e.horizon()), e);
    }

    @Property(tries = 5, seed = "103")
    void theLkFamilyIsCertifiedForRandomAffineTargets(@ForAll("affine") CriticalPoints.Instance in) {
        holds(new CriticalFamilyClaim(in, false, 4), null);
    }

    @Provide Arbitrary<CriticalPoints.Instance> affine() { return Instances.scalarAffine(2); }

    /** Every region solved on random affine targets: no critical level beyond 0, L_1 and L_3 at width 2. */
    @Property(tries = 3, seed = "113")
    void theOnlyCriticalLevelsAtWidthTwoAreZeroAndTheLkFamily(@ForAll("affine") CriticalPoints.Instance in) {
        holds(new CriticalLevelsClaim(in, 3), null);
    }

    @Property(tries = 30, seed = "104")
    void heavyBallRateIsCertifiedForRandomUnderdampedOscillators(@ForAll("underdamped") double[] gl) {
        holds(new HeavyBallRateClaim(gl[0], gl[1], 0.5), null);
    }

    @Provide Arbitrary<double[]> underdamped() {
        return Combinators.combine(Arbitraries.doubles().between(0.05, 0.95), Arbitraries.doubles().between(0.2, 4))
                .as((frac, lambda) -> new double[] {frac * 2 * Math.sqrt(lambda), lambda});
    }

    @Property(tries = 20, seed = "105")
    void gdChangesBalancednessByEtaSquaredOnRandomProblems(@ForAll("orthogonalFlows") Experiment e) {
        holds(new GdBalancednessClaim(e.problem(), 0.05, false), e);
    }

    @Provide Arbitrary<Experiment> twoPointFlows() {
        return Instances.twoPoints().flatMap(d -> {
            Problem p = Instances.relu(d, 12, Loss.EXPONENTIAL);
            return Instances.balancedInit(p, 1e-3).map(t -> new Experiment("random two-point", p, t,
                    new org.reluflow.model.Method.GradientFlow(1e-10, 1e-14, 1_000_000), 300, 0.5, java.util.Map.of(), false, java.util.List.of()));
        });
    }

    @Property(tries = 4, seed = "106")
    void switchingRulesHoldOnRandomTwoPointInstances(@ForAll("twoPointFlows") Experiment e) {
        notViolated(new SwitchRulesClaim(e, false), e);
    }

    /** Neuron 1 made positive and active on the positive samples, neuron 2 negative and active on the negative one. */
    static double[] withFullSets(Problem p, double[] theta) {
        double[] t = theta.clone();
        var l = p.layout();
        FiniteDataset d = (FiniteDataset) p.data();
        for (int j = 0; j < 2; j++) {
            boolean positive = j == 0;
            double n2 = 0;
            for (int k = 0; k < l.inputDim(); k++) {
                boolean sameSign = (d.y()[k] > 0) == positive;
                t[l.w(j, k)] = sameSign ? Math.abs(t[l.w(j, k)]) : -Math.abs(t[l.w(j, k)]);
                n2 += t[l.w(j, k)] * t[l.w(j, k)];
            }
            t[l.a(j)] = (positive ? 1 : -1) * Math.sqrt(n2);
        }
        return t;
    }

    @Property(tries = 4, seed = "107")
    void plateauLevelsOnRandomOrthogonalLabels(@ForAll("plateauFlows") Experiment e) {
        holds(new PlateauLevelsClaim(e, 1e-2), e);
    }

    /**
     * Labels whose positive part dominates (|D+| >= 2 |D-|), so that the two escapes are well separated, and a horizon
     * of 1.6 ln(1/lambda)/r-: the plateau detector needs each plateau to last at least 2.5% of the horizon.
     */
    @Provide Arbitrary<Experiment> plateauFlows() {
        return Combinators.combine(Arbitraries.doubles().between(0.5, 1).ofScale(2), Arbitraries.doubles().between(0.3, 1).ofScale(2),
                Arbitraries.doubles().between(0.1, 0.25).ofScale(2)).as((y1, y2, y3) -> {
                    double[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                    FiniteDataset d = FiniteDataset.uniform(x, new double[] {y1, y2, -y3});
                    return d;
                }).flatMap(d -> {
                    Problem p = Instances.relu(d, 20, Loss.SQUARE);
                    double rMinus = Math.abs(d.y()[2]) / 3;
                    return Instances.balancedInit(p, 1e-5).map(t -> Instances.flow("random plateaus", p, withFullSets(p, t), 1.6 * Math.log(1e5) / rMinus));
                });
    }

    // ------------------------------------------------------------------ more claims over random instances

    @Provide Arbitrary<Experiment> twoPointBases() {
        return Instances.twoPoints().flatMap(d -> {
            Problem p = Instances.relu(d, 20, Loss.EXPONENTIAL);
            return Instances.balancedInit(p, 1e-4 / 3).map(t -> new Experiment("random two-point", p, livingPositive(p, t),
                    new org.reluflow.model.Method.GradientFlow(1e-10, 1e-14, 1_000_000), 300, 0.5, java.util.Map.of(), false, java.util.List.of()));
        });
    }

    /**
     * Neuron 1 made positive and active on both points, neuron 2 negative and active on x- (the two-point claims
     * speak about such neurons: one condenses, the other fits the negative class after the plateau).
     */
    static double[] livingPositive(Problem p, double[] theta) {
        double[] t = theta.clone();
        var l = p.layout();
        double[] xm = ((FiniteDataset) p.data()).x()[1];
        double s0 = Math.abs(t[l.w(0, 0)]) + Math.abs(t[l.w(0, 1)]), s1 = Math.abs(t[l.w(1, 0)]) + Math.abs(t[l.w(1, 1)]);
        t[l.w(0, 0)] = s0;
        t[l.w(0, 1)] = 0;
        t[l.a(0)] = s0;
        t[l.w(1, 0)] = s1 * xm[0];
        t[l.w(1, 1)] = s1 * xm[1];
        t[l.a(1)] = -s1;
        return t;
    }

    @Property(tries = 3, seed = "108")
    void condensationAlignsWithPXPlusMinusQXMinus(@ForAll("twoPointBases") Experiment e) {
        notViolated(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.CONDENSATION, e, 1e-4, 1), e);
    }

    @Property(tries = 3, seed = "109")
    void firstEscapeSlopeIsOneOverR(@ForAll("twoPointBases") Experiment e) {
        notViolated(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.ESCAPE, e, 1e-4, 1), e);
    }

    @Property(tries = 20, seed = "110")
    void heavyBallEnergyIsCertifiedForRandomDamping(@ForAll("positiveRationals") String gamma, @ForAll("positiveRationals") String lambda) {
        holds(new HeavyBallEnergyClaim(gamma, lambda), null);
    }

    @Provide Arbitrary<String> positiveRationals() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 9)).as((a, b) -> a + "/" + b);
    }

    @Property(tries = 6, seed = "111")
    void nesterovEnvelopeFollowsTMinusR(@ForAll("nesterovParams") double[] rl) {
        holds(new NesterovEnvelopeClaim(rl[0], rl[1], -rl[0]), null);
    }

    @Provide Arbitrary<double[]> nesterovParams() {
        return Combinators.combine(Arbitraries.of(2.0, 3.0, 4.0, 6.0), Arbitraries.doubles().between(0.5, 4)).as((r, l) -> new double[] {r, l});
    }

    @Property(tries = 6, seed = "112")
    void ntkClosedFormMatchesMonteCarloOnRandomSphereInputs(@ForAll("sphere") double[][] x) {
        holds(new NtkLambdaClaim(x, true), null);
    }

    @Provide Arbitrary<double[][]> sphere() { return Instances.sphereInputs(0.1); }

    @Property(tries = 8, seed = "113")
    void saxeModeFollowsItsClosedFormForRandomTargets(@ForAll("saxeModes") Experiment e) {
        holds(new SaxeClosedFormClaim(e, 2), e);
    }

    /** One balanced, aligned linear neuron on whitened inputs: target y* = s (cos phi, sin phi, 0), u0 in [1e-3, 0.5]. */
    @Provide Arbitrary<Experiment> saxeModes() {
        return Combinators.combine(Arbitraries.doubles().between(0.5, 3).ofScale(3), Arbitraries.doubles().between(0, 1.5).ofScale(3),
                Arbitraries.doubles().between(1e-3, 0.5).ofScale(4)).as((sv, phi, u0) -> {
                    double[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                    double[] y = {sv * Math.cos(phi), sv * Math.sin(phi), 0};
                    Problem p = new Problem(new org.reluflow.model.Architecture(1, 3, false, false, org.reluflow.model.OutputScale.ONE, true,
                            org.reluflow.model.Activation.linear()), new FiniteDataset(x, y, new double[] {1, 1, 1}), Loss.SQUARE);
                    double a = Math.sqrt(u0);
                    double[] t = {a, a * Math.cos(phi), a * Math.sin(phi), 0};
                    return Instances.flow("random Saxe mode", p, t, 4 / sv);
                });
    }

    static void notViolated(Claim c, Experiment instance) {
        ClaimResult r = c.check(CTX);
        assertTrue(r.verdict() != Verdict.VIOLATED, c.id() + ": " + r.summary() + (instance == null ? "" : "\n--- the instance as a spec ---\n" + SpecLoader.toYaml(instance)));
    }

    @Provide Arbitrary<Experiment> smallTwoPoint() { return smallFlows(Instances.twoPoints(), Loss.EXPONENTIAL, "random two-point"); }

    @Property(tries = 2, seed = "114")
    void balancednessIsCertifiedOnRandomTwoPointInstances(@ForAll("smallTwoPoint") Experiment e) {
        holds(balancedness("P1.1", "wang-ma-2023", e), e);
    }

    @Property(tries = 3, seed = "115")
    void theWeightCorrectedMarginIsMonotoneOnRandomTwoPointInstances(@ForAll("twoPointBases") Experiment e) {
        notViolated(new MarginClaim("P1.7", "wang-ma-2023", e, MarginClaim.Quantity.SMOOTHED), e);
    }

    /** Strongly asymmetric two-point instances (q <= p/4), the regime of the intermediate plateau. */
    @Provide Arbitrary<Experiment> asymmetricTwoPoint() {
        return twoPointBases().filter(e -> {
            FiniteDataset d = (FiniteDataset) e.problem().data();
            return d.weights()[1] <= 0.25 * d.weights()[0] && Math.acos(d.x()[1][0]) >= 0.2;
        });
    }

    @Property(tries = 3, seed = "116")
    void plateauLevelAndDurationOnRandomTwoPointInstances(@ForAll("asymmetricTwoPoint") Experiment e) {
        notViolated(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.PLATEAU, e, 1e-4, 1), e);
        notViolated(new TwoPointPhasesClaim(TwoPointPhasesClaim.Kind.PLATEAU_DURATION, e, 1e-4, 1), e);
    }

    @Property(tries = 6, seed = "117")
    void ntkGramConcentratesOnRandomSphereInputs(@ForAll("sphere") double[][] x) {
        holds(new NtkConcentrationClaim("classic.ntk-concentration", "classic", x, -0.5), null);
    }

    @Property(tries = 3, seed = "118")
    void orthogonalTrajectoryClaimsOnRandomLabels(@ForAll("plateauFlows") Experiment e) {
        for (OrthogonalDynamicsClaim.Kind k : new OrthogonalDynamicsClaim.Kind[] {OrthogonalDynamicsClaim.Kind.WRONG_SIGN_DIE,
                OrthogonalDynamicsClaim.Kind.ALIGNMENT, OrthogonalDynamicsClaim.Kind.ZERO_LOSS, OrthogonalDynamicsClaim.Kind.ESCAPE_TIMES,
                OrthogonalDynamicsClaim.Kind.IMPLICIT_BIAS})
            notViolated(new OrthogonalDynamicsClaim(k, e, 1), e);
    }

    @Property(tries = 4, seed = "119")
    void ntkRegimeGdRateHoldsForRandomInitializations(@ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 1_000_000) long seed) {
        holds(new NtkTrainingClaim(NtkTrainingClaim.Kind.GD_RATE, 1, seed), null);
    }

    @Provide Arbitrary<Experiment> twoLabelFlows() {
        return Combinators.combine(Arbitraries.doubles().between(0.2, 1.5).ofScale(2), Arbitraries.doubles().between(0.2, 1.5).ofScale(2))
                .as((yp, ym) -> FiniteDataset.uniform(new double[][] {{1, 0}, {0, 1}}, new double[] {yp, -ym}))
                .flatMap(d -> {
                    Problem p = Instances.relu(d, 10, Loss.SQUARE);
                    return Instances.balancedInit(p, 1e-3).map(t -> Instances.flow("random two labels", p, withFullSets(p, t), 400));
                });
    }

    @Property(tries = 5, seed = "120")
    void finalDirectionsWithOneLabelPerSign(@ForAll("twoLabelFlows") Experiment e) {
        holds(new OrthogonalDynamicsClaim(OrthogonalDynamicsClaim.Kind.FINAL_DIRECTIONS, e, 1), e);
    }

    @Property(tries = 3, seed = "121")
    void heavyBallIsFasterWithMoreMomentumForRandomInitializations(@ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 1_000_000) long seed) {
        holds(MomentumOrderingClaim.fromSeed(seed, 0, 0.5, 0.9), null);
    }

    @Property(tries = 2, seed = "122")
    void widthThresholdFrequenciesForRandomLabels(@ForAll("thresholdLabels") double[] labels) {
        holds(new WidthThresholdClaim(0, labels), null);
    }

    /** Three or four labels with both signs, magnitudes in [0.2, 1]. */
    @Provide Arbitrary<double[]> thresholdLabels() {
        return Arbitraries.integers().between(3, 4).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(0.2, 1).ofScale(2).list().ofSize(n), Arbitraries.integers().between(1, (1 << n) - 2))
                .as((mags, signs) -> {
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) y[i] = ((signs >> i) & 1) == 1 ? mags.get(i) : -mags.get(i);
                    return y;
                }));
    }

    /** Affine targets on intervals of length 1/2 ... 3/2 with slopes 1/2 ... 3/2 (rational data, halves). */
    @Provide Arbitrary<CriticalPoints.Instance> modestAffine() {
        return Combinators.combine(Arbitraries.integers().between(-2, 0), Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(-1, 1)).as((a2, len2, alpha2, beta2) ->
                CriticalPoints.Instance.of(a2 + "/2", (a2 + len2) + "/2", alpha2 + "/2", beta2 + "/2", 2, true));
    }

    @Property(tries = 3, seed = "123")
    void scalarTargetClaimsOnRandomAffineTargets(@ForAll("modestAffine") CriticalPoints.Instance in) {
        for (ScalarTargetClaim.Kind k : ScalarTargetClaim.Kind.values()) holds(new ScalarTargetClaim(k, in), null);
    }

    @Property(tries = 2, seed = "124")
    void lazinessForRandomInitializations(@ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 1_000_000) long seed) {
        holds(new NtkTrainingClaim(NtkTrainingClaim.Kind.LAZINESS, 1, seed), null);
    }

    @Property(tries = 5, seed = "125")
    void lyuLiMarginOnSeparableDataForRandomInitializations(@ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 1_000_000) long seed) {
        Experiment e = MarginClaim.separable(seed);
        notViolated(new MarginClaim("classic.lyu-li", "classic", e, MarginClaim.Quantity.SMOOTHED), e);
    }
}
