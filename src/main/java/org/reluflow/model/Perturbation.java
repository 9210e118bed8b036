package org.reluflow.model;

/**
 * A deliberate, named distortion of the dynamics, used only to measure what a claim can reject (mutation power):
 * every engine that integrates a {@link Problem} multiplies the field by {@code fieldScale} (theta' = -fieldScale
 * grad L; for discrete methods the gradient step), and the gradient-flow engine multiplies each solved Filippov
 * sliding gate by {@code slidingGateScale} (clamped to [0, 1]). Losses are reported unscaled. {@link #NONE} is the
 * true dynamics; a run of any user spec has it.
 */
public record Perturbation(double fieldScale, double slidingGateScale) {
    public static final Perturbation NONE = new Perturbation(1, 1);

    public Perturbation {
        if (!(fieldScale > 0) || !Double.isFinite(fieldScale)) throw new IllegalArgumentException("field scale must be positive, got " + fieldScale);
        if (!(slidingGateScale > 0) || !Double.isFinite(slidingGateScale))
            throw new IllegalArgumentException("sliding gate scale must be positive, got " + slidingGateScale);
    }

    public boolean isNone() { return fieldScale == 1 && slidingGateScale == 1; }
}
