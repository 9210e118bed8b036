package org.reluflow.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds loss plateaus: maximal windows in which the loss stays within a factor {@link #ratio} of its value at the
 * window's start and its average log-slope |d log L / dt| stays below {@link #maxSlope}, lasting at least
 * {@link #minDuration}. The level is the median loss in the window; the escape time is the first time after the
 * window where L drops below the midpoint between the level and the next level (the next plateau's level, or the
 * final loss). A heuristic observable, with its parameters stated; the claims state their own tolerances.
 */
public record PlateauDetector(double maxSlope, double ratio, double minDuration) {

    public PlateauDetector {
        if (!(maxSlope > 0) || !(ratio > 1) || !(minDuration > 0))
            throw new IllegalArgumentException("plateau detector needs maxSlope > 0, ratio > 1, minDuration > 0");
    }

    /** Defaults: average log-slope below 5e-3 per unit time, within 25 % of the start value, 2.5 % of the horizon. */
    public static PlateauDetector defaults(double horizon) { return new PlateauDetector(5e-3, 1.25, 0.025 * horizon); }

    public List<Plateau> detect(double[] t, double[] loss) {
        List<double[]> windows = new ArrayList<>(); // {startIndex, endIndex}
        int n = t.length;
        int a = 0;
        while (a < n - 1) {
            if (!(loss[a] > 0) || !Double.isFinite(loss[a])) { a++; continue; }
            int b = a;
            while (b + 1 < n && loss[b + 1] > 0 && loss[b + 1] <= ratio * loss[a] && loss[b + 1] >= loss[a] / ratio) b++;
            // trim the window to where the average slope criterion holds
            while (b > a && Math.abs(Math.log(loss[b] / loss[a])) > maxSlope * (t[b] - t[a])) b--;
            if (t[b] - t[a] >= minDuration) {
                windows.add(new double[] {a, b});
                a = b + 1;
            } else a++;
        }
        // a slow drift splits one plateau into adjacent windows: merge neighbours whose levels are close
        for (int w = windows.size() - 1; w > 0; w--) {
            double[] prev = windows.get(w - 1), cur = windows.get(w);
            double l1 = median(loss, (int) prev[0], (int) prev[1]), l2 = median(loss, (int) cur[0], (int) cur[1]);
            if (cur[0] == prev[1] + 1 && Math.max(l1, l2) <= ratio * Math.min(l1, l2)) {
                prev[1] = cur[1];
                windows.remove(w);
            }
        }
        List<Plateau> out = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            int s = (int) windows.get(w)[0], e = (int) windows.get(w)[1];
            double level = median(loss, s, e);
            double next = w + 1 < windows.size()
                    ? median(loss, (int) windows.get(w + 1)[0], (int) windows.get(w + 1)[1]) : loss[n - 1];
            double threshold = level - 0.5 * (level - next);
            double escape = Double.NaN;
            if (next < level) for (int k = e + 1; k < n; k++) if (loss[k] <= threshold) { escape = interpolate(t, loss, k, threshold); break; }
            out.add(new Plateau(t[s], t[e], level, next, escape));
        }
        return out;
    }

    private static double interpolate(double[] t, double[] loss, int k, double threshold) {
        if (k == 0 || loss[k - 1] == loss[k]) return t[k];
        double f = (loss[k - 1] - threshold) / (loss[k - 1] - loss[k]);
        return t[k - 1] + f * (t[k] - t[k - 1]);
    }

    private static double median(double[] v, int from, int to) {
        double[] c = java.util.Arrays.copyOfRange(v, from, to + 1);
        java.util.Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }
}
