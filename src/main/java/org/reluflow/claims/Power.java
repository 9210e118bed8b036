package org.reluflow.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim's mutation power: of the {@code total} mutants it was checked under, {@code killed} made it VIOLATED.
 * {@code survivors} names the others; {@code reasons} gives, for survivors the claim declares it cannot kill, why.
 */
public record Power(int killed, int total, List<String> survivors, Map<String, String> reasons) {
    public Power {
        survivors = List.copyOf(survivors);
        reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** Checks {@code claim} under each of its mutants (sharing {@code context}'s Symja session). */
    public static Power of(Claim claim, ClaimContext context) {
        int killed = 0;
        List<String> survivors = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        List<Mutant> mutants = claim.mutants();
        for (Mutant m : mutants) {
            ClaimResult r = claim.check(context.under(m));
            if (r.verdict() == Verdict.VIOLATED) killed++;
            else {
                survivors.add(m.name());
                String why = claim.cannotKill().get(m.name());
                reasons.put(m.name(), why != null ? why : r.verdict() + ": " + r.summary());
            }
        }
        return new Power(killed, mutants.size(), survivors, reasons);
    }
}
