package org.reluflow.validated;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.reluflow.interval.Interval;
import org.reluflow.interval.IntervalMatrix;
import org.reluflow.interval.IntervalVector;

/**
 * Interval Taylor integrator for piecewise-smooth fields x' = f(x) (a {@link SwitchedField}), after Lohner, CAPD and
 * VNODE-LP (reference/validated-numerics.md, section 4):
 * <ol>
 *   <li>Taylor coefficients of the region's field by automatic differentiation of the compiled program;</li>
 *   <li>a high-order a priori enclosure B: X + sum_{k&lt;=N} [0,h]^k x_k(X) + [0,h]^{N+1} x_{N+1}(B) inside B,
 *       with the step chosen from the decay of the coefficients and halved on failure;</li>
 *   <li>Lohner's QR set x in c + Q r (or a plain box) against the wrapping effect, with the Jacobian of the Taylor
 *       map from interval jets;</li>
 *   <li>guards: excluded over B (the common case), receding (the set just crossed and moves away), or a crossing:
 *       its time enclosed by interval Newton on the guard's Taylor polynomial with remainder, existence and
 *       uniqueness certified for every member, and transversality certified on the far side; a bridging step
 *       carries the set across;</li>
 *   <li>anything else (sliding, grazing, several guards in one step, a set on a surface) goes through the
 *       convex-hull differential inclusion x' in co F(x), first order, sound for every Filippov solution, until the
 *       set has left the surfaces.</li>
 * </ol>
 * Never throws on numerical trouble: every run ends with an {@link Enclosure} whose status says whether the horizon
 * was reached, and which holds the last certified enclosure either way.
 */
public final class ValidatedIntegrator {

    /** How the set is carried from step to step. */
    public enum SetKind {
        /**
         * c + Q r with Q from a pivoted QR of the propagated matrix (Lohner's method 4), carried as a tripleton (the
         * initial box through C, the error part both in the QR basis and in a propagated basis): for small dimensions.
         */
        LOHNER_QR,
        /** A plain box, each step the Taylor polynomial evaluated over it: cheapest, for point sets in high dimension. */
        BOX,
        /**
         * A point centre c with a Euclidean ball of radius rho around it: the centre follows its own Taylor series, the
         * radius grows by e^{mu h} per step (mu a bound on the logarithmic norm of Df over the a priori box) and by the
         * saltation bound at a crossing. No wrapping and no matrices: for point or small initial sets in high
         * dimension, when the field has a cheap log-norm bound (network gradient fields, {@link SwitchedField#hasLogNorm}).
         */
        BALL
    }

    /**
     * @param order         Taylor order N (10-20 typical)
     * @param set           set representation
     * @param tolerance     local error target driving the step size (coefficient decay rule)
     * @param minStep       smallest step before giving up
     * @param maxSteps      most steps before giving up
     * @param maxWidth      widest enclosure before giving up (the set has lost all meaning)
     * @param maxHullSteps  most consecutive convex-hull steps before giving up
     */
    public record Settings(int order, SetKind set, double tolerance, double minStep, int maxSteps, double maxWidth,
                           int maxHullSteps) {
        public Settings {
            if (order < 1 || order > 40) throw new IllegalArgumentException("order must lie in 1..40, got " + order);
            if (!(tolerance > 0) || !(minStep > 0) || maxSteps < 1 || !(maxWidth > 0) || maxHullSteps < 0)
                throw new IllegalArgumentException("tolerance, minStep, maxWidth must be positive; maxSteps >= 1");
        }

        /** Order 20 with QR sets in low dimension, order 8 with boxes from 30 variables on (measured fastest for box sets). */
        public static Settings defaultsFor(int dimension) {
            return dimension <= 30 ? new Settings(20, SetKind.LOHNER_QR, 1e-20, 1e-12, 2_000_000, 1e8, 200_000)
                    : new Settings(8, SetKind.BOX, 1e-17, 1e-12, 2_000_000, 1e8, 200_000);
        }

        /** As {@link #defaultsFor(int)}, but ball sets above 30 variables when the field has a cheap log-norm bound. */
        public static Settings defaultsFor(SwitchedField field) {
            Settings s = defaultsFor(field.dimension());
            return s.set() == SetKind.BOX && field.hasLogNorm() ? s.withSet(SetKind.BALL) : s;
        }

        public Settings withOrder(int n) { return new Settings(n, set, tolerance, minStep, maxSteps, maxWidth, maxHullSteps); }

        public Settings withSet(SetKind k) { return new Settings(order, k, tolerance, minStep, maxSteps, maxWidth, maxHullSteps); }
    }

    private final SwitchedField field;
    private final SeriesTape tape;
    private final Settings settings;
    private final int n, guards;
    private final Jets jets;
    private Interval[][] guardGradients; // affine guards' gradients (null entries for the others), on first need

    public ValidatedIntegrator(SwitchedField field, Settings settings) {
        this.field = field;
        this.tape = field.tape();
        this.settings = settings;
        this.n = tape.dimension();
        this.guards = tape.guardCount();
        this.jets = new Jets(n);
    }

    /** The gradient of guard g if g is affine (then constant), else null; cached. */
    private Interval[] guardGradient(int g) {
        if (guardGradients == null) guardGradients = tape.affineGuardGradients();
        return guardGradients[g];
    }

    public SwitchedField field() { return field; }

    /** Encloses the flow from every point of {@code x0} over [0, horizon]. */
    public Enclosure integrate(IntervalVector x0, double horizon) {
        return integrate(x0, horizon, t -> { });
    }

    /**
     * Encloses the flow from every point of {@code x0} over [0, horizon]; {@code progress} hears the time reached
     * after each step.
     */
    public Enclosure integrate(IntervalVector x0, double horizon, DoubleConsumer progress) {
        long start = System.nanoTime();
        Run run = new Run(x0);
        String failure;
        if (x0.dimension() != n) {
            failure = "the initial set has dimension " + x0.dimension() + ", the field " + n;
        } else if (!x0.isBounded() || x0.isEmpty()) {
            failure = "the initial set must be a non-empty bounded box";
        } else if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            failure = "the horizon must be a finite non-negative number, got " + horizon;
        } else {
            try {
                failure = run.go(horizon, progress);
            } catch (org.reluflow.model.Cancelled c) {
                throw c;
            } catch (RuntimeException e) { // a defect, not a numerical event: still never through user code
                failure = "internal error during validation (" + e + "); the enclosure is the last certified one";
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Enclosure(failure == null ? EnclosureStatus.VALID : EnclosureStatus.VALIDATION_FAILED, failure,
                run.t, run.set.box(), run.hull, run.steps, run.hullSteps, run.events, run.maxCrossingWidth, seconds);
    }

    /**
     * Splits the initial box into {@code pieces} equal parts per coordinate (pieces^n boxes; coordinates of zero width
     * are not split), integrates each and joins the results: the box and hull are the unions, the status is VALID
     * only if every piece is, the time reached is the earliest. Wide initial sets wrap far less in pieces.
     */
    public Enclosure integrateSubdivided(IntervalVector x0, double horizon, int pieces, DoubleConsumer progress) {
        if (pieces <= 1) return integrate(x0, horizon, progress);
        List<IntervalVector> boxes = new ArrayList<>();
        boxes.add(x0);
        for (int i = 0; i < x0.dimension(); i++) {
            if (x0.get(i).width() == 0) continue;
            List<IntervalVector> next = new ArrayList<>();
            double lo = x0.get(i).lo(), w = x0.get(i).width();
            for (IntervalVector b : boxes)
                for (int k = 0; k < pieces; k++) {
                    double a = k == 0 ? lo : lo + w * k / pieces, c = k == pieces - 1 ? x0.get(i).hi() : lo + w * (k + 1) / pieces;
                    next.add(b.with(i, Interval.of(Math.min(a, c), Math.max(a, c))));
                }
            boxes = next;
        }
        long start = System.nanoTime();
        IntervalVector box = null, hull = null;
        double t = horizon, maxCross = 0;
        int steps = 0, hullSteps = 0;
        String reason = null;
        List<GuardEvent> events = new ArrayList<>();
        for (int k = 0; k < boxes.size(); k++) {
            Enclosure e = integrate(boxes.get(k), horizon);
            box = box == null ? e.box() : box.hull(e.box());
            hull = hull == null ? e.hull() : hull.hull(e.hull());
            steps += e.steps();
            hullSteps += e.hullSteps();
            maxCross = Math.max(maxCross, e.maxCrossingWidth());
            events.addAll(e.events());
            if (!e.isValid() && reason == null) reason = "piece " + (k + 1) + " of " + boxes.size() + ": " + e.reason();
            t = Math.min(t, e.t());
            progress.accept(horizon * (k + 1) / boxes.size());
        }
        return new Enclosure(reason == null ? EnclosureStatus.VALID : EnclosureStatus.VALIDATION_FAILED, reason, t, box, hull,
                steps, hullSteps, events, maxCross, (System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------------------------------------ one run

    private final class Run {
        double t = 0;
        LohnerSet set;
        double ball = Double.NaN;    // BALL sets: every member lies within this Euclidean distance of set.center(); NaN: none
        IntervalVector hull;
        int[] signs;                 // null: convex-hull mode
        int sliding = -1;            // the guard the set slides on, or -1
        Interval[] slideGradient;    // its (constant) gradient
        int steps, hullSteps, consecutiveHull;
        double hNext = Double.NaN;
        double hRegion = Double.NaN; // the last Taylor step: the inclusion's steps grow up to it
        double maxCrossingWidth;
        final List<GuardEvent> events = new ArrayList<>();

        Run(IntervalVector x0) {
            set = LohnerSet.box(x0);
            hull = x0;
        }

        String go(double horizon, DoubleConsumer progress) {
            signs = regionOf(set.box());
            if (signs == null && guards > 0)
                events.add(new GuardEvent(straddled(set.box()), GuardEvent.Kind.CONVEX_HULL, Interval.of(t), 0));
            while (t < horizon) {
                org.reluflow.model.Cancelled.checkpoint();
                if (steps >= settings.maxSteps()) return "the step limit " + settings.maxSteps() + " was reached at t = " + t;
                String failure = signs == null ? hullStep(horizon) : sliding >= 0 ? slidingStep(horizon) : regionStep(horizon);
                if (failure != null) return failure;
                IntervalVector box = set.box();
                if (!box.isBounded() || box.maxWidth() > settings.maxWidth())
                    return "the enclosure grew wider than " + settings.maxWidth() + " at t = " + t;
                progress.accept(t);
            }
            return null;
        }

        // ------------------------------------------------------------------------------- regular Taylor steps

        String regionStep(double horizon) {
            int order = settings.order();
            if (settings.set() == SetKind.BALL) {
                if (Double.isNaN(ball)) toBall();
                String outcome = ballRegionStep(horizon);
                if (outcome != DECLINED) return outcome;
                if (DEBUG) System.err.println("ball fast path declined at t=" + t);
            }
            IntervalVector xBox = set.box();
            SeriesTape.Series<Interval> sx = tape.intervalSeries(xBox.toArray(), signs, order);
            double h = suggestStep(sx);
            if (!Double.isNaN(hNext)) h = Math.min(h, 2 * hNext);
            for (int attempt = 0; ; attempt++) {
                double tn = t + h >= horizon ? horizon : t + h;
                if (!(tn > t)) return "step size fell below the resolution of time at t = " + t;
                Interval hI = Interval.of(tn).sub(Interval.of(t)); // the exact real step
                if (hI.hi() < settings.minStep() && tn < horizon)
                    return "step size fell below " + settings.minStep() + " at t = " + t + " (no a priori enclosure could be validated)";
                Apriori ap = apriori(sx, hI.hi(), order);
                if (ap == null) { h = hI.hi() / 2; continue; }
                if (attempt < 3 && settings.set() == SetKind.LOHNER_QR && remainderTooLarge(sx, ap, hI.hi())) { h = hI.hi() * remainderShrink; continue; }
                int crossing = -1, candidates = 0;
                for (int g = 0; g < guards; g++) {
                    Interval gb = ap.series.guards()[0][g];
                    if (strictSign(gb) == signs[g]) continue;                      // excluded
                    Interval dg = ap.series.guards()[1][g];
                    if (strictSign(dg) == signs[g] && strictSign(sx.guards()[0][g]) != -signs[g]) continue; // receding
                    if (isZero(dg) && signs[g] == tape.sideAtZero()) continue; // frozen: g is constant over B
                    candidates++;
                    crossing = g;
                }
                if (candidates > 1) {
                    if (hI.hi() > settings.minStep() * 64 && attempt < 60) { h = hI.hi() / 2; continue; }
                    return enterHull("several guards at once");
                }
                if (candidates == 1) {
                    Crossing c = crossingTime(sx, ap, crossing, hI.hi());
                    if (DEBUG) System.err.println("t=" + t + " h=" + hI.hi() + " guard " + crossing + " g(X)=" + sx.guards()[0][crossing] + " g(B)=" + ap.series.guards()[0][crossing] + " dg(B)=" + ap.series.guards()[1][crossing] + " -> " + c);
                    if (c instanceof Crossing.Unresolved u) {
                        if (hI.hi() > settings.minStep() * 64 && attempt < 60) { h = hI.hi() / 2; continue; }
                        return enterHull(tape.guardName(crossing) + ": " + u.why());
                    }
                    if (c instanceof Crossing.Found f) return cross(sx, ap, crossing, f.tau(), hI.hi(), horizon);
                    // Crossing.None: no member reaches the surface within the step
                }
                taylorStep(sx, ap, hI, tn);
                hNext = hI.hi();
                return null;
            }
        }

        double remainderShrink;

        /**
         * The Lagrange remainder x_{N+1}(B) h^{N+1} enters the set each step, and B (the whole sweep over [0,h]) makes
         * it much larger than the coefficient decay at X that chose h: true if it exceeds both the tolerance (scaled as
         * in {@link #suggestStep}) and 1e-3 of the set's width (below that it is lost in the width it joins); then
         * {@code remainderShrink} is the step factor that brings it to that bound.
         */
        boolean remainderTooLarge(SeriesTape.Series<Interval> sx, Apriori ap, double h) {
            int order = settings.order();
            double target = Math.max(settings.tolerance() * Math.max(1.0, norm(sx.x()[0])), 1e-3 * set.box().maxWidth());
            double rm = norm(ap.series.x()[order + 1]) * Math.pow(h, order + 1);
            if (!(rm > target)) return false;
            remainderShrink = Math.pow(target / rm, 1.0 / (order + 1)) * 0.98;
            return true;
        }

        /** Jorba-Zou: h = min over the last two orders of (tol / |x_k|)^(1/k), a margin below the convergence radius. */
        double suggestStep(SeriesTape.Series<Interval> sx) {
            int order = settings.order();
            double scale = Math.max(1.0, norm(sx.x()[0]));
            double h = Double.POSITIVE_INFINITY;
            for (int k = Math.max(1, order - 1); k <= order; k++) {
                double c = norm(sx.x()[k]);
                if (c > 0) h = Math.min(h, Math.pow(settings.tolerance() * scale / c, 1.0 / k));
            }
            return Double.isFinite(h) ? h : 1.0;
        }

        /** B encloses the solutions over [0, h]; series are the coefficients over B to order N + 1 (for remainders). */
        record Apriori(IntervalVector b, SeriesTape.Series<Interval> series, double h) {}

        /**
         * The enclosure over [0, h] from one validated for a longer step: the Taylor polynomial over [0, h] plus the
         * remainder with the longer step's coefficients (the solutions stay in its box), no new series needed.
         */
        Apriori shorter(SeriesTape.Series<Interval> sx, Apriori longer, double h) {
            int order = settings.order();
            Interval span = Interval.of(0, h);
            Interval[] z = horner(sx.x(), order, span);
            Interval pw = span.pown(order + 1);
            for (int i = 0; i < n; i++) z[i] = z[i].add(longer.series().x()[order + 1][i].mul(pw)).intersection(longer.b().get(i));
            return new Apriori(IntervalVector.of(z), longer.series(), h);
        }

        /**
         * B with sum_{k<=N} [0,h]^k x_k(X) + [0,h]^{N+1} x_{N+1}(B) inside B: the solutions of the region's field
         * from X exist on [0,h] and stay in B (high-order enclosure, Nedialkov-Jackson-Corliss).
         */
        Apriori apriori(SeriesTape.Series<Interval> sx, double h, int order) {
            Interval span = Interval.of(0, h);
            Interval[] y0 = horner(sx.x(), order, span);
            Interval[] guess = y0.clone();
            Interval pw = span.pown(order + 1);
            for (int attempt = 0; attempt < 4; attempt++) {
                Interval[] b = inflate(guess, attempt);
                SeriesTape.Series<Interval> sb = tape.intervalSeries(b, signs, order + 1);
                Interval[] z = new Interval[n];
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    z[i] = y0[i].add(sb.x()[order + 1][i].mul(pw));
                    if (!z[i].isBounded()) return null;
                    if (!z[i].subset(b[i])) inside = false;
                }
                if (inside) return new Apriori(IntervalVector.of(z), sb, h); // z is valid too, and tighter
                guess = z;
            }
            return null;
        }

        Interval[] inflate(Interval[] v, int attempt) {
            double factor = 0.05 * (1 << (2 * attempt));
            Interval[] r = new Interval[v.length];
            for (int i = 0; i < v.length; i++) {
                double w = v[i].width() * factor + Math.ulp(Math.max(1.0, v[i].mag())) * 16 * (1 << attempt) + 1e-300;
                r[i] = v[i].add(Interval.of(-w, w));
            }
            return r;
        }

        /** One regular step of (exact real) length hI in the current region, ending at time tn. */
        void taylorStep(SeriesTape.Series<Interval> sx, Apriori ap, Interval hI, double tn) {
            int order = settings.order();
            Interval[] rem = new Interval[n];
            Interval pw = hI.pown(order + 1);
            for (int i = 0; i < n; i++) rem[i] = ap.series.x()[order + 1][i].mul(pw);
            Interval[] direct = horner(sx.x(), order, hI);
            for (int i = 0; i < n; i++) direct[i] = direct[i].add(rem[i]);
            switch (settings.set()) {
                case BOX -> set = LohnerSet.box(IntervalVector.of(direct));
                case LOHNER_QR -> set = lohner(hI, rem, direct);
                case BALL -> ballStep(ap, hI, rem, IntervalVector.of(direct));
            }
            hRegion = hI.hi();
            hull = hull.hull(ap.b());
            t = tn;
            steps++;
            consecutiveHull = 0;
        }

        /**
         * Lohner's QR step on the tripleton c + C r0 + (B r ∩ Q q): x(h) in T(c) + R + J (C r0 + e), J the Jacobian of
         * the Taylor map over the set ({@link LohnerSet#tripletonImage}; never wider than the doubleton step
         * {@link LohnerSet#doubletonImage} from the same set).
         */
        LohnerSet lohner(Interval hI, Interval[] rem, Interval[] direct) {
            int order = settings.order();
            IntervalVector domain = set.box().hull(set.center()); // convex, holds c and every member
            IntervalMatrix jac = IntervalMatrix.of(jacobian(domain, hI));
            IntervalVector directBox = IntervalVector.of(direct);
            // the centre's rounding error is what accumulates from step to step: evaluate T(c) in double-double balls,
            // so that the new centre is a double and only a ~2^-100 relative offset enters r
            double[][] ball = tape.centrePolynomial(set.center().midpoint(), signs, order, hI);
            double[] c;
            Interval[] offset = new Interval[n];
            if (ball != null) {
                c = ball[0];
                for (int i = 0; i < n; i++) offset[i] = DoubleDoubleBall.offset(ball[1][i], ball[2][i]).add(rem[i]);
            } else { // no ball recurrence for this field: intervals with exact directed rounding
                SeriesTape.Series<Interval> sc = tape.series(Coefficients.INTERVALS, set.center().toArray(), signs, order);
                Interval[] y = horner(sc.x(), order, hI);
                c = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = y[i].add(rem[i]);
                    c[i] = y[i].midpoint();
                    offset[i] = y[i].sub(Interval.of(c[i]));
                }
            }
            LohnerSet next = set.tripletonImage(jac, c, IntervalVector.of(offset), directBox);
            return next != null ? next : LohnerSet.box(directBox);
        }

        /** The Jacobian of the region's Taylor map over {@code domain}: primitive jets when the field allows. */
        Interval[][] jacobian(IntervalVector domain, Interval hI) {
            int order = settings.order();
            if (tape.polynomialOrRational()) return tape.taylorMapJacobian(domain.toArray(), signs, order, hI);
            Jets.Jet[] seeds = new Jets.Jet[n];
            for (int i = 0; i < n; i++) seeds[i] = jets.variable(domain.get(i), i);
            SeriesTape.Series<Jets.Jet> sj = tape.series(jets, seeds, signs, order);
            Interval[][] jac = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    Interval acc = Interval.ZERO;
                    for (int k = order; k >= 1; k--) {
                        Interval[] d = sj.x()[k][i].d();
                        acc = acc.add(d == null ? Interval.ZERO : d[j]).mul(hI);
                    }
                    jac[i][j] = i == j ? acc.add(Interval.ONE) : acc;
                }
            }
            return jac;
        }

        // ------------------------------------------------------------------------------------------ crossings

        sealed interface Crossing {
            record None() implements Crossing {}
            record Unresolved(String why) implements Crossing {}
            record Found(Interval tau) implements Crossing {}
        }

        /**
         * Encloses the relative time at which guard g of the region's solution vanishes, for every member: G(s) =
         * sum_k g_k(X) s^k + g_{N+1}(B) s^{N+1}, G'(s) likewise (Lagrange remainders of g(x(s)) and its derivative);
         * interval Newton on [0, h]. Found only with existence (Newton image inside, or a certified sign change) and
         * uniqueness (G' free of zero) for every member.
         */
        Crossing crossingTime(SeriesTape.Series<Interval> sx, Apriori ap, int g, double h) {
            int order = settings.order();
            Interval[] gk = new Interval[order + 2];
            for (int k = 0; k <= order; k++) gk[k] = sx.guards()[k][g];
            gk[order + 1] = ap.series.guards()[order + 1][g];
            if (strictSign(gk[0]) != signs[g]) return new Crossing.Unresolved("the set touches the surface");
            Interval whole = Interval.of(0, h);
            Interval tau = whole;
            if (derivative(gk, tau).containsZero()) return new Crossing.Unresolved("the guard's derivative may vanish (grazing)");
            boolean certified = false;
            for (int it = 0; it < 80; it++) {
                Interval dG = derivative(gk, tau);
                double m = tau.midpoint();
                Interval nt = Interval.of(m).sub(value(gk, Interval.of(m)).div(dG));
                Interval next = nt.intersection(tau);
                if (next.isEmpty()) return certified ? new Crossing.Unresolved("Newton lost the root") : new Crossing.None();
                if (nt.interior(tau)) certified = true;
                boolean progress = next.width() < 0.9 * tau.width();
                tau = next;
                if (!progress) break;
            }
            if (!certified) {
                int atEnd = strictSign(value(gk, Interval.of(h)));
                if (atEnd == signs[g]) return new Crossing.None(); // monotone and same sign at both ends
                if (atEnd == -signs[g]) certified = true;           // sign change: every member crosses
            }
            return certified ? new Crossing.Found(tau) : new Crossing.Unresolved("the crossing time could not be isolated");
        }

        Interval value(Interval[] gk, Interval s) {
            Interval acc = Interval.ZERO;
            for (int k = gk.length - 1; k >= 0; k--) acc = acc.mul(s).add(gk[k]);
            return acc;
        }

        Interval derivative(Interval[] gk, Interval s) {
            Interval acc = Interval.ZERO;
            for (int k = gk.length - 1; k >= 1; k--) acc = acc.mul(s).add(gk[k].mul(k));
            return acc;
        }

        /** Carries the set across guard g, crossed by every member at a relative time in tau, to a time past it. */
        String cross(SeriesTape.Series<Interval> sx, Apriori ap, int g, Interval tau, double h, double horizon) {
            int order = settings.order();
            Interval[] y = horner(sx.x(), order, tau);
            Interval pw = tau.pown(order + 1);
            for (int i = 0; i < n; i++) y[i] = y[i].add(ap.series.x()[order + 1][i].mul(pw));
            int[] far = signs.clone();
            far[g] = -signs[g];
            Interval when = Interval.of(t).add(tau);
            // transversality on the far side: the far field must carry the surface's points into the far region
            SeriesTape.Series<Interval> sf = tape.intervalSeries(y, far, 1);
            int farDirection = strictSign(sf.guards()[1][g]);
            Interval farRate = sf.guards()[1][g];
            boolean frozen = farRate.lo() == 0 && farRate.hi() == 0; // the far field is tangent, identically
            boolean freezes = frozen && far[g] == tape.sideAtZero(); // members stop on g = 0, in the far region's field
            if (farDirection == signs[g] || (frozen && !freezes)) {
                events.add(new GuardEvent(tape.guardName(g), frozen ? GuardEvent.Kind.FROZEN : GuardEvent.Kind.SLIDING, when, 0));
                Interval[] c = tape.hasNestedGuards() ? null : guardGradient(g);
                if (c == null) return approachThenHull(sx, ap, tau, h, tape.guardName(g) + ": sliding on a non-affine surface");
                return approachThenSlide(sx, ap, g, c, tau, horizon);
            }
            if (farDirection != far[g] && !freezes) return approachThenHull(sx, ap, tau, h, tape.guardName(g) + ": grazing on the far side");
            double tn = Math.nextUp(when.hi());
            Interval span = Interval.of(tn).sub(Interval.of(t)).sub(tau); // time spent on the far side
            Interval bridge = Interval.of(Math.max(0, span.lo()), span.hi());
            FirstOrder fo = firstOrder(y, bridge.hi(), far);
            if (fo == null) return enterHull(tape.guardName(g) + ": no enclosure across the surface");
            int blocking = blockingGuard(fo, g, far, freezes);
            if (blocking >= 0) return enterHull(tape.guardName(blocking) + ": another guard near the crossing of " + tape.guardName(g));
            Interval[] bn = fo.box();
            hull = hull.hull(ap.b());
            BallCrossing across = Double.isNaN(ball) || freezes ? null : ballAcross(sx, ap, g, tau, h, y, far, tn, fo);
            String done = crossed(new GuardEvent(tape.guardName(g), freezes ? GuardEvent.Kind.FROZEN : GuardEvent.Kind.CROSSING, when, far[g]), bn, far, tn);
            if (across != null) ballAround(across.end(), across.radius(), IntervalVector.of(bn));
            return done;
        }

        /**
         * A guard that the far side of a crossing of g does not certify (g itself must move on into the far region,
         * or stay frozen; every other guard must keep its sign), or -1 if none.
         */
        int blockingGuard(FirstOrder fo, int g, int[] far, boolean freezes) {
            for (int q = 0; q < guards; q++) {
                Interval rate = fo.series().guards()[1][q];
                boolean ok = q == g ? strictSign(rate) == far[q] || (freezes && isZero(rate))
                        : strictSign(fo.series().guards()[0][q]) == far[q] || (isZero(rate) && far[q] == tape.sideAtZero());
                if (!ok) return q;
            }
            return -1;
        }

        /** The set has crossed (certified event): it continues from {@code after} at time tn in the region {@code far}. */
        String crossed(GuardEvent event, Interval[] after, int[] far, double tn) {
            events.add(event);
            maxCrossingWidth = Math.max(maxCrossingWidth, event.time().width());
            IntervalVector box = IntervalVector.of(after);
            hull = hull.hull(box);
            boxSet(box);
            signs = far;
            t = tn;
            steps++;
            hNext = Double.NaN;
            return null;
        }

        // ---------------------------------------------------------------------------------------- ball sets

        /** Starts a ball set from the current box: its midpoint, and the Euclidean length of its half-widths. */
        void toBall() {
            LohnerSet b = LohnerSet.box(set.box());
            set = b;
            ball = euclidean(b.radius().toArray());
        }

        /** The set becomes a plain box (any ball is dropped; a later region step starts a new one). */
        void boxSet(IntervalVector b) {
            set = LohnerSet.box(b);
            ball = Double.NaN;
        }

        /**
         * The ball of radius {@code radius}, widened by the spread of y, around the midpoint of y (an enclosure of
         * the old centre's image); {@code bound} is another enclosure of every member. The centre is kept inside the
         * box the next step validates, since the radius bound follows the segments from the centre to the members.
         */
        void ballAround(Interval[] y, double radius, IntervalVector bound) {
            double[] c = new double[n];
            Interval[] spread = new Interval[n];
            for (int i = 0; i < n; i++) {
                c[i] = y[i].midpoint();
                spread[i] = y[i].sub(Interval.of(c[i]));
            }
            double e = euclidean(spread);
            if (!Double.isFinite(radius) || !Double.isFinite(e)) { boxSet(bound); return; }
            double rho = Interval.of(radius).add(Interval.of(e)).hi();
            Interval[] r = new Interval[n];
            java.util.Arrays.fill(r, Interval.of(-rho, rho));
            IntervalVector centre = IntervalVector.ofPoints(c);
            set = new LohnerSet(centre, null, IntervalVector.of(r), bound.hull(centre));
            ball = rho;
        }

        /**
         * A region step of a ball set driven by the centre alone, as cheap as a box step: the centre's series and a
         * priori box Bc; the members' tube B = Bc + [-R, R], valid once rho e^{mu(B) h} &lt; R (a member within
         * rho e^{mu t} of the centre cannot reach the boundary of B first); the guards over B at first order; and at
         * a crossing, every member's time as the centre's widened by |grad g| rho e^{mu h} / min |g'| over B (g affine
         * and monotone over B, so each member's guard, within |grad g| rho e^{mu h} of the centre's, has its root
         * there). Returns a failure, null, or {@link #DECLINED} when this step cannot decide (the general step, over
         * the box of the ball, then runs).
         */
        String ballRegionStep(double horizon) {
            int order = settings.order();
            SeriesTape.Series<Interval> sc = tape.intervalSeries(set.center().toArray(), signs, order);
            Interval[] startGuards = tape.intervalSeries(set.box().toArray(), signs, 0).guards()[0];
            double h = suggestStep(sc);
            if (!Double.isNaN(hNext)) h = Math.min(h, 2 * hNext);
            double allowance = 2 * ball + Double.MIN_NORMAL;
            Apriori wider = null; // validated for a longer step: still valid for this one, and its remainder terms too
            for (int attempt = 0; attempt < 40; attempt++) {
                double tn = t + h >= horizon ? horizon : t + h;
                if (!(tn > t)) return DECLINED;
                Interval hI = Interval.of(tn).sub(Interval.of(t));
                if (hI.hi() < settings.minStep() * 64 && tn < horizon) return DECLINED;
                Apriori apc = wider != null && hI.hi() <= wider.h() ? shorter(sc, wider, hI.hi()) : apriori(sc, hI.hi(), order);
                if (apc == null) { h = hI.hi() / 2; continue; }
                if (wider == null || hI.hi() > wider.h()) wider = apc;
                Interval[] tube = apc.b().toArray();
                for (int i = 0; i < n; i++) tube[i] = tube[i].add(Interval.of(-allowance, allowance));
                IntervalVector tubeBox = IntervalVector.of(tube);
                double mu = logNorm(tubeBox, signs);
                if (!Double.isFinite(mu)) return DECLINED;
                // the farthest a member gets from the centre during the step, and at its end
                double reach = Interval.of(ball).mul(Interval.of(Math.max(mu, 0)).mul(hI).exp()).hi();
                double reachEnd = Interval.of(ball).mul(Interval.of(mu).mul(hI).exp()).hi();
                if (!(reach < allowance)) { h = hI.hi() / 2; continue; }
                SeriesTape.Series<Interval> s1 = tape.intervalSeries(tube, signs, 1);
                int crossing = -1, candidates = 0;
                for (int g = 0; g < guards; g++) {
                    Interval gb = s1.guards()[0][g], dg = s1.guards()[1][g];
                    if (strictSign(gb) == signs[g]) continue;                                   // excluded
                    if (strictSign(dg) == signs[g] && strictSign(startGuards[g]) != -signs[g]) continue; // receding
                    if (isZero(dg) && signs[g] == tape.sideAtZero()) continue;                  // frozen
                    candidates++;
                    crossing = g;
                }
                if (candidates > 1) { h = hI.hi() / 2; continue; }
                if (candidates == 0) {
                    ballStepTo(stateAt(sc, apc, hI), reachEnd, tubeBox, hI.hi(), tn);
                    return null;
                }
                int g = crossing;
                Interval rate = s1.guards()[1][g];
                Interval[] grad = guardGradient(g);
                if (grad == null || strictSign(rate) != -signs[g]) return DECLINED; // not monotone toward the surface
                if (strictSign(startGuards[g]) != signs[g]) return DECLINED; // members on the surface already
                // every member has crossed by about (g(c) + |grad g| reach) / |g'|: a step shorter than that cannot
                // hold the crossing, so grow to it; a longer one that still fails is shortened
                Interval delta = Interval.of(euclidean(grad)).mul(Interval.of(reach)).div(Interval.of(rate.mig()));
                double allCrossed = 1.25 * Interval.of(sc.guards()[0][g].mag()).div(Interval.of(rate.mig())).add(delta).hi();
                Crossing cc = crossingTime(sc, apc, g, hI.hi());
                if (!(cc instanceof Crossing.Found f)) { h = allCrossed > hI.hi() ? allCrossed : hI.hi() / 2; continue; }
                // members start strictly on the near side, so none crosses before the step begins
                Interval tau = Interval.of(Math.max(0, Interval.of(f.tau().lo()).sub(delta).lo()), Interval.of(f.tau().hi()).add(delta).hi());
                if (!(tau.hi() < hI.hi())) { h = Math.max(allCrossed, 1.25 * tau.hi()); continue; }
                return ballCross(sc, apc, g, f.tau(), tau, reach, mu, tubeBox, horizon);
            }
            return DECLINED;
        }

        /**
         * Carries a ball across guard g: every member crosses at a relative time in tau (the centre in tc) and lies
         * within {@code reach} of the centre until then; when the far field points back as well, Filippov sliding
         * from the time every member has arrived. {@link #DECLINED} (nothing changed) for grazing and the like.
         */
        String ballCross(SeriesTape.Series<Interval> sc, Apriori apc, int g, Interval tc, Interval tau, double reach, double mu,
                         IntervalVector tubeBox, double horizon) {
            Interval[] y = stateAt(sc, apc, tau);
            for (int i = 0; i < n; i++) y[i] = y[i].add(Interval.of(-reach, reach));
            int[] far = signs.clone();
            far[g] = -signs[g];
            Interval when = Interval.of(t).add(tau);
            double tn = Math.nextUp(when.hi());
            if (tn > horizon) return DECLINED;
            SeriesTape.Series<Interval> sf = tape.intervalSeries(y, far, 1);
            Interval farRate = sf.guards()[1][g];
            if (strictSign(farRate) == signs[g] && !tape.hasNestedGuards() && guardGradient(g) != null) {
                // both fields point into the surface: Filippov sliding from the time every member has arrived
                events.add(new GuardEvent(tape.guardName(g), GuardEvent.Kind.SLIDING, when, 0));
                double t0 = t, before = Math.nextDown(t + tau.lo());
                Interval hI = Interval.of(before).sub(Interval.of(t));
                if (before > t && hI.hi() <= tau.lo()) // nobody has reached the surface yet: a regular ball step
                    ballStepTo(stateAt(sc, apc, hI), Interval.of(ball).mul(Interval.of(mu).mul(hI).exp()).hi(), tubeBox, hI.hi(), before);
                return slideOnceArrived(g, guardGradient(g), Math.nextUp(Interval.of(t0).add(tau).hi()), horizon);
            }
            if (strictSign(farRate) != far[g]) return DECLINED; // grazing or frozen: the general step decides
            Interval span = Interval.of(tn).sub(Interval.of(t)).sub(tau);
            FirstOrder fo = firstOrder(y, Math.max(0, span.hi()), far);
            if (fo == null || blockingGuard(fo, g, far, false) >= 0) return DECLINED;
            BallCrossing across = ballAcross(g, tc, stateAt(sc, apc, tc), tau, y, far, tn, fo, mu);
            if (across == null) return DECLINED;
            hull = hull.hull(tubeBox);
            crossed(new GuardEvent(tape.guardName(g), GuardEvent.Kind.CROSSING, when, far[g]), fo.box(), far, tn);
            ballAround(across.end(), across.radius(), IntervalVector.of(fo.box()));
            return null;
        }

        /** Ends a regular ball step at time tn: the centre's enclosure yc, the radius, the tube over the step. */
        void ballStepTo(Interval[] yc, double radius, IntervalVector tubeBox, double h, double tn) {
            hull = hull.hull(tubeBox);
            ballAround(yc, radius, tubeBox);
            hRegion = h;
            hNext = h;
            t = tn;
            steps++;
            consecutiveHull = 0;
        }

        /** A regular step of a ball set: the centre by its own series, the radius times e^{mu h}, mu over the a priori box. */
        void ballStep(Apriori ap, Interval hI, Interval[] rem, IntervalVector direct) {
            int order = settings.order();
            SeriesTape.Series<Interval> sc = tape.intervalSeries(set.center().toArray(), signs, order);
            Interval[] y = horner(sc.x(), order, hI);
            for (int i = 0; i < n; i++) y[i] = y[i].add(rem[i]);
            double mu = logNorm(ap.b(), signs);
            if (!Double.isFinite(mu)) { boxSet(direct); return; }
            ballAround(y, Interval.of(ball).mul(Interval.of(mu).mul(hI).exp()).hi(), direct);
        }

        record BallCrossing(Interval[] end, double radius) {}

        /**
         * A ball across guard g (every member crosses at a relative time in tau and is past it by tn), or null, and
         * then the crossing's box is used. The centre crosses at its own, much tighter time. The radius is multiplied
         * by a Lipschitz bound of the transition map x -> x(tn), whose derivative is Dphi_far S Dphi_near with the
         * saltation matrix S = I + (f_far - f_near) grad g^T / (grad g . f_near); so
         * ||DPhi||_2 &lt;= e^{mu_near tau} ||S||_2 e^{mu_far (tn - tau)} ({@link #rankOneNorm}), the fields and rates
         * enclosed over the crossing states y, the log norms over the two a priori boxes.
         */
        BallCrossing ballAcross(SeriesTape.Series<Interval> sx, Apriori ap, int g, Interval tau, double h, Interval[] y, int[] far,
                                double tn, FirstOrder fo) {
            SeriesTape.Series<Interval> sc = tape.intervalSeries(set.center().toArray(), signs, settings.order());
            if (!(crossingTime(sc, ap, g, h) instanceof Crossing.Found f)) return null;
            Interval tc = f.tau().intersection(tau);
            if (tc.isEmpty()) return null;
            return ballAcross(g, tc, stateAt(sc, ap, tc), tau, y, far, tn, fo, logNorm(ap.b(), signs));
        }

        /** Every solution's state at relative times s, from the series sx of their start and the a priori enclosure. */
        Interval[] stateAt(SeriesTape.Series<Interval> sx, Apriori ap, Interval s) {
            int order = settings.order();
            Interval[] y = horner(sx.x(), order, s);
            Interval pw = s.pown(order + 1);
            for (int i = 0; i < n; i++) y[i] = y[i].add(ap.series.x()[order + 1][i].mul(pw));
            return y;
        }

        /**
         * The ball across guard g, from the centre's crossing time tc and state yc there, every member's crossing time
         * tau and state y, the far side's a priori box fo and a log-norm bound muNear over the near side's.
         */
        BallCrossing ballAcross(int g, Interval tc, Interval[] yc, Interval tau, Interval[] y, int[] far, double tn,
                                FirstOrder fo, double muNear) {
            Interval[] grad = guardGradient(g);
            if (grad == null) return null;
            Interval dc = Interval.of(tn).sub(Interval.of(t)).sub(tc); // the centre's time on the far side
            dc = Interval.of(Math.max(0, dc.lo()), dc.hi());
            FirstOrder centreFar = firstOrder(yc, dc.hi(), far);
            if (centreFar == null) return null;
            Interval[] end = new Interval[n];
            for (int i = 0; i < n; i++) end[i] = yc[i].add(dc.mul(centreFar.series().x()[1][i]));
            SeriesTape.Series<Interval> nearField = tape.intervalSeries(y, signs, 1), farField = tape.intervalSeries(y, far, 1);
            Interval rate = nearField.guards()[1][g];
            if (rate.containsZero()) return null;
            Interval[] jump = new Interval[n];
            for (int i = 0; i < n; i++) jump[i] = farField.x()[1][i].sub(nearField.x()[1][i]);
            double jumpNorm = euclidean(jump), gradNorm = euclidean(grad);
            muNear = Math.max(0, muNear);
            double muFar = Math.max(0, logNorm(IntervalVector.of(fo.box()), far));
            if (!Double.isFinite(jumpNorm) || !Double.isFinite(gradNorm) || !Double.isFinite(muNear) || !Double.isFinite(muFar)) return null;
            Interval saltation = rankOneNorm(farField.guards()[1][g].sub(rate).div(rate),
                    Interval.of(jumpNorm).mul(Interval.of(gradNorm)).div(Interval.of(rate.mig())).sqr());
            Interval farTime = Interval.of(tn).sub(Interval.of(t)).sub(Interval.of(tau.lo()));
            Interval lipschitz = Interval.of(muNear).mul(Interval.of(tau.hi())).exp().mul(saltation)
                    .mul(Interval.of(muFar).mul(farTime).exp());
            double radius = Interval.of(ball).mul(lipschitz).hi();
            return Double.isFinite(radius) ? new BallCrossing(end, radius) : null;
        }

        /**
         * An upper bound on mu_2(Df) over the box in the region {@code regionSigns}: the field's structural bound if it
         * has one, else Gershgorin's on the symmetric part of the interval Jacobian (every eigenvalue of a symmetric
         * matrix lies in one of its discs).
         */
        double logNorm(IntervalVector box, int[] regionSigns) {
            SwitchedField.LogNorm structural = field.logNorm();
            double mu;
            if (structural != null) {
                mu = structural.upper(box.toArray(), regionSigns);
            } else {
                Interval[][] df = fieldJacobian(box.toArray(), regionSigns);
                mu = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(df[i][i].hi())) return Double.POSITIVE_INFINITY; // unbounded or empty
                    Interval row = Interval.of(df[i][i].hi());
                    for (int k = 0; k < n; k++) if (k != i) {
                        double m = df[i][k].add(df[k][i]).mul(0.5).mag();
                        if (!(m < Double.POSITIVE_INFINITY)) return Double.POSITIVE_INFINITY;
                        row = row.add(Interval.of(m));
                    }
                    mu = Math.max(mu, row.hi());
                }
            }
            return Double.isNaN(mu) ? Double.POSITIVE_INFINITY : mu;
        }

        /** The field's Jacobian Df over the box, in one region. */
        Interval[][] fieldJacobian(Interval[] box, int[] regionSigns) {
            if (tape.polynomialOrRational()) {
                Interval[][] j = tape.taylorMapJacobian(box, regionSigns, 1, Interval.ONE); // I + Df
                for (int i = 0; i < n; i++) j[i][i] = j[i][i].sub(Interval.ONE);
                return j;
            }
            Jets.Jet[] seeds = new Jets.Jet[n];
            for (int i = 0; i < n; i++) seeds[i] = jets.variable(box[i], i);
            SeriesTape.Series<Jets.Jet> sj = tape.series(jets, seeds, regionSigns, 1);
            Interval[][] df = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                Interval[] d = sj.x()[1][i].d();
                for (int k = 0; k < n; k++) df[i][k] = d == null ? Interval.ZERO : d[k];
            }
            return df;
        }

        // --------------------------------------------------------------------------------- convex-hull mode

        /**
         * Every member reaches the surface no earlier than tau.lo: take the region's step up to just before it (valid,
         * nothing switches before), then continue with the inclusion, with steps of the region's size.
         */
        String approachThenHull(SeriesTape.Series<Interval> sx, Apriori ap, Interval tau, double h, String why) {
            double tn = Math.nextDown(t + tau.lo());
            Interval hI = Interval.of(tn).sub(Interval.of(t));
            if (tn > t && hI.hi() <= tau.lo()) taylorStep(sx, ap, hI, tn);
            enterHull(why);
            hNext = h;
            return null;
        }

        /**
         * Sliding certified where the members reach surface g: the region's step up to tau.lo, a convex-hull bridge
         * over the rest of tau (valid for every Filippov solution), then the sliding field, whose persistence is
         * checked over every step.
         */
        String approachThenSlide(SeriesTape.Series<Interval> sx, Apriori ap, int g, Interval[] c, Interval tau, double horizon) {
            double t0 = t;
            double tn = Math.nextDown(t + tau.lo());
            Interval hI = Interval.of(tn).sub(Interval.of(t));
            if (tn > t && hI.hi() <= tau.lo()) taylorStep(sx, ap, hI, tn);
            return slideOnceArrived(g, c, Math.nextUp(Interval.of(t0).add(tau).hi()), horizon);
        }

        /**
         * The inclusion until {@code end}, the absolute time by which every member is on the surface g = 0 (affine,
         * gradient c), then the sliding field.
         */
        String slideOnceArrived(int g, Interval[] c, double end, double horizon) {
            int[] keep = signs;
            signs = null;
            while (t < Math.min(end, horizon)) {
                org.reluflow.model.Cancelled.checkpoint();
                hNext = Math.min(end, horizon) - t;
                String failure = hullStep(Math.min(end, horizon));
                if (failure != null) return failure;
                if (signs != null) { signs = null; } // stay in the inclusion until every member has arrived
            }
            signs = keep;
            if (t >= horizon) return null;
            sliding = g;
            slideGradient = c;
            hNext = Double.NaN;
            return null;
        }

        /** A Taylor step of the Filippov sliding field on guard {@code sliding}; leaves to the inclusion when sliding ends. */
        String slidingStep(double horizon) {
            int order = settings.order(), g = sliding;
            IntervalVector xBox = set.box();
            SeriesTape.Series<Interval> sx = tape.slidingSeries(xBox.toArray(), signs, g, slideGradient, order);
            double h = suggestStep(sx);
            if (!Double.isNaN(hNext)) h = Math.min(h, 2 * hNext);
            for (int attempt = 0; attempt < 60; attempt++) {
                double tn = t + h >= horizon ? horizon : t + h;
                if (!(tn > t)) break;
                Interval hI = Interval.of(tn).sub(Interval.of(t));
                if (hI.hi() < settings.minStep() && tn < horizon) break;
                Interval span = Interval.of(0, hI.hi());
                Interval[] y0 = horner(sx.x(), order, span);
                Interval pw = span.pown(order + 1);
                Interval[] guess = y0.clone();
                SeriesTape.Series<Interval> sb = null;
                Interval[] bz = null;
                for (int k = 0; k < 4 && bz == null; k++) {
                    Interval[] b = inflate(guess, k);
                    SeriesTape.Series<Interval> cand = tape.slidingSeries(b, signs, g, slideGradient, order + 1);
                    Interval[] z = new Interval[n];
                    boolean inside = true;
                    for (int i = 0; i < n; i++) {
                        z[i] = y0[i].add(cand.x()[order + 1][i].mul(pw));
                        if (!z[i].isBounded() || !z[i].subset(b[i])) inside = false;
                    }
                    if (inside) { bz = z; sb = cand; }
                    guess = z;
                }
                if (bz == null) { h = hI.hi() / 2; continue; }
                boolean ok = slides(sb.guards()[0][guards], sb.guards()[0][guards + 1]);
                int crossing = -1, candidates = 0;
                for (int q = 0; q < guards && ok; q++) {
                    if (q == g || strictSign(sb.guards()[0][q]) == signs[q]) continue;
                    if (strictSign(sb.guards()[1][q]) == signs[q] && strictSign(sx.guards()[0][q]) != -signs[q]) continue; // receding
                    candidates++;
                    crossing = q;
                }
                if (ok && candidates == 1) {
                    Crossing c = crossingTime(sx, new Apriori(IntervalVector.of(bz), sb, hI.hi()), crossing, hI.hi());
                    if (c instanceof Crossing.Found f) {
                        String done = slideAcross(sx, sb, crossing, f.tau(), horizon);
                        if (done != null || sliding >= 0) return done;
                        return null;
                    }
                    if (c instanceof Crossing.Unresolved) ok = false;
                } else if (candidates > 1) ok = false;
                if (!ok && DEBUG) System.err.println("sliding check fails t=" + t + " h=" + hI.hi() + " p=" + sb.guards()[0][guards] + " q=" + sb.guards()[0][guards + 1] + " width=" + xBox.maxWidth());
                if (!ok) { h = hI.hi() / 2; if (h > settings.minStep() * 64) continue; break; }
                Interval[] direct = horner(sx.x(), order, hI);
                Interval pwh = hI.pown(order + 1);
                for (int i = 0; i < n; i++) direct[i] = direct[i].add(sb.x()[order + 1][i].mul(pwh));
                hull = hull.hull(IntervalVector.of(bz));
                boxSet(IntervalVector.of(direct));
                t = tn;
                steps++;
                hNext = hI.hi();
                return null;
            }
            sliding = -1;
            return enterHull(tape.guardName(g) + ": sliding may end (or another guard is near)");
        }

        /**
         * While sliding on guard {@code sliding}, every member crosses guard q at a relative time in tau: if the
         * sliding field beyond q still slides and carries the set across, bridge the crossing with the inclusion
         * and keep sliding with q's sign flipped; otherwise hand over to the inclusion.
         */
        String slideAcross(SeriesTape.Series<Interval> sx, SeriesTape.Series<Interval> sb, int q, Interval tau, double horizon) {
            int order = settings.order(), g = sliding;
            Interval[] y = horner(sx.x(), order, tau);
            Interval pw = tau.pown(order + 1);
            for (int i = 0; i < n; i++) y[i] = y[i].add(sb.x()[order + 1][i].mul(pw));
            int[] far = signs.clone();
            far[q] = -signs[q];
            SeriesTape.Series<Interval> sf = tape.slidingSeries(y, far, g, slideGradient, 1);
            Interval when = Interval.of(t).add(tau);
            boolean transversal = strictSign(sf.guards()[1][q]) == far[q] && slides(sf.guards()[0][guards], sf.guards()[0][guards + 1]);
            double tn = Math.nextUp(when.hi());
            if (!transversal || tn > horizon) return enterHull(tape.guardName(q) + ": crossing while sliding on " + tape.guardName(g) + " not certified");
            FirstOrder fo = firstOrder(y, Interval.of(tn).sub(Interval.of(t)).sub(Interval.of(tau.lo())).hi(), new int[guards]);
            if (fo == null) return enterHull(tape.guardName(q) + ": no enclosure across the surface while sliding");
            return crossed(new GuardEvent(tape.guardName(q), GuardEvent.Kind.CROSSING, when, far[q]), fo.box(), far, tn);
        }

        /** A validated first-order enclosure: every solution from y of the field with {@code fieldSigns} over [0, d]. */
        record FirstOrder(Interval[] box, SeriesTape.Series<Interval> series) {}

        /**
         * B = y + [0, d] F(B), validated by inclusion (F the field of {@code fieldSigns}; zeros give the convex-hull
         * field, valid for every Filippov solution): solutions from y stay in B for a duration up to d. Null if none
         * was found in a few inflations.
         */
        FirstOrder firstOrder(Interval[] y, double d, int[] fieldSigns) {
            Interval span = Interval.of(0, Math.max(d, 0));
            SeriesTape.Series<Interval> s0 = tape.intervalSeries(y, fieldSigns, 1);
            Interval[] guess = new Interval[n];
            for (int i = 0; i < n; i++) guess[i] = y[i].add(span.mul(s0.x()[1][i]));
            for (int attempt = 0; attempt < 6; attempt++) {
                Interval[] b = inflate(guess, attempt);
                SeriesTape.Series<Interval> s1 = tape.intervalSeries(b, fieldSigns, 1);
                Interval[] z = new Interval[n];
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    z[i] = y[i].add(span.mul(s1.x()[1][i]));
                    if (!z[i].isBounded()) return null;
                    if (!z[i].subset(b[i])) inside = false;
                }
                if (inside) return new FirstOrder(z, s1);
                guess = z;
            }
            return null;
        }

        /** Switches to the convex-hull inclusion from the current set and time (valid from any state). */
        String enterHull(String why) {
            if (why != null) events.add(new GuardEvent(why, GuardEvent.Kind.CONVEX_HULL, Interval.of(t), 0));
            signs = null;
            sliding = -1;
            hNext = Double.NaN;
            return null;
        }

        String hullStep(double horizon) {
            if (consecutiveHull >= settings.maxHullSteps())
                return "more than " + settings.maxHullSteps() + " consecutive convex-hull steps at t = " + t
                        + " (sliding or grazing that the inclusion cannot leave)";
            IntervalVector xBox = set.box();
            Interval[] x = xBox.toArray();
            int[] unknown = new int[guards];
            SeriesTape.Series<Interval> s0 = tape.intervalSeries(x, unknown, 1);
            double speed = norm(s0.x()[1]);
            double wanted = Math.max(xBox.maxWidth(), 1e-12) / Math.max(speed, 1e-300);
            double cap = Double.isNaN(hRegion) ? wanted : hRegion;
            double h = Math.min(horizon - t, Double.isNaN(hNext) ? Math.min(wanted, cap) : Math.max(hNext, Math.min(2 * hNext, cap)));
            for (int attempt = 0; attempt < 80; attempt++) {
                double tn = t + h >= horizon ? horizon : t + h;
                Interval hI = Interval.of(tn).sub(Interval.of(t));
                if (!(tn > t) || (hI.hi() < settings.minStep() && tn < horizon))
                    return "step size fell below " + settings.minStep() + " at t = " + t + " in convex-hull mode";
                FirstOrder fo = firstOrder(x, hI.hi(), unknown);
                if (fo != null) {
                    Interval[] end = new Interval[n];
                    for (int i = 0; i < n; i++) end[i] = x[i].add(hI.mul(fo.series().x()[1][i]));
                    hull = hull.hull(IntervalVector.of(fo.box()));
                    boxSet(IntervalVector.of(end));
                    t = tn;
                    steps++;
                    hullSteps++;
                    consecutiveHull++;
                    hNext = h;
                    int[] region = regionOf(set.box());
                    if (region != null) {
                        signs = region;
                        hNext = Double.NaN;
                    }
                    return null;
                }
                h = hI.hi() / 2;
            }
            return "no a priori enclosure in convex-hull mode at t = " + t;
        }

        // ------------------------------------------------------------------------------------------ helpers

        /** The signs of all guards over the box, or null if one of them is not strict. */
        int[] regionOf(IntervalVector box) {
            if (guards == 0) return new int[0];
            SeriesTape.Series<Interval> s = tape.intervalSeries(box.toArray(), new int[guards], 1);
            int[] r = new int[guards];
            for (int g = 0; g < guards; g++) {
                r[g] = strictSign(s.guards()[0][g]);
                if (r[g] == 0) return null;
            }
            return r;
        }

        String straddled(IntervalVector box) {
            SeriesTape.Series<Interval> s = tape.intervalSeries(box.toArray(), new int[guards], 1);
            for (int g = 0; g < guards; g++) if (strictSign(s.guards()[0][g]) == 0) return tape.guardName(g);
            return "a guard";
        }
    }

    private static final boolean DEBUG = System.getenv("RELUFLOW_DEBUG_VALIDATED") != null;

    /** What a ball step returns, compared by identity, when it leaves the step to the general one. */
    private static final String DECLINED = new String("the ball step declined");

    /**
     * Filippov sliding persists where c.f- &gt; 0 and c.f+ &lt; 0 (both fields point into the surface); one of them may
     * vanish identically (the point interval 0: a frozen coordinate), since lambda = c.f- / (c.f- - c.f+) is then
     * exactly 0 or 1 and the solution follows that side's field along the surface.
     */
    static boolean slides(Interval towardFromBelow, Interval towardFromAbove) {
        boolean p = strictSign(towardFromBelow) > 0, q = strictSign(towardFromAbove) < 0;
        return (p && q) || (p && isZero(towardFromAbove)) || (q && isZero(towardFromBelow));
    }

    static boolean isZero(Interval v) { return v.lo() == 0 && v.hi() == 0; }

    static int strictSign(Interval v) {
        if (v.isEmpty()) return 0;
        if (v.lo() > 0) return 1;
        if (v.hi() < 0) return -1;
        return 0;
    }

    /**
     * ||I + u w^T||_2 from p = u.w and q = |u|^2 |w|^2: on span{u, w} the Gram matrix of I + u w^T has trace
     * b = 2 + 2p + q and determinant c = (1 + p)^2, so the norm is sqrt((b + sqrt(b^2 - 4c)) / 2). A saltation
     * matrix's jump f_far - f_near is often parallel to grad g (a ReLU gate acts along x_i), and then the norm is
     * max(1, |1 + p|), the ratio of the guard's rates, rather than 1 + |p|.
     */
    static Interval rankOneNorm(Interval p, Interval q) {
        Interval b = Interval.of(2).add(p.mul(2)).add(q), c = Interval.ONE.add(p).sqr();
        Interval disc = b.sqr().sub(c.mul(4)).intersection(Interval.of(0, Double.POSITIVE_INFINITY));
        return Interval.of(0, b.add(disc.sqrt()).mul(0.5).sqrt().hi());
    }

    /** An upper bound on the Euclidean norm of every member of the interval vector. */
    static double euclidean(Interval[] v) {
        Interval sum = Interval.ZERO;
        for (Interval x : v) sum = sum.add(Interval.of(x.mag()).sqr());
        return sum.sqrt().hi();
    }

    static double norm(Interval[] v) {
        double m = 0;
        for (Interval x : v) m = Math.max(m, x.mag());
        return m;
    }

    /** sum_k x_k s^k by Horner's scheme, per coordinate. */
    static Interval[] horner(Interval[][] x, int order, Interval s) {
        int n = x[0].length;
        Interval[] r = new Interval[n];
        for (int i = 0; i < n; i++) {
            Interval acc = x[order][i];
            for (int k = order - 1; k >= 0; k--) acc = acc.mul(s).add(x[k][i]);
            r[i] = acc;
        }
        return r;
    }
}
