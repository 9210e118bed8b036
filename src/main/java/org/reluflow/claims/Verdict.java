package org.reluflow.claims;

/** What a check established about a claim on its instance. Ordered from strongest to weakest. */
public enum Verdict {
    /** Proved on the instance: exact arithmetic (Symja, rationals) or an interval enclosure. */
    CERTIFIED,
    /** Floating-point evidence within the stated tolerance. */
    CONSISTENT,
    /** Could not be decided, or the instance lies outside the hypotheses; the evidence says why. */
    INCONCLUSIVE,
    /** The prediction fails on the instance; the evidence holds the counterexample. */
    VIOLATED;

    /** Whether going from {@code before} to this verdict is a regression (e.g. CERTIFIED to CONSISTENT). */
    public boolean worseThan(Verdict before) { return ordinal() > before.ordinal(); }
}
