package org.reluflow.claims;

/**
 * P4.5: along the heavy-ball limiting ODE e'' + gamma e' + lambda e = 0 the energy E = e'^2/2 + lambda e^2/2 is
 * non-increasing. Certified symbolically: Symja simplifies dE/dt along the flow to -gamma v^2, whose sign is that of
 * -gamma; a negative gamma (the negative control) gives a counterexample v = 1.
 */
public final class HeavyBallEnergyClaim extends Claim {
    private final String gamma, lambda;

    public HeavyBallEnergyClaim(String gamma, String lambda) {
        this.gamma = gamma;
        this.lambda = lambda;
    }

    @Override public String id() { return "P4.5"; }
    @Override public String paper() { return "bu-2021"; }
    @Override public String title() { return "Heavy-ball ODE: the energy e'^2/2 + lambda e^2/2 never increases"; }
    @Override public String hypotheses() { return "e'' + gamma e' + lambda e = 0 with gamma = " + gamma + ", lambda = " + lambda; }
    @Override public String criterion() { return "dE/dt along the flow simplifies to -gamma v^2 (Symja) and -gamma <= 0"; }
    @Override public Provenance provenance() { return Provenance.reconstructed("proofs-notes/bu-2021.md, energy identity"); }

    @Override protected Outcome evaluate(ClaimContext ctx) throws Exception {
        String field = "{v, -(" + gamma + ")*v - (" + lambda + ")*e}";
        String dE = ctx.symja().eval("Expand[{D[v^2/2 + (" + lambda + ")*e^2/2, e], D[v^2/2 + (" + lambda + ")*e^2/2, v]} . " + field + "]").toString();
        String residual = ctx.symja().eval("Expand[(" + dE + ") + (" + gamma + ")*v^2]").toString();
        if (!residual.equals("0")) return Outcome.of(Verdict.INCONCLUSIVE, "dE/dt did not simplify to -gamma v^2", "dE/dt", dE);
        String sign = ctx.symja().eval("Sign[" + gamma + "]").toString();
        if (sign.equals("-1"))
            return Outcome.of(Verdict.VIOLATED, "dE/dt = " + dE + " > 0 at v = 1", "dE/dt", dE, "counterexample", "e = 0, v = 1");
        if (!sign.equals("1") && !sign.equals("0")) return Outcome.of(Verdict.INCONCLUSIVE, "the sign of gamma is not decided", "gamma", gamma);
        return Outcome.of(Verdict.CERTIFIED, "dE/dt = " + dE + " <= 0 exactly", "dE/dt", dE);
    }
}
