package org.reluflow.validated;

import org.reluflow.symbolic.IntervalArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalVector;
import org.reluflow.symbolic.Arithmetic;
import org.reluflow.symbolic.DoubleArithmetic;
import org.reluflow.symbolic.StraightLineProgram;

/**
 * Encloses gradient-descent iterates theta_{k+1} = theta_k + eta F(theta_k), F = -grad L compiled as a program:
 * both the exact-real iterates from every point of the initial box and the IEEE float64 iterates that
 * {@link #floatStep} computes (the same program in double, then theta + eta * F). Round-to-nearest is monotone and
 * interval endpoints are doubles, so every float64 operation lands in the outward-rounded interval of the same
 * operation (see {@link IntervalArithmetic}); one enclosure holds both. A box on which an activation changes sign is
 * bisected (up to a depth) so that each piece sees one activation pattern, and the images are joined.
 */
public final class GdEnclosure {

    /**
     * @param status    VALID if all steps were enclosed
     * @param steps     iterations enclosed
     * @param box       the enclosure of iterate {@code steps}
     * @param splits    how many boxes were bisected because they straddled an activation boundary
     * @param widths    the maximum width after each recorded iteration (every {@code recordEvery})
     */
    public record Result(EnclosureStatus status, String reason, long steps, IntervalVector box, long splits,
                         List<Double> widths, double seconds) {}

    private final StraightLineProgram field;
    private final double eta;
    private final double stepAtZero;
    private final int maxSplitDepth;
    private final SeriesTape tape;
    private final Jets jets;

    public GdEnclosure(StraightLineProgram field, double eta, double stepAtZero, int maxSplitDepth) {
        if (!(eta > 0) || Double.isInfinite(eta)) throw new IllegalArgumentException("the step size must be positive and finite, got " + eta);
        this.field = field;
        this.eta = eta;
        this.stepAtZero = stepAtZero;
        this.maxSplitDepth = maxSplitDepth;
        this.tape = SeriesTape.of(field, stepAtZero);
        this.jets = new Jets(field.variables().size());
    }

    /** The float64 iterate, in the order the enclosure follows: theta_i + eta * F_i(theta). */
    public double[] floatStep(double[] theta) {
        List<Double> in = new ArrayList<>(theta.length);
        for (double v : theta) in.add(v);
        List<Double> f = field.evaluate(new DoubleArithmetic(stepAtZero), in);
        double[] next = new double[theta.length];
        for (int i = 0; i < theta.length; i++) next[i] = theta[i] + eta * f.get(i);
        return next;
    }

    public Result enclose(IntervalVector theta0, long steps, int recordEvery, IntConsumer progress) {
        long start = System.nanoTime();
        IntervalVector box = theta0;
        LohnerSet set = LohnerSet.box(theta0);
        List<Double> widths = new ArrayList<>();
        long[] splits = {0};
        Interval etaI = Interval.of(eta);
        for (long k = 0; k < steps; k++) {
            org.reluflow.model.Cancelled.checkpoint();
            IntervalVector next;
            try {
                LohnerSet moved = lohnerStep(set, etaI);
                if (moved != null) {
                    set = moved;
                    next = moved.box();
                } else {
                    next = image(box, etaI, 0, splits);
                    set = LohnerSet.box(next);
                }
            } catch (org.reluflow.model.Cancelled c) {
                throw c;
            } catch (RuntimeException e) {
                return new Result(EnclosureStatus.VALIDATION_FAILED, "internal error at step " + k + ": " + e, k, box, splits[0], widths, seconds(start));
            }
            if (!next.isBounded() || next.isEmpty())
                return new Result(EnclosureStatus.VALIDATION_FAILED, "the iterate is unbounded at step " + (k + 1)
                        + " (the step size diverges, or an operation left its domain)", k, box, splits[0], widths, seconds(start));
            box = next;
            if (recordEvery > 0 && (k + 1) % recordEvery == 0) widths.add(box.maxWidth());
            if (progress != null && (k & 255) == 0) progress.accept((int) k);
        }
        return new Result(EnclosureStatus.VALID, null, steps, box, splits[0], widths, seconds(start));
    }

    /**
     * Discrete Lohner step inside one activation region (null if the set meets a surface): the exact map
     * F(x) = x + eta f(x) satisfies F(c + B r) in F(c) + (J B) r with J = I + eta Df over the set's box (mean-value
     * form); the float64 map differs from F by at most the forward rounding-error bound rho over the box
     * ({@link RoundingErrorBound}), added to the shift. Q from a pivoted QR of mid(J B) keeps the wrapping down.
     */
    private LohnerSet lohnerStep(LohnerSet set, Interval etaI) {
        IntervalVector box = set.box();
        int n = box.dimension();
        int g = tape.guardCount();
        int[] signs = new int[g];
        SeriesTape.Series<Interval> s0 = tape.intervalSeries(box.toArray(), signs, 1);
        for (int j = 0; j < g; j++) {
            signs[j] = ValidatedIntegrator.strictSign(s0.guards()[0][j]);
            if (signs[j] == 0) return null;
        }
        IntervalVector domain = box.hull(set.center());
        Jets.Jet[] seeds = new Jets.Jet[n];
        for (int i = 0; i < n; i++) seeds[i] = jets.variable(domain.get(i), i);
        SeriesTape.Series<Jets.Jet> sj = tape.series(jets, seeds, signs, 1);
        Interval[][] jac = new Interval[n][n];
        for (int i = 0; i < n; i++) {
            Interval[] d = sj.x()[1][i].d();
            for (int j = 0; j < n; j++) {
                Interval e = d == null ? Interval.ZERO : etaI.mul(d[j]);
                jac[i][j] = i == j ? e.add(Interval.ONE) : e;
            }
        }
        // F(c) over the thin center, plus the float64 rounding error over the box
        Interval[] c = set.center().toArray();
        SeriesTape.Series<Interval> sc = tape.intervalSeries(c, signs, 1);
        double[] rho = RoundingErrorBound.of(field, stepAtZero, box, eta);
        Interval[] y = new Interval[n];
        for (int i = 0; i < n; i++) y[i] = c[i].add(etaI.mul(sc.x()[1][i])).add(Interval.of(-rho[i], rho[i]));
        // the plain interval image bounds the set too: keep it as the box
        IntervalVector plain = image(box, etaI, maxSplitDepth, new long[1]);
        return set.image(org.reluflow.interval.IntervalMatrix.of(jac).product(set.matrix()), IntervalVector.of(y), plain);
    }

    private IntervalVector image(IntervalVector box, Interval etaI, int depth, long[] splits) {
        Recording ar = new Recording(new IntervalArithmetic(stepAtZero));
        List<Interval> f = field.evaluate(ar, List.of(box.toArray()));
        if (ar.straddled && depth < maxSplitDepth && box.maxWidth() > 0) {
            splits[0]++;
            int widest = 0;
            for (int i = 1; i < box.dimension(); i++) if (box.get(i).width() > box.get(widest).width()) widest = i;
            Interval[] halves = box.get(widest).bisect();
            return image(box.with(widest, halves[0]), etaI, depth + 1, splits)
                    .hull(image(box.with(widest, halves[1]), etaI, depth + 1, splits));
        }
        Interval[] next = new Interval[box.dimension()];
        for (int i = 0; i < next.length; i++) next[i] = box.get(i).add(etaI.mul(f.get(i)));
        return IntervalVector.of(next);
    }

    private static double seconds(long start) { return (System.nanoTime() - start) / 1e9; }

    /** Interval arithmetic that notes when an activation's argument straddles 0. */
    private static final class Recording implements Arithmetic<Interval> {
        final IntervalArithmetic base;
        boolean straddled;

        Recording(IntervalArithmetic base) { this.base = base; }

        public Interval constant(BigFraction v) { return base.constant(v); }
        public Interval add(Interval a, Interval b) { return base.add(a, b); }
        public Interval subtract(Interval a, Interval b) { return base.subtract(a, b); }
        public Interval multiply(Interval a, Interval b) { return base.multiply(a, b); }
        public Interval divide(Interval a, Interval b) { return base.divide(a, b); }
        public Interval negate(Interval a) { return base.negate(a); }
        public Interval power(Interval a, int n) { return base.power(a, n); }
        public Interval sqrt(Interval a) { return base.sqrt(a); }
        public Interval exp(Interval a) { return base.exp(a); }
        public Interval log(Interval a) { return base.log(a); }
        public Interval ramp(Interval a) { note(a); return base.ramp(a); }
        public Interval unitStep(Interval a) { note(a); return base.unitStep(a); }

        private void note(Interval a) { if (a.lo() <= 0 && a.hi() >= 0 && !(a.lo() == 0 && a.hi() == 0)) straddled = true; }
    }
}
