package org.reluflow.claims;

import java.util.ArrayList;
import java.util.List;
import org.reluflow.dynamics.Simulator;
import org.reluflow.field.NetworkObjective;
import org.reluflow.model.Experiment;
import org.reluflow.model.Method;
import org.reluflow.spec.Examples;

/**
 * P4.8 (one of the authors' qualitative figures): on the NTK-scaled instance, heavy ball with a larger momentum
 * beta (same step 0.01, 1000 steps) reaches a lower loss: beta = 0, 0.5, 0.9 give strictly decreasing final losses.
 * {@code momenta} is the sequence that must be ordered (a negative control reverses it).
 */
public final class MomentumOrderingClaim extends Claim {
    private final double[] momenta;
    private final long seed;

    public MomentumOrderingClaim(double... momenta) { this(-1L, momenta); }

    private MomentumOrderingClaim(long seed, double[] momenta) {
        this.seed = seed;
        this.momenta = momenta.clone();
    }

    /** The claim from a fresh initialization of the instance (w ~ N(0, I), a = +-1) drawn from {@code seed}. */
    public static MomentumOrderingClaim fromSeed(long seed, double... momenta) { return new MomentumOrderingClaim(seed, momenta); }

    @Override public String id() { return "P4.8"; }
    @Override public String paper() { return "bu-2021"; }
    @Override public String title() { return "Heavy ball converges faster with larger momentum (NTK regime)"; }
    @Override public String hypotheses() { return "bu-ntk instance (width 500, 6 unit inputs), heavy ball with step 0.01 for 1000 steps"; }
    @Override public String criterion() { return "final losses strictly decrease along momenta " + java.util.Arrays.toString(momenta); }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 5.1, the authors' figures; proofs-notes/bu-2021.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) {
        Experiment base = Examples.loadUnchecked("bu-ntk");
        if (seed >= 0) base = NtkTrainingClaim.withWidth(base.problem().architecture().width(), 1000, seed);
        NetworkObjective obj = new NetworkObjective(base.problem());
        List<Double> losses = new ArrayList<>();
        for (double beta : momenta) {
            Experiment e = new Experiment(base.name(), base.problem(), base.theta0(), new Method.HeavyBall(0.01, beta, 1000), 10, 0.1,
                    java.util.Map.of(), false, base.notes());
            losses.add(obj.value(Simulator.run(e, f -> { }).finalTheta()));
        }
        boolean ordered = true;
        for (int k = 1; k < losses.size(); k++) ordered &= losses.get(k) < losses.get(k - 1);
        return Outcome.of(ordered ? Verdict.CONSISTENT : Verdict.VIOLATED, "final losses " + losses + " for momenta " + java.util.Arrays.toString(momenta),
                "losses", losses);
    }
}
