package org.reluflow.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Runs claims with a time limit each, several claims side by side, results in input order.
 *
 * <p>A check runs on its own thread; when it has no verdict within its limit the thread is interrupted and the
 * result is INCONCLUSIVE "no verdict within N s". The engines, the objectives' gradients, the validated integrator
 * and Symja calls are cancellation points ({@link org.reluflow.model.Cancelled}), so an abandoned check really stops
 * within {@link #GRACE_SECONDS} instead of burning a core; one that does not is named in the reason.
 *
 * <p>The power run ({@link #power}) checks each claim unmutated and then under each of its {@link Claim#mutants()};
 * claims run in parallel, a claim's own checks one after another.
 */
public final class ClaimRunner {

    /** How long an interrupted check may take to unwind before it is reported as still running. */
    public static final double GRACE_SECONDS = 5;

    /** A claim's unmutated result and, in a power run, its power (else {@code null}). */
    public record Run(ClaimResult result, Power power) {}

    private final int threads;
    private final ToDoubleFunction<Claim> timeLimit;
    private final Status status = new Status();

    /**
     * @param threads   claims checked side by side (at least 1)
     * @param timeLimit seconds allowed to one check of a claim (unmutated or under one mutant)
     */
    public ClaimRunner(int threads, ToDoubleFunction<Claim> timeLimit) {
        this.threads = Math.max(1, threads);
        this.timeLimit = timeLimit;
    }

    /** One line on what is running, for progress output (thread-safe). */
    public String status() { return status.line(); }

    /** Claims finished so far and in all, for progress output. */
    public int finished() { return status.done.get(); }

    public List<ClaimResult> check(List<Claim> claims, ClaimContext context) {
        List<ClaimResult> out = new ArrayList<>();
        for (Run r : runAll(claims, context, false)) out.add(r.result());
        return out;
    }

    public List<Run> power(List<Claim> claims, ClaimContext context) { return runAll(claims, context, true); }

    private List<Run> runAll(List<Claim> claims, ClaimContext context, boolean power) {
        status.start(claims.size(), power);
        if (threads == 1 || claims.size() == 1) {
            List<Run> out = new ArrayList<>();
            for (Claim c : claims) out.add(runOne(c, context, power));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, claims.size()), daemon("claims"));
        try {
            List<Future<Run>> futures = new ArrayList<>();
            for (Claim c : claims) futures.add(pool.submit(() -> runOne(c, context, power)));
            List<Run> out = new ArrayList<>();
            for (Future<Run> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking claims", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a claim runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Run runOne(Claim c, ClaimContext context, boolean power) {
        status.running(c.id(), power ? "unmutated" : "");
        ClaimResult result = checkWithin(c, context.under(null), timeLimit.applyAsDouble(c));
        Power p = null;
        if (power) {
            List<Mutant> mutants = c.mutants();
            int[] k = {0};
            p = Power.of(c, context, (claim, ctx) -> {
                status.running(c.id(), "mutant " + (++k[0]) + " of " + mutants.size());
                return checkWithin(claim, ctx, timeLimit.applyAsDouble(claim));
            });
        }
        status.finished(c.id());
        return new Run(result, p);
    }

    /**
     * {@code claim.check(context)} on a thread of its own, abandoned (interrupted) after {@code seconds}: then
     * INCONCLUSIVE with the reason "no verdict within N s".
     */
    public static ClaimResult checkWithin(Claim claim, ClaimContext context, double seconds) {
        CountDownLatch ended = new CountDownLatch(1);
        ExecutorService one = Executors.newSingleThreadExecutor(daemon("claim " + claim.id()));
        long t0 = System.nanoTime();
        Future<ClaimResult> f = one.submit(() -> {
            try {
                return claim.check(context);
            } finally {
                ended.countDown();
            }
        });
        one.shutdown();
        try {
            return f.get(Math.max(1, (long) (seconds * 1e3)), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            boolean stopped;
            try {
                stopped = ended.await((long) (GRACE_SECONDS * 1e3), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                stopped = false;
            }
            String limit = seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
            return timedOut(claim, "no verdict within " + limit + " s (the time limit of this claim"
                    + (stopped ? "" : "; its computation did not stop within " + (long) GRACE_SECONDS + " s of the interrupt") + ")",
                    seconds, (System.nanoTime() - t0) / 1e9);
        } catch (ExecutionException e) {
            return timedOut(claim, "the check could not be computed: " + e.getCause(), seconds, (System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return timedOut(claim, "interrupted", seconds, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static ClaimResult timedOut(Claim c, String why, double limit, double seconds) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("time_limit_seconds", limit);
        return new ClaimResult(c.id(), c.paper(), c.title(), Verdict.INCONCLUSIVE, c.provenance().toString(), c.hypotheses(),
                c.criterion(), why, evidence, seconds);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true); // an abandoned check that ignores interrupts must not keep the JVM alive
            return t;
        };
    }

    /** What is running, for a progress line every few seconds. */
    private static final class Status {
        final AtomicInteger done = new AtomicInteger();
        volatile int total;
        volatile boolean power;
        final Map<String, String> running = new ConcurrentHashMap<>();
        final Map<String, Long> since = new ConcurrentHashMap<>();

        void start(int n, boolean isPower) {
            total = n;
            power = isPower;
            done.set(0);
            running.clear();
        }

        void running(String id, String what) {
            running.put(id, what);
            since.putIfAbsent(id, System.nanoTime());
        }

        void finished(String id) {
            running.remove(id);
            since.remove(id);
            done.incrementAndGet();
        }

        String line() {
            StringBuilder sb = new StringBuilder(power ? "check --power: " : "check: ");
            sb.append(done.get()).append(" of ").append(total).append(" claims done");
            List<String> now = new ArrayList<>();
            for (var e : new java.util.TreeMap<>(running).entrySet()) {
                Long t = since.get(e.getKey());
                String secs = t == null ? "" : String.format(" %.0f s", (System.nanoTime() - t) / 1e9);
                now.add(e.getKey() + (e.getValue().isEmpty() ? "" : " (" + e.getValue() + ")") + secs);
            }
            if (!now.isEmpty()) sb.append("; running ").append(String.join(", ", now));
            return sb.toString();
        }
    }
}
