package org.reluflow.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.symbolic.Classification;
import org.reluflow.symbolic.CriticalPoints;

/**
 * Cheridito, Jentzen and Rossmannek's family L_k on a scalar affine target: P3.2 (each configuration is a critical
 * point of the square-integral loss with loss alpha^2 (b-a)^3 / (12 k^4)) and P3.3 (for k &gt;= 3 a strict saddle).
 * Certified exactly by Symja in rational arithmetic: zero gradient, the loss compared symbolically with the
 * prediction, and the Hessian's inertia from its exact characteristic polynomial. {@code levelExponent} is the
 * exponent of k in the predicted level (4 in the claim; a negative control uses another).
 */
public final class CriticalFamilyClaim extends Claim {
    private final CriticalPoints.Instance instance;
    private final boolean strictness;
    private final int levelExponent;

    private final Classification.Kind expected;

    public CriticalFamilyClaim(CriticalPoints.Instance instance, boolean strictness, int levelExponent) {
        this(instance, strictness, levelExponent, Classification.Kind.STRICT_SADDLE);
    }

    /** {@code expected}: the classification P3.3 predicts (STRICT_SADDLE; a negative control predicts another). */
    public CriticalFamilyClaim(CriticalPoints.Instance instance, boolean strictness, int levelExponent, Classification.Kind expected) {
        this.instance = instance;
        this.strictness = strictness;
        this.levelExponent = levelExponent;
        this.expected = expected;
    }

    @Override public String id() { return strictness ? "P3.3" : "P3.2"; }
    @Override public String paper() { return "cheridito-2024"; }
    @Override public String title() {
        return strictness ? "L_k (k >= 3) critical points are strict saddles"
                : "L_k configurations are critical points with loss alpha^2 (b-a)^3 / (12 k^" + levelExponent + ")";
    }
    @Override public String hypotheses() {
        return "scalar input on [" + instance.a() + ", " + instance.b() + "], target " + instance.alpha() + " x + " + instance.beta()
                + ", width " + instance.width() + ", hidden and output biases, square-integral loss";
    }
    @Override public String criterion() {
        return strictness ? "the exact Hessian has a negative eigenvalue (Descartes' sign count on its characteristic polynomial)"
                : "gradient exactly 0 and loss exactly equal to the prediction (rational arithmetic)";
    }
    @Override public Provenance provenance() { return Provenance.reconstructed("papers.md 4.3; proofs-notes/cheridito-2024.md"); }

    @Override protected Outcome evaluate(ClaimContext ctx) throws Exception {
        if (!instance.outputBias()) return Outcome.outside("the family needs the output bias c");
        CriticalPoints cp = new CriticalPoints(ctx.symja());
        List<Map<String, Object>> points = new ArrayList<>();
        for (int k = strictness ? 3 : 1; k - 1 <= instance.width(); k += 2) {
            CriticalPoints.Certified c = cp.certify("L_" + k, instance, cp.lkConfiguration(instance, k));
            BigFraction predicted = instance.alpha().pow(2).multiply(instance.b().subtract(instance.a()).pow(3))
                    .divide(new BigFraction(12).multiply(new BigFraction(k).pow(levelExponent)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("k", k);
            m.put("loss", c.loss());
            m.put("gradient_zero", c.gradientZero());
            m.put("classification", c.classification().kind().name());
            m.put("certificate", c.classification().certificate().describe());
            points.add(m);
            if (!c.gradientZero())
                return Outcome.of(Verdict.VIOLATED, "L_" + k + " is not critical: gradient " + c.gradient(), "points", points);
            if (strictness && c.classification().kind() != expected)
                return Outcome.of(Verdict.VIOLATED, "L_" + k + " is " + c.classification().kind(), "points", points);
            if (!strictness) {
                BigFraction loss = CriticalPoints.q(c.loss());
                if (!loss.equals(predicted))
                    return Outcome.of(Verdict.VIOLATED, "L_" + k + ": loss " + loss + " but predicted " + predicted, "points", points);
            }
        }
        return Outcome.of(Verdict.CERTIFIED, (strictness ? "strict saddles" : "critical with the predicted levels") + " for k = "
                + points.stream().map(p -> String.valueOf(p.get("k"))).reduce((x, y) -> x + ", " + y).orElse("none") + " (exact)", "points", points);
    }
}
