package org.reluflow.observe;

/**
 * A stretch [start, end] where the loss stays near {@code level}, and the first time after it where the loss falls
 * below level - (level - nextLevel) / 2 ({@code escapeTime}, NaN when that does not happen within the run).
 */
public record Plateau(double start, double end, double level, double nextLevel, double escapeTime) {
    public boolean escaped() { return !Double.isNaN(escapeTime); }
}
