package org.reluflow.model;

/** The factor s in f(x) = c + s * sum_j a_j sigma(<w_j,x> + b_j). */
public enum OutputScale {
    ONE("1"), INV_SQRT_M("1/sqrt(m)"), INV_M("1/m");

    private final String label;

    OutputScale(String label) { this.label = label; }

    public String label() { return label; }

    public double factor(int width) {
        return switch (this) {
            case ONE -> 1.0;
            case INV_SQRT_M -> 1.0 / Math.sqrt(width);
            case INV_M -> 1.0 / width;
        };
    }

    /** Parses "1", "1/sqrt(m)" or "1/m" (spaces ignored). */
    public static OutputScale parse(String text) {
        String t = text.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        for (OutputScale s : values()) if (s.label.equals(t)) return s;
        if (t.equals("1.0")) return ONE;
        throw new IllegalArgumentException("output_scale must be one of 1, 1/sqrt(m), 1/m; got '" + text + "'");
    }
}
