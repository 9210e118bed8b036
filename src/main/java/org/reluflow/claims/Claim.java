package org.reluflow.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One checkable prediction of a paper (or a classic result) on a concrete instance. Subclasses state the
 * hypotheses, the observable and the pass criterion, and compute a verdict in {@link #evaluate}; a check never
 * throws: a failure to compute is an INCONCLUSIVE verdict that says why. Negative controls construct the same claim
 * with a broken hypothesis or a wrong prediction, and must get VIOLATED or an outside-the-hypotheses INCONCLUSIVE.
 */
public abstract class Claim {

    /** The verdict and its evidence, as computed. */
    protected record Outcome(Verdict verdict, String summary, Map<String, Object> evidence) {
        public static Outcome of(Verdict v, String summary, Object... keyValues) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int k = 0; k + 1 < keyValues.length; k += 2) m.put((String) keyValues[k], keyValues[k + 1]);
            return new Outcome(v, summary, m);
        }

        public static Outcome outside(String why) { return of(Verdict.INCONCLUSIVE, "outside the hypotheses: " + why); }
    }

    public abstract String id();

    /** wang-ma-2023, boursier-2022, cheridito-2024, bu-2021 or classic. */
    public abstract String paper();

    public abstract String title();

    public abstract String hypotheses();

    public abstract String criterion();

    public abstract Provenance provenance();

    protected abstract Outcome evaluate(ClaimContext context) throws Exception;

    /**
     * The mutants {@code check --power} runs this claim against: the standard prediction and dynamics mutants;
     * claims that predict an exponent add {@link Mutant#exponentShifts()}, claims whose note names a plausible wrong
     * alternative add it as a {@link Mutant.Alternative}.
     */
    public List<Mutant> mutants() {
        List<Mutant> all = new ArrayList<>(Mutant.standardPrediction());
        all.addAll(Mutant.standardDynamics());
        return all;
    }

    /**
     * Mutants (by {@link Mutant#name()}) that this claim cannot kill on any instance, each with the reason (for
     * example "plateau levels do not depend on the time scale"). A mutant listed here still counts as a survivor;
     * the reason is reported beside it.
     */
    public Map<String, String> cannotKill() { return Map.of(); }

    public final ClaimResult check(ClaimContext context) {
        long t0 = System.nanoTime();
        Outcome o;
        try {
            o = evaluate(context);
        } catch (Exception | StackOverflowError e) {
            o = Outcome.of(Verdict.INCONCLUSIVE, "the check could not be computed: " + e.getMessage(), "error", String.valueOf(e));
        }
        return new ClaimResult(id(), paper(), title(), o.verdict(), provenance().toString(), hypotheses(), criterion(),
                o.summary(), o.evidence(), (System.nanoTime() - t0) / 1e9);
    }
}
