package org.reluflow.symbolic;

import java.util.Arrays;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * Which (sample i, neuron j) pairs are active in a region. Text form: one group of sample bits per neuron, separated
 * by '/', e.g. {@code 110/011} for two neurons on three samples (neuron 1 active on samples 1 and 2).
 */
public record ActivationPattern(boolean[][] active) {

    public ActivationPattern {
        active = Arrays.stream(active).map(boolean[]::clone).toArray(boolean[][]::new);
    }

    public int samples() { return active.length; }

    public int width() { return active.length == 0 ? 0 : active[0].length; }

    public boolean on(int i, int j) { return active[i][j]; }

    /** The region of theta: active where the pre-activation is positive. */
    public static ActivationPattern of(Problem problem, double[] theta) {
        FiniteDataset data = RegionLoss.finite(problem);
        ParameterLayout layout = problem.layout();
        int n = data.size(), m = layout.width();
        boolean[][] on = new boolean[n][m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) on[i][j] = layout.preactivation(theta, j, data.x()[i]) > 0;
        return new ActivationPattern(on);
    }

    public static ActivationPattern parse(String text, int samples, int width) {
        String[] groups = text.strip().split("/");
        if (groups.length != width)
            throw new IllegalArgumentException("region '" + text + "' has " + groups.length + " neuron groups, the network has " + width + " neurons");
        boolean[][] on = new boolean[samples][width];
        for (int j = 0; j < width; j++) {
            String g = groups[j].strip();
            if (g.length() != samples)
                throw new IllegalArgumentException("region group " + (j + 1) + " '" + g + "' needs " + samples + " bits (one per sample)");
            for (int i = 0; i < samples; i++) {
                char ch = g.charAt(i);
                if (ch != '0' && ch != '1') throw new IllegalArgumentException("region bits must be 0 or 1, got '" + ch + "'");
                on[i][j] = ch == '1';
            }
        }
        return new ActivationPattern(on);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < width(); j++) {
            if (j > 0) sb.append('/');
            for (int i = 0; i < samples(); i++) sb.append(active[i][j] ? '1' : '0');
        }
        return sb.toString();
    }

    @Override public boolean equals(Object o) { return o instanceof ActivationPattern p && Arrays.deepEquals(active, p.active); }

    @Override public int hashCode() { return Arrays.deepHashCode(active); }
}
