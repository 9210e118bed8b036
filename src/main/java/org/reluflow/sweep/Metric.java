package org.reluflow.sweep;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The per-run numbers a phase diagram can show. {@link #logScale} ones are drawn as log10. */
public enum Metric {
    FINAL_LOSS("final_loss", true, "the loss at the end of the run"),
    ESCAPE_TIME("escape_time", false, "the time the first plateau is left"),
    PLATEAUS("plateaus", false, "the number of loss plateaus"),
    SWITCHES("switches", false, "the number of activation switches (gradient flow)"),
    DRIFT("balancedness_drift", true, "max |a_j^2 - |w_j|^2 - b_j^2 - its start|"),
    MARGIN("margin", false, "min_i y_i f(x_i) at the end (classification losses)"),
    T_REACHED("t_reached", false, "the time the run reached"),
    COMPLETED("completed", false, "1 if the run completed, 0 if it diverged or failed");

    public final String label;
    public final boolean logScale;
    public final String meaning;

    Metric(String label, boolean logScale, String meaning) {
        this.label = label;
        this.logScale = logScale;
        this.meaning = meaning;
    }

    public static Metric of(String label) {
        for (Metric m : values()) if (m.label.equals(label)) return m;
        throw new IllegalArgumentException("no metric '" + label + "'; one of " + labels());
    }

    public static String labels() { return Arrays.stream(values()).map(m -> m.label).collect(Collectors.joining(", ")); }
}
