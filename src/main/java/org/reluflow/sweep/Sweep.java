package org.reluflow.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.reluflow.dynamics.ProgressListener;
import org.reluflow.dynamics.RunStatus;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.observe.Observation;
import org.reluflow.observe.Observer;
import org.reluflow.observe.Plateau;
import org.reluflow.spec.SpecException;
import org.reluflow.spec.SpecLoader;

/**
 * A parameter sweep: one spec run at every point of a grid over one or two of its keys, each run summarised by
 * the numbers a phase diagram is drawn from. Every point's spec is compiled before anything runs, so a value that
 * does not fit (a width of 2.5, a negative scale) is reported at once, naming the point; the experiments
 * themselves are compiled again when their turn comes, so that a large grid does not hold every point's data.
 */
public final class Sweep {

    /** At most this many grid points. */
    public static final int MAX_POINTS = 10_000;

    /** A grid point: its coordinates, one per axis, in axis order. */
    public record Point(double[] coordinates) {
        public Point {
            coordinates = coordinates.clone();
        }

        @Override public double[] coordinates() { return coordinates.clone(); }
    }

    private final ObjectNode spec;
    private final Path baseDir;
    private final List<Axis> axes;
    private final List<Point> points;

    private Sweep(ObjectNode spec, Path baseDir, List<Axis> axes, List<Point> points) {
        this.spec = spec.deepCopy();
        this.baseDir = baseDir;
        this.axes = List.copyOf(axes);
        this.points = List.copyOf(points);
    }

    public List<Axis> axes() { return axes; }

    public List<Point> points() { return points; }

    /** The experiment at a grid point: the spec with the point's values written in. */
    public Experiment experiment(Point p) {
        try {
            return compile(spec, baseDir, axes, p.coordinates);
        } catch (SpecException e) {
            throw new IllegalStateException("a point that compiled at planning time no longer does: " + e.getMessage(), e);
        }
    }

    private static Experiment compile(ObjectNode spec, Path baseDir, List<Axis> axes, double[] at) throws SpecException {
        ObjectNode tree = spec;
        for (int k = 0; k < axes.size(); k++) tree = SpecPatch.with(tree, axes.get(k).key(), at[k]);
        try {
            return SpecLoader.parse(tree, baseDir);
        } catch (SpecException e) {
            throw new SpecException(e.path(), e.reason() + " (at the grid point " + describe(axes, at) + ")");
        }
    }

    /**
     * Checks the spec at every grid point, the first axis varying slowest. Relative data paths resolve against
     * baseDir.
     */
    public static Sweep plan(ObjectNode spec, Path baseDir, List<Axis> axes) throws SpecException {
        if (axes.isEmpty() || axes.size() > 2) throw new SpecException("", "a sweep takes one or two axes, got " + axes.size());
        if (axes.size() == 2 && axes.get(0).key().equals(axes.get(1).key()))
            throw new SpecException(axes.get(0).key(), "swept twice");
        long total = 1;
        for (Axis a : axes) total *= a.size();
        if (total > MAX_POINTS) throw new SpecException("", total + " grid points; at most " + MAX_POINTS);
        List<Point> points = new ArrayList<>();
        int[] index = new int[axes.size()];
        for (long q = 0; q < total; q++) {
            double[] at = new double[axes.size()];
            for (int k = 0; k < axes.size(); k++) at[k] = axes.get(k).value(index[k]);
            compile(spec, baseDir, axes, at);
            points.add(new Point(at));
            for (int k = axes.size() - 1; k >= 0; k--) {
                if (++index[k] < axes.get(k).size()) break;
                index[k] = 0;
            }
        }
        return new Sweep(spec, baseDir, axes, points);
    }

    /** Runs every point in order; {@code progress} hears the fraction of points done. */
    public List<Outcome> run(ProgressListener progress) { return run(progress, 1); }

    /**
     * Runs the points on {@code threads} threads (runs share no state, so the outcomes are those of a sequential
     * sweep) and returns them in grid order; {@code progress} hears the fraction of points done.
     */
    public List<Outcome> run(ProgressListener progress, int threads) {
        int n = points.size();
        Outcome[] out = new Outcome[n];
        if (threads <= 1 || n == 1) {
            for (int q = 0; q < n; q++) {
                out[q] = run(points.get(q));
                progress.progress((q + 1.0) / n);
            }
            return List.of(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "reluflow-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                int index = q;
                futures.add(pool.submit(() -> {
                    out[index] = run(points.get(index));
                    int k = done.incrementAndGet();
                    synchronized (progress) {
                        progress.progress((double) k / n);
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }

    /**
     * One point's run, summarised. An exception out of the engines is recorded as an INTEGRATION_FAILED outcome
     * with its message, so that one bad point does not take the rest of the sweep with it.
     */
    public Outcome run(Point p) {
        long t0 = System.nanoTime();
        Experiment e = experiment(p);
        Trajectory tr;
        Observation obs;
        try {
            tr = Simulator.run(e, ProgressListener.NONE);
            obs = Observer.observe(e, tr);
        } catch (RuntimeException ex) {
            return new Outcome(p.coordinates(), RunStatus.INTEGRATION_FAILED, Double.NaN, Double.NaN, 0, Double.NaN, 0, 0,
                    Double.NaN, Double.NaN, (System.nanoTime() - t0) / 1e9, "the run threw " + ex);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Plateau> plateaus = obs.plateaus();
        double firstEscape = Double.NaN;
        for (Plateau pl : plateaus) if (pl.escaped()) { firstEscape = pl.escapeTime(); break; }
        int sliding = 0;
        for (var ev : tr.events()) if (ev.to().equals("slide")) sliding++;
        Double margin = obs.margin() == null ? null : obs.margin()[obs.size() - 1];
        return new Outcome(p.coordinates(), tr.status(), obs.finalLoss(), tr.tReached(), plateaus.size(), firstEscape,
                tr.events().size(), sliding, obs.invariantDrift(), margin == null ? Double.NaN : margin, seconds,
                tr.status() == RunStatus.COMPLETED ? "" : tr.message());
    }

    static String describe(List<Axis> axes, double[] at) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < axes.size(); k++) {
            if (k > 0) sb.append(", ");
            sb.append(axes.get(k).key()).append(" = ").append(at[k]);
        }
        return sb.toString();
    }
}
