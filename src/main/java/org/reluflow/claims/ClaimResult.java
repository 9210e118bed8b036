package org.reluflow.claims;

import java.util.Map;

/**
 * The outcome of checking one claim: its verdict with the evidence (numbers with names; for VIOLATED the
 * counterexample), the criterion it was judged by, and the seconds it took.
 */
public record ClaimResult(String id, String paper, String title, Verdict verdict, String provenance, String hypotheses,
                          String criterion, String summary, Map<String, Object> evidence, double seconds) {
    public ClaimResult {
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
