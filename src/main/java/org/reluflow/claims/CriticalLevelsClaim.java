package org.reluflow.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.symbolic.CriticalPoints;

/**
 * Completeness of the L_k family at small width (P3.8, derived): solving grad L = 0 in every activation region of a
 * scalar-input network finds critical points only at the levels 0 and L_k = alpha^2 (b-a)^3 / (12 k^4), k odd,
 * k &lt;= {@code maxK}. papers.md 4.3 leaves open whether the family is complete; the survey answers it exactly for
 * critical points inside a region (points on region boundaries, where L is not C^2, are out of scope). CERTIFIED when
 * every region is solved and every family found inside is certified at an allowed level; a negative control allows
 * fewer levels than the network realizes.
 */
public final class CriticalLevelsClaim extends Claim {
    private final CriticalPoints.Instance instance;
    private final int maxK;

    public CriticalLevelsClaim(CriticalPoints.Instance instance, int maxK) {
        this.instance = instance;
        this.maxK = maxK;
    }

    @Override public String id() { return "P3.8"; }
    @Override public String paper() { return "cheridito-2024"; }
    @Override public String title() {
        return "inside activation regions, the only critical levels are 0 and L_k for odd k <= " + maxK;
    }
    @Override public String hypotheses() {
        return "scalar input on [" + instance.a() + ", " + instance.b() + "], target " + instance.alpha() + " x + " + instance.beta()
                + ", width " + instance.width() + " (every region solved), hidden and output biases, square-integral loss";
    }
    @Override public String criterion() {
        return "grad L = 0 solved exactly in every region (Groebner elimination); each family inside its region has a "
                + "certified member whose exact loss is an allowed level";
    }
    @Override public Provenance provenance() {
        return Provenance.reconstructed("derived: completeness of papers.md 4.3's L_k family, open there; proofs-notes/cheridito-2024.md");
    }

    @Override protected Outcome evaluate(ClaimContext ctx) throws Exception {
        if (!instance.outputBias()) return Outcome.outside("the L_k family needs the output bias c");
        if (instance.width() > 2) return Outcome.outside("the survey is exhaustive up to width 2");
        var survey = new CriticalPoints(ctx.symja()).survey(instance, r -> { });
        TreeSet<BigFraction> allowed = new TreeSet<>();
        allowed.add(BigFraction.ZERO);
        for (int k = 1; k <= maxK; k += 2) allowed.add(instance.lk(k));
        List<Map<String, Object>> found = new ArrayList<>();
        String undecided = null, outsideLevel = null;
        for (var f : survey.found()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", f.family().region().toString());
            m.put("placement", f.family().placement().name());
            var c = f.certified();
            if (c == null || !c.gradientZero() || !isRational(c.loss())) {
                m.put("certified", false);
                if (undecided == null) undecided = f.family().region() + " (" + f.family().placement() + ")";
            } else {
                BigFraction level = CriticalPoints.q(c.loss());
                m.put("loss", level.toString().replace(" ", ""));
                m.put("classification", c.classification().kind().name());
                if (!allowed.contains(level) && outsideLevel == null) outsideLevel = "level " + level + " in " + f.family().region();
            }
            found.add(m);
        }
        if (outsideLevel != null)
            return Outcome.of(Verdict.VIOLATED, "a critical point at " + outsideLevel + ", not in "
                    + allowed.stream().map(l -> l.toString().replace(" ", "")).toList(), "found", found);
        if (!survey.unresolved().isEmpty())
            return Outcome.of(Verdict.INCONCLUSIVE, "unresolved regions: " + survey.unresolved(), "found", found);
        if (undecided != null)
            return Outcome.of(Verdict.INCONCLUSIVE, "a family without a certified member: " + undecided, "found", found);
        return Outcome.of(Verdict.CERTIFIED, survey.regions() + " regions solved; " + found.size() + " families inside, all at "
                + allowed.stream().map(l -> l.toString().replace(" ", "")).toList() + " (exact)", "found", found);
    }

    private static boolean isRational(String s) {
        return s.matches("-?\\d+(/\\d+)?");
    }
}
