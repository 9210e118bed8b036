package org.reluflow.interval;

import java.math.BigDecimal;
import java.util.List;

/**
 * A closed real interval {@code [lo, hi]} with binary64 endpoints (IEEE 1788 inf-sup, set-based flavour).
 *
 * <p><b>Rounding guarantee.</b> Every operation returns an interval containing the exact range of the
 * operation over its arguments. {@code add, sub, mul, div, sqr, sqrt, neg, abs, min, max} and the conversions
 * from decimals are <em>tight</em>: each endpoint is the exact real endpoint rounded outward to the nearest
 * double (directed rounding emulated exactly with error-free transformations, see {@code DirectedRounding}).
 * {@code pown} is tight for {@code n} in {-1, 0, 1, 2} and otherwise encloses with a few ulps of slack.
 * {@code exp, log, log1p, expm1, sin, cos, atan} widen the {@code java.lang.Math} value by its documented
 * 1 ulp error bound and {@code tanh} by its documented 2.5 ulps (see {@code Elementary}), so they are rigorous
 * but may be a few ulps wider than the tightest enclosure.
 *
 * <p><b>Conventions.</b>
 * <ul>
 *   <li>Endpoints are doubles with {@code lo <= hi}, {@code lo != +inf}, {@code hi != -inf}; unbounded
 *       intervals such as {@code [1, +inf]} stand for their closure in the extended reals. Signed zeros are
 *       normalized to {@code +0.0}, so {@code [-0.0, 0.0]} equals {@link #ZERO}.</li>
 *   <li>{@link #EMPTY} is the empty set: every arithmetic operation with an empty argument returns
 *       {@code EMPTY}; {@code EMPTY.contains(x)} is false and {@code EMPTY.subset(y)} is true. A function
 *       evaluated outside its domain returns only the part of its range that exists (IEEE 1788): for example
 *       {@code sqrt([-4, -1])} and {@code log([-1, 0])} are {@code EMPTY} and {@code x / [0, 0]} is
 *       {@code EMPTY}. Callers proving "0 is not in f(X)" must therefore reject an empty {@code f(X)}.</li>
 *   <li>{@code 0 * inf = 0} in multiplication, so {@code [0, 0] * [-inf, +inf] = [0, 0]}.</li>
 *   <li>Division by an interval containing zero returns the hull of the exact (possibly two-piece) result,
 *       for example {@code [1, 2] / [-1, 1] = ENTIRE} and {@code [1, 2] / [0, 1] = [1, +inf]};
 *       {@link #divExtended(Interval)} returns the pieces separately.</li>
 *   <li>NaN is never an endpoint. Constructing an interval from NaN (or from an infinite point) throws
 *       {@link IllegalArgumentException}: silently mapping it to {@code EMPTY} would let an exclusion test
 *       such as {@code !f(X).contains(0)} succeed vacuously. Numeric queries of {@code EMPTY}
 *       ({@link #width()}, {@link #midpoint()}, {@link #radius()}, {@link #mag()}, {@link #mig()}) return NaN, as
 *       IEEE 1788 specifies.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Interval {

    /** The empty set. */
    public static final Interval EMPTY = new Interval(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    /** The whole real line {@code [-inf, +inf]}. */
    public static final Interval ENTIRE = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    /** {@code [0, 0]}. */
    public static final Interval ZERO = new Interval(0.0, 0.0);
    /** {@code [1, 1]}. */
    public static final Interval ONE = new Interval(1.0, 1.0);
    /** The tightest binary64 enclosure of pi. */
    public static final Interval PI = fromBigDecimal(DecimalConversion.PI_LOWER, DecimalConversion.PI_UPPER);
    /** The tightest binary64 enclosure of pi/2 (halving is exact). */
    public static final Interval HALF_PI = new Interval(PI.lo * 0.5, PI.hi * 0.5);

    private final double lo;
    private final double hi;

    private Interval(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
    }

    // ------------------------------------------------------------ construction

    /**
     * The point interval {@code [x, x]}.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite (no real number)
     */
    public static Interval of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a real number: " + x);
        }
        return x == 0 ? ZERO : new Interval(x, x);
    }

    /**
     * The interval {@code [lo, hi]}; {@code lo} may be {@code -inf} and {@code hi} may be {@code +inf}.
     *
     * @throws IllegalArgumentException if an endpoint is NaN, {@code lo > hi}, {@code lo = +inf} or {@code hi = -inf}
     */
    public static Interval of(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi
                || lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("invalid interval bounds [" + lo + ", " + hi + "]");
        }
        return bounds(lo, hi);
    }

    /**
     * Parses an interval: a decimal number ({@code "0.1"}, {@code "-2.5e-3"}), enclosed tightly as the exact
     * real it denotes, or the bracket form {@code "[lo, hi]"} / {@code "[x]"} whose decimal endpoints are
     * rounded outward ({@code -inf}, {@code +inf}, {@code inf} and {@code infinity} are accepted, ignoring case),
     * or {@code "[empty]"} / {@code "[entire]"}. This reads back both {@link #toString()} (possibly one ulp
     * wider, since the shortest decimal of a double is not the double) and {@link #toExactString()} (exactly).
     *
     * @throws IllegalArgumentException (including {@link NumberFormatException}) on malformed text or NaN
     */
    public static Interval of(String text) {
        return DecimalConversion.parse(text);
    }

    /** The tightest interval containing the exact value of the decimal string, e.g. "0.1" (see {@link #of(String)}). */
    public static Interval fromDecimal(String decimal) {
        return fromBigDecimal(new BigDecimal(decimal.trim()));
    }

    /** The tightest interval containing {@code x}: {@code [largest double <= x, smallest double >= x]}. */
    public static Interval fromBigDecimal(BigDecimal x) {
        return bounds(DecimalConversion.roundDown(x), DecimalConversion.roundUp(x));
    }

    /** The tightest interval containing the real interval {@code [lo, hi]}. */
    public static Interval fromBigDecimal(BigDecimal lo, BigDecimal hi) {
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("lo > hi: " + lo + " > " + hi);
        }
        return bounds(DecimalConversion.roundDown(lo), DecimalConversion.roundUp(hi));
    }

    /**
     * Internal factory for already-rounded bounds: normalizes signed zeros. A NaN bound can only come from a
     * bug, and the sound answer for an unknown range is ENTIRE, never a narrower box.
     */
    static Interval bounds(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return ENTIRE;
        }
        if (lo > hi) {
            return EMPTY;
        }
        return new Interval(lo == 0 ? 0.0 : lo, hi == 0 ? 0.0 : hi);
    }

    // ---------------------------------------------------------------- queries

    /** Lower endpoint ({@code +inf} for {@link #EMPTY}). */
    public double lo() {
        return lo;
    }

    /** Upper endpoint ({@code -inf} for {@link #EMPTY}). */
    public double hi() {
        return hi;
    }

    public boolean isEmpty() {
        return lo > hi;
    }

    public boolean isEntire() {
        return lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY;
    }

    /** True if both endpoints are finite (EMPTY counts as bounded). */
    public boolean isBounded() {
        return isEmpty() || (Double.isFinite(lo) && Double.isFinite(hi));
    }

    /** True for a one-point interval {@code [x, x]}. */
    public boolean isPoint() {
        return lo == hi;
    }

    /** Whether the real number {@code x} lies in this interval (false for NaN and infinities). */
    public boolean contains(double x) {
        return lo <= x && x <= hi && Double.isFinite(x);
    }

    public boolean containsZero() {
        return lo <= 0 && 0 <= hi;
    }

    /** This is a subset of {@code other} (EMPTY is a subset of everything). */
    public boolean subset(Interval other) {
        return isEmpty() || (other.lo <= lo && hi <= other.hi);
    }

    /**
     * This lies in the topological interior of {@code other} (IEEE 1788 {@code interior}): each endpoint is
     * strictly inside, or both coincide at the same infinity. The test behind certified existence proofs.
     */
    public boolean interior(Interval other) {
        if (isEmpty()) {
            return true;
        }
        boolean lower = other.lo < lo || (other.lo == Double.NEGATIVE_INFINITY && lo == Double.NEGATIVE_INFINITY);
        boolean upper = hi < other.hi || (hi == Double.POSITIVE_INFINITY && other.hi == Double.POSITIVE_INFINITY);
        return lower && upper;
    }

    /** No common point. */
    public boolean disjoint(Interval other) {
        return isEmpty() || other.isEmpty() || hi < other.lo || other.hi < lo;
    }

    /** {@code hi - lo} rounded up ({@code +inf} if unbounded, NaN for EMPTY). */
    public double width() {
        return isEmpty() ? Double.NaN : DirectedRounding.subUp(hi, lo);
    }

    /**
     * A finite double inside the interval, near the centre (IEEE 1788 {@code mid}): 0 for ENTIRE,
     * {@code -MAX_VALUE} / {@code MAX_VALUE} for half-unbounded intervals, NaN for EMPTY.
     */
    public double midpoint() {
        if (isEmpty()) {
            return Double.NaN;
        }
        if (lo == Double.NEGATIVE_INFINITY) {
            return hi == Double.POSITIVE_INFINITY ? 0.0 : -Double.MAX_VALUE;
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return Double.MAX_VALUE;
        }
        double m = 0.5 * (lo + hi);
        if (Double.isInfinite(m)) {
            m = 0.5 * lo + 0.5 * hi; // lo + hi overflowed: both are huge, so halving them is exact
        }
        // the nearest double to a real in [lo, hi] is in [lo, hi]; the clamp only guards the reasoning
        return Math.min(Math.max(m, lo), hi);
    }

    /** The smallest {@code r} (rounded up) with {@code [mid - r, mid + r]} containing this interval. */
    public double radius() {
        if (isEmpty()) {
            return Double.NaN;
        }
        double m = midpoint();
        return Math.max(DirectedRounding.subUp(m, lo), DirectedRounding.subUp(hi, m));
    }

    /** Magnitude {@code max |x|} over the interval (exact; NaN for EMPTY). */
    public double mag() {
        return isEmpty() ? Double.NaN : Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** Mignitude {@code min |x|} over the interval (exact; NaN for EMPTY). */
    public double mig() {
        if (isEmpty()) {
            return Double.NaN;
        }
        return containsZero() ? 0.0 : Math.min(Math.abs(lo), Math.abs(hi));
    }

    // --------------------------------------------------------- set operations

    /** Smallest interval containing both. */
    public Interval hull(Interval other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        return bounds(Math.min(lo, other.lo), Math.max(hi, other.hi));
    }

    /** Smallest interval containing this interval and {@code x}. */
    public Interval hull(double x) {
        return hull(of(x));
    }

    public Interval intersection(Interval other) {
        if (isEmpty() || other.isEmpty()) {
            return EMPTY;
        }
        return bounds(Math.max(lo, other.lo), Math.min(hi, other.hi));
    }

    /** The two halves {@code [lo, mid]} and {@code [mid, hi]} (EMPTY gives two EMPTYs). */
    public Interval[] bisect() {
        if (isEmpty()) {
            return new Interval[] {EMPTY, EMPTY};
        }
        double m = midpoint();
        return new Interval[] {bounds(lo, m), bounds(m, hi)};
    }

    // ------------------------------------------------------------- arithmetic

    public Interval neg() {
        return isEmpty() ? EMPTY : bounds(-hi, -lo);
    }

    public Interval add(Interval y) {
        if (isEmpty() || y.isEmpty()) {
            return EMPTY;
        }
        return bounds(DirectedRounding.addDown(lo, y.lo), DirectedRounding.addUp(hi, y.hi));
    }

    public Interval add(double y) {
        return add(of(y));
    }

    public Interval sub(Interval y) {
        if (isEmpty() || y.isEmpty()) {
            return EMPTY;
        }
        return bounds(DirectedRounding.subDown(lo, y.hi), DirectedRounding.subUp(hi, y.lo));
    }

    public Interval sub(double y) {
        return sub(of(y));
    }

    /** Product; tight, with {@code 0 * inf = 0}. */
    public Interval mul(Interval y) {
        if (isEmpty() || y.isEmpty()) {
            return EMPTY;
        }
        double a = lo, b = hi, c = y.lo, d = y.hi;
        if (a >= 0) {                        // this >= 0
            if (c >= 0) {
                return bounds(DirectedRounding.mulDown(a, c), DirectedRounding.mulUp(b, d));
            }
            if (d <= 0) {
                return bounds(DirectedRounding.mulDown(b, c), DirectedRounding.mulUp(a, d));
            }
            return bounds(DirectedRounding.mulDown(b, c), DirectedRounding.mulUp(b, d));
        }
        if (b <= 0) {                        // this <= 0
            if (c >= 0) {
                return bounds(DirectedRounding.mulDown(a, d), DirectedRounding.mulUp(b, c));
            }
            if (d <= 0) {
                return bounds(DirectedRounding.mulDown(b, d), DirectedRounding.mulUp(a, c));
            }
            return bounds(DirectedRounding.mulDown(a, d), DirectedRounding.mulUp(a, c));
        }
        // this straddles zero
        if (c >= 0) {
            return bounds(DirectedRounding.mulDown(a, d), DirectedRounding.mulUp(b, d));
        }
        if (d <= 0) {
            return bounds(DirectedRounding.mulDown(b, c), DirectedRounding.mulUp(a, c));
        }
        return bounds(Math.min(DirectedRounding.mulDown(a, d), DirectedRounding.mulDown(b, c)),
                Math.max(DirectedRounding.mulUp(a, c), DirectedRounding.mulUp(b, d)));
    }

    public Interval mul(double y) {
        return mul(of(y));
    }

    /**
     * Quotient; tight. If {@code y} contains zero the result is the hull of the exact set
     * {@code {x / v : x in this, v in y, v != 0}} (see {@link #divExtended(Interval)} for the pieces):
     * {@code EMPTY} for {@code y = [0, 0]}, {@code [0, 0]} for {@code this = [0, 0]}, otherwise a half-line
     * when zero is an endpoint of {@code y} and {@code ENTIRE} when it is interior or {@code this} contains 0.
     */
    public Interval div(Interval y) {
        if (isEmpty() || y.isEmpty()) {
            return EMPTY;
        }
        if (!y.containsZero()) {
            return divNonZero(y);
        }
        Interval result = EMPTY;
        for (Interval piece : divExtended(y)) {
            result = result.hull(piece);
        }
        return result;
    }

    public Interval div(double y) {
        return div(of(y));
    }

    /**
     * The exact quotient set {@code {x / v : x in this, v in y, v != 0}} enclosed by at most two disjoint
     * closed pieces in increasing order; the tool that lets interval Newton discard a gap around a zero of the
     * derivative. Each finite piece endpoint is tight. If outward rounding closes the gap between the two
     * pieces, their hull is returned as one piece. Returns an empty list when the set is empty (this or
     * {@code y} empty, or {@code y = [0, 0]}).
     *
     * <p>This is division, not the solution set of {@code v t = x}: when both this and {@code y} contain zero,
     * every {@code t} solves {@code 0 t = 0}, which the quotient set does not include (for example
     * {@code [0,0].divExtended([0,0])} is empty). Equation solvers must treat that case themselves, as
     * {@link IntervalNewton} does.
     */
    public List<Interval> divExtended(Interval y) {
        if (isEmpty() || y.isEmpty() || (y.lo == 0 && y.hi == 0)) {
            return List.of();
        }
        if (!y.containsZero()) {
            return List.of(divNonZero(y));
        }
        if (lo == 0 && hi == 0) {
            return List.of(ZERO);
        }
        if (containsZero()) {
            return List.of(ENTIRE);
        }
        // this excludes 0 and y contains it: y's negative part [y.lo, 0) and positive part (0, y.hi] each give
        // a half-line; only the endpoint of this nearest to 0 matters
        double inf = Double.POSITIVE_INFINITY;
        boolean positive = lo > 0;
        double near = positive ? lo : hi;
        Interval fromNegative = y.lo < 0
                ? (positive ? bounds(-inf, DirectedRounding.divUp(near, y.lo))
                            : bounds(DirectedRounding.divDown(near, y.lo), inf))
                : EMPTY;
        Interval fromPositive = y.hi > 0
                ? (positive ? bounds(DirectedRounding.divDown(near, y.hi), inf)
                            : bounds(-inf, DirectedRounding.divUp(near, y.hi)))
                : EMPTY;
        if (fromNegative.isEmpty()) {
            return List.of(fromPositive);
        }
        if (fromPositive.isEmpty()) {
            return List.of(fromNegative);
        }
        Interval first = positive ? fromNegative : fromPositive;
        Interval second = positive ? fromPositive : fromNegative;
        // outward rounding can close the exact gap (tiny / huge rounds to 0 on both sides): keep pieces disjoint
        return first.hi < second.lo ? List.of(first, second) : List.of(first.hull(second));
    }

    /** Division by an interval that excludes zero: the extreme quotients are at known endpoint pairs. */
    private Interval divNonZero(Interval y) {
        double a = lo, b = hi, c = y.lo, d = y.hi;
        if (c > 0) {
            if (a >= 0) {
                return bounds(DirectedRounding.divDown(a, d), DirectedRounding.divUp(b, c));
            }
            if (b <= 0) {
                return bounds(DirectedRounding.divDown(a, c), DirectedRounding.divUp(b, d));
            }
            return bounds(DirectedRounding.divDown(a, c), DirectedRounding.divUp(b, c));
        }
        if (a >= 0) {
            return bounds(DirectedRounding.divDown(b, d), DirectedRounding.divUp(a, c));
        }
        if (b <= 0) {
            return bounds(DirectedRounding.divDown(b, c), DirectedRounding.divUp(a, d));
        }
        return bounds(DirectedRounding.divDown(b, d), DirectedRounding.divUp(a, d));
    }

    /** {@code 1 / this}, with the conventions of {@link #div(Interval)}. */
    public Interval recip() {
        return ONE.div(this);
    }

    /** {@code x^2}; tight and non-negative (unlike {@code x.mul(x)}, which ignores the dependency). */
    public Interval sqr() {
        if (isEmpty()) {
            return EMPTY;
        }
        if (lo >= 0) {
            return bounds(DirectedRounding.mulDown(lo, lo), DirectedRounding.mulUp(hi, hi));
        }
        if (hi <= 0) {
            return bounds(DirectedRounding.mulDown(hi, hi), DirectedRounding.mulUp(lo, lo));
        }
        double m = mag();
        return bounds(0.0, DirectedRounding.mulUp(m, m));
    }

    /** Square root of the non-negative part; tight ({@code EMPTY} if {@code hi < 0}). */
    public Interval sqrt() {
        if (isEmpty() || hi < 0) {
            return EMPTY;
        }
        return bounds(DirectedRounding.sqrtDown(Math.max(lo, 0.0)), DirectedRounding.sqrtUp(hi));
    }

    /**
     * Integer power {@code x^n} (IEEE 1788 {@code pown}): {@code [1, 1]} for {@code n = 0} (even for
     * intervals containing 0); for even {@code n} the range of {@code |x|^n}, so the result is never negative;
     * monotone for odd {@code n}; for {@code n < 0}, {@code 1 / x^|n|} with the division conventions
     * ({@code [0, 0]^-1 = EMPTY}). Endpoint powers use repeated squaring with directed rounding.
     */
    public Interval pown(int n) {
        if (isEmpty()) {
            return EMPTY;
        }
        if (n == 0) {
            return ONE;
        }
        if (n == 1) {
            return this;
        }
        if (n == 2) {
            return sqr();
        }
        if (n < 0) {
            return ONE.div(pownPositive(-(long) n));
        }
        return pownPositive(n);
    }

    private Interval pownPositive(long n) {
        if (n % 2 == 0) {
            return bounds(powDown(mig(), n), powUp(mag(), n));
        }
        double down = lo >= 0 ? powDown(lo, n) : -powUp(-lo, n);
        double up = hi >= 0 ? powUp(hi, n) : -powDown(-hi, n);
        return bounds(down, up);
    }

    /** {@code x^n} rounded down for {@code x >= 0}: products of lower bounds of non-negatives stay lower bounds. */
    private static double powDown(double x, long n) {
        double result = 1.0;
        double base = x;
        for (long e = n; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = DirectedRounding.mulDown(result, base);
            }
            if (e > 1) {
                base = DirectedRounding.mulDown(base, base);
            }
        }
        return result;
    }

    private static double powUp(double x, long n) {
        double result = 1.0;
        double base = x;
        for (long e = n; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = DirectedRounding.mulUp(result, base);
            }
            if (e > 1) {
                base = DirectedRounding.mulUp(base, base);
            }
        }
        return result;
    }

    /** {@code |x|}; tight. */
    public Interval abs() {
        if (isEmpty() || lo >= 0) {
            return this;
        }
        if (hi <= 0) {
            return neg();
        }
        return bounds(0.0, Math.max(-lo, hi));
    }

    /** Range of {@code min(x, y)}; tight. */
    public Interval min(Interval y) {
        if (isEmpty() || y.isEmpty()) {
            return EMPTY;
        }
        return bounds(Math.min(lo, y.lo), Math.min(hi, y.hi));
    }

    /** Range of {@code max(x, y)}; tight. */
    public Interval max(Interval y) {
        if (isEmpty() || y.isEmpty()) {
            return EMPTY;
        }
        return bounds(Math.max(lo, y.lo), Math.max(hi, y.hi));
    }

    // --------------------------------------------------- elementary functions

    /** Range of {@code e^x}, widened by the documented 1 ulp of {@link Math#exp}. */
    public Interval exp() {
        return Elementary.exp(this);
    }

    /** Range of {@code e^x - 1}, widened by the documented 1 ulp of {@link Math#expm1}. */
    public Interval expm1() {
        return Elementary.expm1(this);
    }

    /** Range of the natural logarithm over {@code x ∩ (0, +inf]} ({@code -inf} lower bound if 0 is included). */
    public Interval log() {
        return Elementary.log(this);
    }

    /** Range of {@code log(1 + x)} over {@code x ∩ (-1, +inf]}. */
    public Interval log1p() {
        return Elementary.log1p(this);
    }

    /** Range of the sine, with exact detection of contained extrema (widened by 1 ulp at the endpoints). */
    public Interval sin() {
        return Elementary.sin(this);
    }

    /** Range of the cosine, with exact detection of contained extrema (widened by 1 ulp at the endpoints). */
    public Interval cos() {
        return Elementary.cos(this);
    }

    /** Range of {@code tanh}, widened by the 2.5 ulps documented for {@link Math#tanh}. */
    public Interval tanh() {
        return Elementary.tanh(this);
    }

    /** Range of {@code atan}, widened by the documented 1 ulp of {@link Math#atan}. */
    public Interval atan() {
        return Elementary.atan(this);
    }

    // ------------------------------------------------------------------ text

    /**
     * {@code "[lo, hi]"} with each endpoint printed by {@link Double#toString(double)}: the shortest decimal
     * that identifies the double uniquely ({@code Double.parseDouble} gives it back). {@code "[empty]"},
     * {@code "[entire]"}, {@code "-inf"} and {@code "+inf"} for the special cases.
     */
    @Override
    public String toString() {
        return DecimalConversion.format(this, false);
    }

    /**
     * {@code "[lo, hi]"} with each endpoint as its exact decimal expansion (long for tiny or huge endpoints);
     * {@link #of(String)} reads it back to an equal interval.
     */
    public String toExactString() {
        return DecimalConversion.format(this, true);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Interval)) {
            return false;
        }
        Interval other = (Interval) o;
        return Double.compare(lo, other.lo) == 0 && Double.compare(hi, other.hi) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(lo) + Double.hashCode(hi);
    }
}
