package org.reluflow.symbolic;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.ParserConfig;

/**
 * The one door to Symja. Symja keeps its engine in a thread-local and has JVM-wide switches, so a session owns one
 * daemon thread with one strict-syntax evaluator, and every call runs there under a time limit. A call that runs out
 * of time is stopped (Symja polls its stop flag) and reported as a {@link SymbolicException}; if Symja does not stop,
 * the thread is abandoned and the session starts a fresh one on the next call.
 *
 * <p>Strict (Mathematica) syntax: {@code D[x^2, x]}, case-sensitive names. The parser flag must be set before the
 * first Symja class initialises, which is why every use goes through this class.
 */
public final class SymjaSession implements AutoCloseable {

    static {
        ParserConfig.PARSER_USE_LOWERCASE_SYMBOLS = false;
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }

    private final Duration timeLimit;
    private ExecutorService thread;
    private ExprEvaluator evaluator;

    public SymjaSession(Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) throw new IllegalArgumentException("time limit must be positive");
        this.timeLimit = timeLimit;
    }

    /** A session whose calls may each run for at most {@code seconds}. */
    public static SymjaSession limitedTo(long seconds) { return new SymjaSession(Duration.ofSeconds(seconds)); }

    /** A session with the default 60 s limit per call (override with RELUFLOW_SYMBOLIC_TIMEOUT seconds). */
    public static SymjaSession withDefaults() {
        String env = System.getenv("RELUFLOW_SYMBOLIC_TIMEOUT");
        long s = 60;
        if (env != null) {
            try { s = Long.parseLong(env.strip()); } catch (NumberFormatException ignored) { /* keep the default */ }
        }
        return new SymjaSession(Duration.ofSeconds(Math.max(1, s)));
    }

    public Duration timeLimit() { return timeLimit; }

    /** Evaluates Symja input text, e.g. {@code "Expand[(a+b)^2]"}. */
    public IExpr eval(String input) throws SymbolicException {
        return call(ev -> ev.eval(input), input);
    }

    /** Evaluates an expression built with the {@code F} API. */
    public IExpr eval(IExpr expr) throws SymbolicException {
        return call(ev -> ev.eval(expr), "expression");
    }

    /** Runs arbitrary Symja work on the session thread under the time limit. */
    public synchronized <T> T call(Function<ExprEvaluator, T> work, String what) throws SymbolicException {
        ensureStarted();
        Future<T> f = thread.submit(() -> work.apply(evaluator));
        try {
            return f.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            EvalEngine engine = evaluator.getEvalEngine();
            if (engine != null) engine.stopRequest();
            f.cancel(true);
            abandon();
            throw new SymbolicException("symbolic computation exceeded its time limit of " + timeLimit.toSeconds()
                    + " s (" + abbreviate(what) + "); raise it with RELUFLOW_SYMBOLIC_TIMEOUT or use a smaller instance", true);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Error) abandon(); // stack overflow or out of memory: start a fresh engine next time
            throw new SymbolicException("Symja failed on " + abbreviate(what) + ": " + c, false);
        } catch (InterruptedException e) {
            // the caller was abandoned (a claim over its time limit): stop the work too, or it keeps a core busy
            EvalEngine engine = evaluator.getEvalEngine();
            if (engine != null) engine.stopRequest();
            f.cancel(true);
            abandon();
            Thread.currentThread().interrupt();
            throw new SymbolicException("interrupted", false);
        }
    }

    private void ensureStarted() throws SymbolicException {
        if (thread != null) return;
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "symja", 64L << 20); // deep recursion in Symja needs a big stack
            t.setDaemon(true);
            return t;
        });
        Callable<ExprEvaluator> boot = () -> {
            EvalEngine engine = new EvalEngine(false);
            engine.setQuietMode(true);
            return new ExprEvaluator(engine, true, (short) 0);
        };
        try {
            evaluator = thread.submit(boot).get(Math.max(timeLimit.toMillis(), 60_000), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            abandon();
            throw new SymbolicException("cannot start Symja: " + e, false);
        }
    }

    private void abandon() {
        if (thread != null) thread.shutdownNow();
        thread = null;
        evaluator = null;
    }

    @Override public synchronized void close() { abandon(); }

    private static String abbreviate(String s) { return s.length() > 80 ? s.substring(0, 77) + "..." : s; }
}
