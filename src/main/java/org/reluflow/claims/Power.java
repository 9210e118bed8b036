package org.reluflow.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim's mutation power: of the {@code total} mutants it was checked under, {@code killed} made it VIOLATED.
 * {@code survivors} names the others; {@code reasons} gives for each survivor why: "cannot kill: ..." with the reason
 * the claim declares in {@link Claim#cannotKill()}, else the verdict and summary it reached under the mutant.
 */
public record Power(int killed, int total, List<String> survivors, Map<String, String> reasons) {
    public Power {
        survivors = List.copyOf(survivors);
        reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** Checks {@code claim} under each of its mutants (sharing {@code context}'s Symja session). */
    public static Power of(Claim claim, ClaimContext context) { return of(claim, context, Claim::check); }

    /**
     * The same with {@code check} doing each check ({@link ClaimRunner} passes one with the claim's time limit; a
     * mutant that makes the claim run out of time survives, with that reason).
     */
    public static Power of(Claim claim, ClaimContext context, java.util.function.BiFunction<Claim, ClaimContext, ClaimResult> check) {
        int killed = 0;
        List<String> survivors = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        List<Mutant> mutants = claim.mutants();
        for (Mutant m : mutants) {
            ClaimResult r = check.apply(claim, context.under(m));
            if (r.verdict() == Verdict.VIOLATED) killed++;
            else {
                survivors.add(m.name());
                String why = claim.cannotKill().get(m.name());
                reasons.put(m.name(), why != null ? "cannot kill: " + why : r.verdict() + ": " + r.summary());
            }
        }
        return new Power(killed, mutants.size(), survivors, reasons);
    }

    /** Whether every mutant was killed. */
    public boolean full() { return killed == total; }

    /** Survivors the claim does not declare in {@link Claim#cannotKill()}: the defects a power test reports. */
    public List<String> undeclared(Claim claim) {
        List<String> out = new ArrayList<>();
        for (String s : survivors) if (!claim.cannotKill().containsKey(s)) out.add(s);
        return out;
    }
}
