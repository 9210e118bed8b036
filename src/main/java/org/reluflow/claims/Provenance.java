package org.reluflow.claims;

/**
 * Where a claim's statement comes from: {@code QUOTED} only when the statement was read in the paper's own text
 * (with its theorem or equation number); otherwise {@code RECONSTRUCTED}, derived in proofs-notes/.
 */
public record Provenance(Kind kind, String source) {
    public enum Kind { QUOTED, RECONSTRUCTED }

    public static Provenance reconstructed(String note) { return new Provenance(Kind.RECONSTRUCTED, note); }

    @Override public String toString() { return kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + source + ")"; }
}
