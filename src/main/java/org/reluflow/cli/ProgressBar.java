package org.reluflow.cli;

import java.io.PrintStream;
import org.reluflow.dynamics.ProgressListener;

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
final class ProgressBar implements ProgressListener {
    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private int lastPercent = -1;

    ProgressBar(String label, boolean enabled) {
        this.err = System.err;
        this.label = label;
        this.enabled = enabled && System.console() != null;
    }

    @Override public void progress(double fraction) {
        if (!enabled) return;
        int percent = (int) Math.floor(100 * Math.max(0, Math.min(1, fraction)));
        if (percent == lastPercent) return;
        lastPercent = percent;
        int filled = percent * 30 / 100;
        double secs = (System.nanoTime() - start) / 1e9;
        err.printf("\r%s [%s%s] %3d%% %6.1fs", label, "#".repeat(filled), " ".repeat(30 - filled), percent, secs);
        if (percent >= 100) err.print("\r" + " ".repeat(label.length() + 50) + "\r");
        err.flush();
    }
}
