package org.reluflow.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reluflow.claims.ClaimRunner;

/**
 * A claim run's progress on stderr: one plain line every {@link CheckCommand#PROGRESS_EVERY_SECONDS} seconds
 * ("claim k of N done; running ..."), terminal or not, so that a log or CI job shows a long power run moving.
 */
final class ProgressLines implements AutoCloseable {
    private final ScheduledExecutorService timer;

    ProgressLines(ClaimRunner runner, boolean enabled) {
        if (!enabled) { timer = null; return; }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long every = CheckCommand.PROGRESS_EVERY_SECONDS;
        timer.scheduleAtFixedRate(() -> System.err.println(runner.status()), every, every, TimeUnit.SECONDS);
    }

    @Override public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
