package org.reluflow.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Dataset;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.Loss;
import org.reluflow.model.Method;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * Turns a bound {@link RawSpec} into an {@link Experiment}: applies defaults, checks every value
 * (finite, in range, right dimension) and reports the first problem with the path of its key.
 */
public final class SpecCompiler {

    private final Path baseDir;

    /** @param baseDir directory that relative data-file paths are resolved against */
    public SpecCompiler(Path baseDir) { this.baseDir = baseDir; }

    public Experiment compile(RawSpec raw) throws SpecException {
        if (raw.network() == null) throw new SpecException("network", "missing (width, activation, ...)");
        if (raw.data() == null) throw new SpecException("data", "missing (kind: orthogonal, two_point, separable, sphere, interval, points or file)");
        Dataset data = buildData(raw.data());
        Architecture arch = buildArchitecture(raw.network(), data.inputDim());
        Loss loss = buildLoss(raw.loss(), raw.data());
        if (loss.isClassification() && data instanceof FiniteDataset f)
            for (int i = 0; i < f.size(); i++)
                if (Math.abs(f.y()[i]) != 1.0)
                    throw new SpecException("loss", loss.specName() + " loss needs labels in {-1, +1}; target " + (i + 1) + " is " + f.y()[i]);
        Problem problem;
        try {
            problem = new Problem(arch, data, loss);
        } catch (IllegalArgumentException e) {
            throw new SpecException("loss", e.getMessage());
        }
        double horizon = horizon(raw);
        double recordEvery = raw.recordEvery() == null ? horizon / 200 : positive(raw.recordEvery(), 0, "record_every");
        Method method = buildMethod(raw.optimizer(), horizon);
        // a discrete method records at most once a step
        double records = horizon / recordEvery;
        if (method instanceof Method.GradientDescent g) records = Math.min(records, g.steps());
        else if (method instanceof Method.HeavyBall hb) records = Math.min(records, hb.steps());
        else if (method instanceof Method.Nesterov nag) records = Math.min(records, nag.steps());
        if (records > 1e6)
            throw new SpecException("record_every", "would record " + (long) records + " samples; at most 10^6 (raise record_every)");
        double[] theta0 = buildInit(raw.init(), arch);
        Map<String, double[]> directions = new LinkedHashMap<>();
        boolean ntk = false;
        if (raw.observe() != null) {
            ntk = Boolean.TRUE.equals(raw.observe().ntkEigenvalues());
            if (raw.observe().directions() != null)
                for (var e : raw.observe().directions().entrySet())
                    directions.put(e.getKey(), vector(e.getValue(), data.inputDim(), "observe.directions." + e.getKey()));
        }
        String name = raw.name() == null ? "experiment" : raw.name();
        List<String> notes = raw.description() == null ? List.of() : List.of(raw.description());
        return new Experiment(name, problem, theta0, method, horizon, recordEvery, directions, ntk, notes);
    }

    // ---------------------------------------------------------------- network

    private Architecture buildArchitecture(RawSpec.Network n, int dataDim) throws SpecException {
        if (n.width() == null) throw new SpecException("network.width", "missing");
        if (n.width() < 1) throw new SpecException("network.width", "must be at least 1, got " + n.width());
        if (n.inputDim() != null && n.inputDim() != dataDim)
            throw new SpecException("network.input_dim", "is " + n.inputDim() + " but the data have dimension " + dataDim);
        OutputScale scale;
        try {
            scale = n.outputScale() == null ? OutputScale.ONE : OutputScale.parse(n.outputScale());
        } catch (IllegalArgumentException e) {
            throw new SpecException("network.output_scale", e.getMessage());
        }
        String actName = n.activation() == null ? "relu" : n.activation().toLowerCase(Locale.ROOT);
        double eps = switch (actName) {
            case "relu" -> 0.0;
            case "leaky_relu" -> n.leakySlope() == null ? 0.01 : finite(n.leakySlope(), "network.leaky_slope");
            case "linear" -> 1.0;
            default -> throw new SpecException("network.activation", "must be relu, leaky_relu or linear, got '" + n.activation() + "'");
        };
        if (n.leakySlope() != null && !actName.equals("leaky_relu"))
            throw new SpecException("network.leaky_slope", "only applies to activation leaky_relu");
        if (!(eps >= 0 && eps < 1) && !actName.equals("linear"))
            throw new SpecException("network.leaky_slope", "must lie in [0, 1), got " + eps);
        double atZero = n.reluPrimeAtZero() == null ? eps : finite(n.reluPrimeAtZero(), "network.relu_prime_at_zero");
        Activation act;
        try {
            act = new Activation(eps, actName.equals("linear") ? 1.0 : atZero);
        } catch (IllegalArgumentException e) {
            throw new SpecException("network.relu_prime_at_zero", e.getMessage());
        }
        return new Architecture(n.width(), dataDim, bool(n.hiddenBias(), false), bool(n.outputBias(), false),
                scale, bool(n.trainOutput(), true), act);
    }

    // ---------------------------------------------------------------- loss

    private static Loss buildLoss(String name, RawSpec.Data data) throws SpecException {
        if (name == null) {
            if (data instanceof RawSpec.Data.Interval) return Loss.SQUARE_INTEGRAL;
            if (data instanceof RawSpec.Data.TwoPoint || data instanceof RawSpec.Data.Separable) return Loss.EXPONENTIAL;
            return Loss.SQUARE;
        }
        try {
            return Loss.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpecException("loss", "must be square, exponential, logistic or square_integral, got '" + name + "'");
        }
    }

    // ---------------------------------------------------------------- data

    private Dataset buildData(RawSpec.Data raw) throws SpecException {
        try {
            if (raw instanceof RawSpec.Data.Orthogonal o) return orthogonal(o);
            if (raw instanceof RawSpec.Data.TwoPoint t) return twoPoint(t);
            if (raw instanceof RawSpec.Data.Separable s) return separable(s);
            if (raw instanceof RawSpec.Data.Sphere s) return sphere(s);
            if (raw instanceof RawSpec.Data.Interval i) return interval(i);
            if (raw instanceof RawSpec.Data.Points p) return points(p);
            if (raw instanceof RawSpec.Data.File f) return file(f);
        } catch (IllegalArgumentException e) {
            throw new SpecException("data", e.getMessage());
        }
        throw new SpecException("data.kind", "unknown data kind");
    }

    private static FiniteDataset orthogonal(RawSpec.Data.Orthogonal o) throws SpecException {
        if (o.norms() == null) throw new SpecException("data.norms", "missing (one norm per input)");
        if (o.labels() == null) throw new SpecException("data.labels", "missing (one label per input)");
        int n = o.norms().size();
        if (n == 0) throw new SpecException("data.norms", "must not be empty");
        double[] norms = vector(o.norms(), n, "data.norms");
        double[] y = vector(o.labels(), n, "data.labels");
        for (int k = 0; k < n; k++) if (!(norms[k] > 0)) throw new SpecException("data.norms[" + k + "]", "must be positive");
        int dim = o.dim() == null ? n : o.dim();
        if (dim < n) throw new SpecException("data.dim", n + " orthogonal inputs need dimension at least " + n + ", got " + dim);
        double[][] basis = identity(dim);
        if (Boolean.TRUE.equals(o.rotate())) basis = randomOrthogonal(dim, new SplittableRandom(o.seed() == null ? 0 : o.seed()));
        double[][] x = new double[n][dim];
        for (int k = 0; k < n; k++) for (int c = 0; c < dim; c++) x[k][c] = norms[k] * basis[k][c];
        double[] w = o.weights() == null ? uniformWeights(n) : nonNegative(vector(o.weights(), n, "data.weights"), "data.weights");
        return new FiniteDataset(x, y, w);
    }

    private static FiniteDataset twoPoint(RawSpec.Data.TwoPoint t) throws SpecException {
        if (t.angle() == null) throw new SpecException("data.angle", "missing (angle between x+ and x-, in radians)");
        double delta = finite(t.angle(), "data.angle");
        if (!(delta > 0 && delta < Math.PI)) throw new SpecException("data.angle", "must lie in (0, pi), got " + delta);
        double p = t.p() == null ? 0.5 : finite(t.p(), "data.p"), q = t.q() == null ? 1 - p : finite(t.q(), "data.q");
        if (!(p > 0) || !(q > 0)) throw new SpecException("data.p", "class weights p and q must be positive");
        int dim = t.dim() == null ? 2 : t.dim();
        if (dim < 2) throw new SpecException("data.dim", "must be at least 2");
        double[][] x = new double[2][dim];
        x[0][0] = 1;
        x[1][0] = Math.cos(delta);
        x[1][1] = Math.sin(delta);
        return new FiniteDataset(x, new double[] {1, -1}, new double[] {p, q});
    }

    private static FiniteDataset separable(RawSpec.Data.Separable s) throws SpecException {
        int n = positiveInt(s.n(), 20, "data.n"), dim = positiveInt(s.dim(), 2, "data.dim");
        double margin = s.margin() == null ? 0.1 : finite(s.margin(), "data.margin");
        if (!(margin >= 0 && margin < 1)) throw new SpecException("data.margin", "must lie in [0, 1), got " + margin);
        SplittableRandom rnd = new SplittableRandom(s.seed() == null ? 0 : s.seed());
        double[] teacher = unitGaussian(dim, rnd);
        double[][] x = new double[n][];
        double[] y = new double[n];
        int tries = 0;
        for (int i = 0; i < n; ) {
            if (++tries > 1_000_000) throw new SpecException("data.margin", "cannot draw " + n + " points with margin " + margin + " in dimension " + dim);
            double[] v = unitGaussian(dim, rnd);
            double proj = dot(v, teacher);
            if (Math.abs(proj) < margin) continue;
            x[i] = v;
            y[i++] = Math.signum(proj);
        }
        return FiniteDataset.uniform(x, y);
    }

    private static FiniteDataset sphere(RawSpec.Data.Sphere s) throws SpecException {
        int n = positiveInt(s.n(), 10, "data.n"), dim = positiveInt(s.dim(), 10, "data.dim");
        double sep = s.minSeparation() == null ? 0.0 : finite(s.minSeparation(), "data.min_separation");
        String target = s.target() == null ? "gaussian" : s.target();
        if (!target.equals("gaussian") && !target.equals("linear"))
            throw new SpecException("data.target", "must be gaussian or linear, got '" + target + "'");
        SplittableRandom rnd = new SplittableRandom(s.seed() == null ? 0 : s.seed());
        double[] teacher = unitGaussian(dim, rnd);
        double[][] x = new double[n][];
        int tries = 0;
        outer:
        for (int i = 0; i < n; ) {
            if (++tries > 100_000) throw new SpecException("data.min_separation", "cannot draw " + n + " inputs separated by " + sep);
            double[] v = unitGaussian(dim, rnd);
            for (int k = 0; k < i; k++) if (1 - Math.abs(dot(v, x[k])) < sep) continue outer;
            x[i++] = v;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = target.equals("linear") ? dot(teacher, x[i]) : rnd.nextGaussian();
        return FiniteDataset.uniform(x, y);
    }

    private static IntervalTarget interval(RawSpec.Data.Interval i) throws SpecException {
        double a = i.a() == null ? 0 : finite(i.a(), "data.a"), b = i.b() == null ? 1 : finite(i.b(), "data.b");
        if (!(a < b)) throw new SpecException("data.b", "needs a < b, got a = " + a + ", b = " + b);
        return new IntervalTarget(a, b, i.alpha() == null ? 1 : finite(i.alpha(), "data.alpha"),
                i.beta() == null ? 0 : finite(i.beta(), "data.beta"));
    }

    private static FiniteDataset points(RawSpec.Data.Points p) throws SpecException {
        if (p.x() == null || p.x().isEmpty()) throw new SpecException("data.x", "missing or empty");
        if (p.y() == null) throw new SpecException("data.y", "missing");
        int n = p.x().size(), d = p.x().get(0) == null ? 0 : p.x().get(0).size();
        if (d == 0) throw new SpecException("data.x[0]", "empty input");
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = vector(p.x().get(i), d, "data.x[" + i + "]");
        double[] y = vector(p.y(), n, "data.y");
        double[] w = p.weights() == null ? uniformWeights(n) : nonNegative(vector(p.weights(), n, "data.weights"), "data.weights");
        return new FiniteDataset(x, y, w);
    }

    private FiniteDataset file(RawSpec.Data.File f) throws SpecException {
        double[][] x;
        double[] y;
        try {
            if (f.path() != null) {
                if (f.x() != null || f.y() != null) throw new SpecException("data", "give either path (CSV) or x and y (.npy), not both");
                double[][] table = CsvTable.read(resolve(f.path(), "data.path"), Boolean.TRUE.equals(f.header()));
                if (table[0].length < 2) throw new SpecException("data.path", "CSV needs at least two columns (inputs, then the target)");
                x = new double[table.length][];
                y = new double[table.length];
                for (int i = 0; i < table.length; i++) {
                    x[i] = java.util.Arrays.copyOf(table[i], table[i].length - 1);
                    y[i] = table[i][table[i].length - 1];
                }
            } else {
                if (f.x() == null || f.y() == null) throw new SpecException("data", "file data needs path (CSV) or both x and y (.npy)");
                x = NpyReader.read(resolve(f.x(), "data.x"));
                double[][] yy = NpyReader.read(resolve(f.y(), "data.y"));
                if (yy.length > 0 && yy[0].length != 1) throw new SpecException("data.y", "targets must be a 1-D array");
                y = new double[yy.length];
                for (int i = 0; i < yy.length; i++) y[i] = yy[i][0];
                if (x.length != y.length) throw new SpecException("data.y", y.length + " targets for " + x.length + " inputs");
            }
        } catch (IOException e) {
            throw new SpecException("data", e.getMessage());
        }
        if (x.length == 0) throw new SpecException("data", "the data file holds no rows");
        for (int i = 0; i < x.length; i++) {
            for (double v : x[i]) if (!Double.isFinite(v)) throw new SpecException("data", "input row " + (i + 1) + " is not finite");
            if (!Double.isFinite(y[i])) throw new SpecException("data", "target " + (i + 1) + " is not finite");
        }
        return FiniteDataset.uniform(x, y);
    }

    private Path resolve(String name, String key) throws SpecException {
        Path p = baseDir.resolve(name);
        if (!Files.isRegularFile(p)) throw new SpecException(key, "no such file: " + p);
        return p;
    }

    // ---------------------------------------------------------------- init

    private static double[] buildInit(RawSpec.Init init, Architecture arch) throws SpecException {
        ParameterLayout layout = arch.layout();
        int m = arch.width(), d = arch.inputDim();
        if (init != null && init.theta() != null) {
            if (init.explicit() != null) throw new SpecException("init", "give theta or explicit, not both");
            return vector(init.theta(), layout.size(), "init.theta");
        }
        if (init != null && init.explicit() != null) return explicit(init.explicit(), arch);
        double scale = init == null || init.scale() == null ? 1e-3 : finite(init.scale(), "init.scale");
        if (!(scale > 0)) throw new SpecException("init.scale", "must be positive, got " + scale);
        boolean normalized = init == null || init.widthNormalized() == null || init.widthNormalized();
        boolean balanced = init == null || init.balanced() == null || init.balanced();
        String dist = init == null || init.distribution() == null ? "gaussian" : init.distribution();
        if (!dist.equals("gaussian") && !dist.equals("uniform"))
            throw new SpecException("init.distribution", "must be gaussian or uniform, got '" + dist + "'");
        String outInit = init == null || init.outputInit() == null ? "gaussian" : init.outputInit();
        if (!outInit.equals("gaussian") && !outInit.equals("sign"))
            throw new SpecException("init.output_init", "must be gaussian or sign, got '" + outInit + "'");
        if (balanced && init != null && init.outputInit() != null)
            throw new SpecException("init.output_init", "only applies with balanced: false");
        SplittableRandom rnd = new SplittableRandom(init == null || init.seed() == null ? 0 : init.seed());
        double std = scale / (normalized ? Math.sqrt(m) : 1.0);
        double[] theta = new double[layout.size()];
        for (int j = 0; j < m; j++) {
            double norm2 = 0;
            for (int k = 0; k < d; k++) {
                double v = std * draw(dist, rnd);
                theta[layout.w(j, k)] = v;
                norm2 += v * v;
            }
            if (arch.hiddenBias()) {
                double v = std * draw(dist, rnd);
                theta[layout.b(j)] = v;
                norm2 += v * v;
            }
            double sign = rnd.nextBoolean() ? 1 : -1;
            if (balanced) theta[layout.a(j)] = sign * Math.sqrt(norm2);
            else theta[layout.a(j)] = outInit.equals("sign") ? sign : std * draw(dist, rnd);
        }
        return theta;
    }

    private static double draw(String dist, SplittableRandom rnd) {
        return dist.equals("gaussian") ? rnd.nextGaussian() : rnd.nextDouble(-1.0, 1.0);
    }

    private static double[] explicit(RawSpec.Explicit e, Architecture arch) throws SpecException {
        ParameterLayout layout = arch.layout();
        int m = arch.width(), d = arch.inputDim();
        double[] theta = new double[layout.size()];
        if (e.a() == null) throw new SpecException("init.explicit.a", "missing");
        if (e.w() == null) throw new SpecException("init.explicit.w", "missing");
        double[] a = vector(e.a(), m, "init.explicit.a");
        if (e.w().size() != m) throw new SpecException("init.explicit.w", "needs " + m + " rows (one per neuron), got " + e.w().size());
        for (int j = 0; j < m; j++) {
            theta[layout.a(j)] = a[j];
            double[] w = vector(e.w().get(j), d, "init.explicit.w[" + j + "]");
            for (int k = 0; k < d; k++) theta[layout.w(j, k)] = w[k];
        }
        if (arch.hiddenBias()) {
            if (e.b() == null) throw new SpecException("init.explicit.b", "missing (the network has a hidden bias)");
            double[] b = vector(e.b(), m, "init.explicit.b");
            for (int j = 0; j < m; j++) theta[layout.b(j)] = b[j];
        } else if (e.b() != null) throw new SpecException("init.explicit.b", "given, but the network has no hidden bias");
        if (arch.outputBias()) theta[layout.c()] = e.c() == null ? 0 : finite(e.c(), "init.explicit.c");
        else if (e.c() != null) throw new SpecException("init.explicit.c", "given, but the network has no output bias");
        return theta;
    }

    // ---------------------------------------------------------------- optimizer

    private static Method buildMethod(RawSpec.Optimizer o, double horizon) throws SpecException {
        String kind = o == null || o.kind() == null ? "gradient_flow" : o.kind();
        double rtol = o == null || o.rtol() == null ? 1e-10 : positive(o.rtol(), 0, "optimizer.rtol");
        double atol = o == null || o.atol() == null ? 1e-12 : positive(o.atol(), 0, "optimizer.atol");
        return switch (kind) {
            case "gradient_flow" -> {
                forbid(o, "gradient_flow", o == null ? null : o.step(), "step");
                int maxEvents = o == null || o.maxEvents() == null ? 100_000 : o.maxEvents();
                if (maxEvents < 1) throw new SpecException("optimizer.max_events", "must be at least 1");
                yield new Method.GradientFlow(rtol, atol, maxEvents);
            }
            case "gd" -> new Method.GradientDescent(step(o), steps(o, horizon));
            case "heavy_ball" -> new Method.HeavyBall(step(o), momentum(o), steps(o, horizon));
            case "nesterov" -> {
                String schedule = o.schedule() == null ? "constant" : o.schedule();
                Method.Momentum mom = switch (schedule) {
                    case "constant" -> new Method.Momentum.Constant(momentum(o));
                    case "vanishing" -> {
                        if (o.momentum() != null) throw new SpecException("optimizer.momentum", "a vanishing schedule takes r, not momentum");
                        yield new Method.Momentum.Vanishing(positive(o.r(), 3.0, "optimizer.r"));
                    }
                    default -> throw new SpecException("optimizer.schedule", "must be constant or vanishing, got '" + schedule + "'");
                };
                yield new Method.Nesterov(step(o), mom, steps(o, horizon));
            }
            case "heavy_ball_ode" -> {
                if (o.gamma() == null) throw new SpecException("optimizer.gamma", "missing (damping of theta'' + gamma theta' + grad L = 0)");
                yield new Method.HeavyBallOde(positive(o.gamma(), 0, "optimizer.gamma"), rtol, atol);
            }
            case "nesterov_ode" -> new Method.NesterovOde(positive(o.r(), 3.0, "optimizer.r"), rtol, atol);
            default -> throw new SpecException("optimizer.kind", "must be gradient_flow, gd, heavy_ball, nesterov, heavy_ball_ode or nesterov_ode, got '" + kind + "'");
        };
    }

    private static void forbid(RawSpec.Optimizer o, String kind, Object value, String key) throws SpecException {
        if (value != null) throw new SpecException("optimizer." + key, "does not apply to " + kind);
    }

    private static double step(RawSpec.Optimizer o) throws SpecException {
        if (o.step() == null) throw new SpecException("optimizer.step", "missing (the learning rate eta)");
        return positive(o.step(), 0, "optimizer.step");
    }

    private static double momentum(RawSpec.Optimizer o) throws SpecException {
        if (o.momentum() == null) throw new SpecException("optimizer.momentum", "missing (beta in [0, 1))");
        double b = finite(o.momentum(), "optimizer.momentum");
        if (!(b >= 0 && b < 1)) throw new SpecException("optimizer.momentum", "must lie in [0, 1), got " + b);
        return b;
    }

    /**
     * The time horizon: the spec's {@code horizon} (default 10), or for a discrete method with an explicit step
     * count the time steps x step that the run reaches; both at once must agree to within one step.
     */
    private static double horizon(RawSpec raw) throws SpecException {
        RawSpec.Optimizer o = raw.optimizer();
        boolean discrete = o != null && ("gd".equals(o.kind()) || "heavy_ball".equals(o.kind()) || "nesterov".equals(o.kind()));
        if (!discrete || o.steps() == null || o.steps() < 1 || o.step() == null || !(o.step() > 0))
            return positive(raw.horizon(), 10.0, "horizon");
        double reached = o.steps() * o.step();
        if (raw.horizon() != null && Math.abs(positive(raw.horizon(), 0, "horizon") - reached) > o.step() * (1 + 1e-9))
            throw new SpecException("optimizer.steps", o.steps() + " steps of " + o.step() + " reach t = " + reached
                    + ", not the horizon " + raw.horizon() + "; give steps or horizon, or make them agree");
        return reached;
    }

    private static long steps(RawSpec.Optimizer o, double horizon) throws SpecException {
        if (o.steps() != null) {
            if (o.steps() < 1) throw new SpecException("optimizer.steps", "must be at least 1");
            return o.steps();
        }
        double k = Math.ceil(horizon / o.step() - 1e-9);
        if (k > 1e10) throw new SpecException("optimizer.steps", "horizon / step = " + k + " steps is too many");
        return (long) Math.max(1, k);
    }

    // ---------------------------------------------------------------- helpers

    static double finite(Double v, String path) throws SpecException {
        if (v == null) throw new SpecException(path, "missing");
        if (!Double.isFinite(v)) throw new SpecException(path, "must be a finite number, got " + v);
        return v;
    }

    private static double positive(Double v, double dflt, String path) throws SpecException {
        if (v == null) {
            if (dflt > 0) return dflt;
            throw new SpecException(path, "missing");
        }
        double x = finite(v, path);
        if (!(x > 0)) throw new SpecException(path, "must be positive, got " + x);
        return x;
    }

    private static int positiveInt(Integer v, int dflt, String path) throws SpecException {
        if (v == null) return dflt;
        if (v < 1) throw new SpecException(path, "must be at least 1, got " + v);
        return v;
    }

    private static boolean bool(Boolean b, boolean dflt) { return b == null ? dflt : b; }

    static double[] vector(List<Double> values, int expected, String path) throws SpecException {
        if (values == null) throw new SpecException(path, "missing");
        if (values.size() != expected)
            throw new SpecException(path, "expected " + expected + " values, got " + values.size());
        double[] out = new double[expected];
        for (int i = 0; i < expected; i++) out[i] = finite(values.get(i), path + "[" + i + "]");
        return out;
    }

    private static double[] nonNegative(double[] v, String path) throws SpecException {
        for (int i = 0; i < v.length; i++) if (v[i] < 0) throw new SpecException(path + "[" + i + "]", "must be non-negative");
        return v;
    }

    private static double[] uniformWeights(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    private static double[][] identity(int d) {
        double[][] e = new double[d][d];
        for (int i = 0; i < d; i++) e[i][i] = 1;
        return e;
    }

    /** Rows of a random orthogonal matrix (Gram-Schmidt on Gaussian rows). */
    private static double[][] randomOrthogonal(int d, SplittableRandom rnd) {
        double[][] q = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] v;
            do {
                v = new double[d];
                for (int k = 0; k < d; k++) v[k] = rnd.nextGaussian();
                for (int p = 0; p < i; p++) {
                    double c = dot(v, q[p]);
                    for (int k = 0; k < d; k++) v[k] -= c * q[p][k];
                }
            } while (norm(v) < 1e-8);
            double nv = norm(v);
            for (int k = 0; k < d; k++) v[k] /= nv;
            q[i] = v;
        }
        return q;
    }

    private static double[] unitGaussian(int d, SplittableRandom rnd) {
        double[] v = new double[d];
        double nv;
        do {
            for (int k = 0; k < d; k++) v[k] = rnd.nextGaussian();
            nv = norm(v);
        } while (nv < 1e-12);
        for (int k = 0; k < d; k++) v[k] /= nv;
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    /** For callers that list the kinds. */
    public static List<String> dataKinds() {
        return new ArrayList<>(List.of("orthogonal", "two_point", "separable", "sphere", "interval", "points", "file"));
    }
}
