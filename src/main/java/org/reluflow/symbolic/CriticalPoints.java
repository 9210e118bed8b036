package org.reluflow.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.reluflow.symbolic.ScalarIntegralLoss.Kind;
import org.reluflow.symbolic.ScalarIntegralLoss.Names;
import org.reluflow.symbolic.ScalarIntegralLoss.Region;

/**
 * Exact critical points of the scalar-input square-integral loss L = int_a^b (c + sum_j v_j relu(w_j x + b_j)
 * - alpha x - beta)^2 dx (Cheridito et al.), region by region. Inside a region (fixed neuron types and kink order) L is
 * built exactly by term-by-term polynomial integration between the kinks -b_j/w_j, so it is a rational function of
 * the parameters; gradient, loss and Hessian at an exact point are then exact rationals.
 *
 * <p>Gauge: the rescaling (w_j, b_j, v_j) -> (s w_j, s b_j, v_j / s) makes critical sets curves, so solving fixes
 * v_j = 1 for everywhere-active neurons and w_j = +-1 for kink neurons (kink-and-slope coordinates), and each solution
 * is reported as a family in s > 0. The rescaling is linear, so the Hessian's inertia is the same along a family.
 *
 * <p>Three entry points: {@link #certify} an exact point (with {@link #lkConfiguration} for the L_k family),
 * {@link #solveRegion} for one region's polynomial system, and {@link #survey} for every region of the instance, with
 * each family found inside certified at a member.
 */
public final class CriticalPoints {

    /** An instance with exact rational data (Symja/Java rationals as strings, e.g. "1/2"). */
    public record Instance(BigFraction a, BigFraction b, BigFraction alpha, BigFraction beta, int width, boolean outputBias) {
        public Instance {
            if (a.compareTo(b) >= 0) throw new IllegalArgumentException("need a < b");
            if (width < 1) throw new IllegalArgumentException("width must be >= 1");
        }
        public static Instance of(String a, String b, String alpha, String beta, int width, boolean outputBias) {
            return new Instance(q(a), q(b), q(alpha), q(beta), width, outputBias);
        }
        /** Exact level alpha^2 (b-a)^3 / (12 k^4) of the L_k family, computed here only to label results. */
        public BigFraction lk(int k) {
            BigFraction len = b.subtract(a);
            return alpha.multiply(alpha).multiply(len.pow(3)).divide(BigInteger.valueOf(12L * k * k * k * k));
        }
    }

    /** The result of certifying one exact point (values as Symja text: rationals, or exact algebraic numbers). */
    public record Certified(String label, String region, Map<String, String> point, String loss,
                            boolean gradientZero, String gradient, Classification classification) {}

    /**
     * Whether a solution of the region's polynomial system lies in the open region it was solved in. PARTLY_INSIDE:
     * a family with free parameters some of whose members lie inside (a witness was found and certified).
     */
    public enum Placement { INSIDE, PARTLY_INSIDE, OUTSIDE, UNDECIDED }

    /**
     * A family of critical points of one region's polynomial, in the gauge described above: the gauge point (a
     * variable missing from it is a free parameter of the family), its placement, its loss, and a member inside the
     * open region (every gauge variable rational, or the isolated point itself; null when none is known).
     */
    public record Family(Region region, String parametrization, Map<String, IExpr> values, Placement placement,
                         IExpr loss, Map<String, IExpr> member) {
        /** Every gauge variable has a value: the family is exactly the rescaling orbit of one point. */
        public boolean isolatedUpToRescaling(Instance in) { return values.size() == gaugeVariables(in, region).size(); }

        /** The gauge point as text (a variable missing from it is a free parameter of the family). */
        public Map<String, String> gaugePoint() {
            Map<String, String> out = new LinkedHashMap<>();
            values.forEach((k, val) -> out.put(k, val.toString()));
            return out;
        }
    }

    /** A critical family found inside its region, with the certificate of its representative (s_j = 1). */
    public record Found(Family family, Certified certified) {}

    private final SymjaSession session;

    public CriticalPoints(SymjaSession session) {
        this.session = session;
    }

    public static BigFraction q(String s) {
        s = s.strip();
        int slash = s.indexOf('/');
        if (slash > 0) return new BigFraction(new BigInteger(s.substring(0, slash).strip()), new BigInteger(s.substring(slash + 1).strip()));
        BigDecimal d = new BigDecimal(s);
        return d.scale() > 0 ? new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
                : new BigFraction(d.toBigIntegerExact());
    }

    static String sym(BigFraction f) {
        return f.getDenominator().equals(BigInteger.ONE) ? "(" + f.getNumerator() + ")" : "(" + f.getNumerator() + "/" + f.getDenominator() + ")";
    }

    public static List<String> variables(Instance in) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < in.width; j++) { out.add(w(j)); out.add(b(j)); out.add(v(j)); }
        if (in.outputBias) out.add("c");
        return out;
    }

    static String w(int j) { return "w" + (j + 1); }
    static String b(int j) { return "b" + (j + 1); }
    static String v(int j) { return "v" + (j + 1); }

    private static Names names(Instance in) {
        return new Names(CriticalPoints::v, CriticalPoints::w, CriticalPoints::b, in.outputBias ? "c" : null);
    }

    /** The region of an exact point (a kink exactly at a or b, or w = 0, is rejected: L is not C^2 there). */
    static Region regionOf(Instance in, Map<String, BigFraction> p) {
        List<Kind> kinds = new ArrayList<>();
        List<Integer> inside = new ArrayList<>();
        for (int j = 0; j < in.width; j++) {
            BigFraction wj = p.get(w(j)), bj = p.get(b(j));
            if (wj.signum() == 0) throw new IllegalArgumentException("neuron " + (j + 1) + " has w = 0 (degenerate; L is not C^2 there)");
            BigFraction kink = bj.negate().divide(wj);
            if (kink.compareTo(in.a) == 0 || kink.compareTo(in.b) == 0)
                throw new IllegalArgumentException("neuron " + (j + 1) + " is semi-inactive (kink at an endpoint)");
            if (kink.compareTo(in.a) > 0 && kink.compareTo(in.b) < 0) {
                kinds.add(wj.signum() > 0 ? Kind.RIGHT : Kind.LEFT);
                inside.add(j);
            } else {
                BigFraction mid = in.a.add(in.b).divide(2);
                kinds.add(wj.multiply(mid).add(bj).signum() > 0 ? Kind.ACTIVE : Kind.INACTIVE);
            }
        }
        inside.sort(Comparator.comparing(j -> p.get(b(j)).negate().divide(p.get(w(j)))));
        return new Region(List.copyOf(kinds), List.copyOf(inside));
    }

    /** Symja text of L in the region (the shared piecewise integral of {@link ScalarIntegralLoss}). */
    public static String lossText(Instance in, Region region) {
        return ScalarIntegralLoss.piecewise(sym(in.a), sym(in.b), sym(in.alpha), sym(in.beta), region, names(in));
    }

    private Map<String, IExpr> exact(Map<String, BigFraction> p) throws SymbolicException {
        Map<String, IExpr> out = new LinkedHashMap<>();
        for (var e : p.entrySet()) out.put(e.getKey(), session.eval(sym(e.getValue())));
        return out;
    }

    /**
     * Certifies an exact point. The work is done in the gauge-reduced coordinates (kink neuron: w = +-1, (b, v) ->
     * (b/|w|, v|w|); active neuron: v = 1, (w, b) -> (v w, v b); dead neurons drop out), where L is a polynomial R.
     * The map full -> reduced is a submersion (v != 0 for active neurons), so grad L = J^T grad R vanishes iff grad R
     * does, and at a critical point Hess L = J^T (Hess R) J: same positive and negative counts as Hess R, and
     * (#full - #reduced) extra zero modes, one per rescaled neuron plus three per dead neuron.
     */
    public Certified certify(String label, Instance in, Map<String, BigFraction> point) throws SymbolicException {
        for (String var : variables(in))
            if (!point.containsKey(var)) throw new IllegalArgumentException("point misses " + var);
        Region region = regionOf(in, point);
        Map<String, BigFraction> red = new LinkedHashMap<>();
        for (int j = 0; j < in.width; j++) {
            BigFraction wj = point.get(w(j)), bj = point.get(b(j)), vj = point.get(v(j));
            switch (region.kinds().get(j)) {
                case RIGHT, LEFT -> { red.put(b(j), bj.divide(wj.abs())); red.put(v(j), vj.multiply(wj.abs())); }
                case ACTIVE -> {
                    if (vj.signum() == 0) throw new IllegalArgumentException("active neuron " + (j + 1) + " has v = 0: not covered by the reduced coordinates");
                    red.put(w(j), wj.multiply(vj)); red.put(b(j), bj.multiply(vj));
                }
                case INACTIVE -> { /* does not enter L */ }
            }
        }
        if (in.outputBias) red.put("c", point.get("c"));
        Map<String, String> shown = new LinkedHashMap<>();
        point.forEach((k, val) -> shown.put(k, val.toString().replace(" ", "")));
        return certifyReduced(label, in, region, exact(red), shown);
    }

    private Certified certifyReduced(String label, Instance in, Region region, Map<String, IExpr> reduced,
                                     Map<String, String> shown) throws SymbolicException {
        Solutions.requireExact(session, reduced);
        int rescaled = 0, flat = 0;
        for (Kind k : region.kinds()) if (k == Kind.INACTIVE) flat += 3; else rescaled++;
        boolean rational = reduced.values().stream().allMatch(IExpr::isRational);
        String fl = "{" + String.join(", ", reduced.keySet()) + "}";
        String pt = Solutions.rules(reduced);
        ScalarIntegralLoss.definePolyInt(session);
        session.eval("crR = Expand[(" + lossText(in, region) + ") /. " + gauge(in, region, null) + "]");
        // at algebraic points Simplify may leave an exact zero unrecognised: the gradient then reads as nonzero
        // (never the reverse), and the Hessian's inertia is reported UNCERTIFIED by Classification
        String exactly = rational ? "" : "Simplify@";
        IExpr loss = session.eval(exactly + "(crR /. " + pt + ")");
        IExpr grad = session.eval("Map[" + (rational ? "Identity" : "Simplify") + ", D[crR, {" + fl + "}] /. " + pt + "]");
        boolean zero = grad instanceof IAST g && g.forAll(IExpr::isZero);
        IExpr hess = session.eval("D[crR, {" + fl + ", 2}] /. " + pt);
        int extra = variables(in).size() - reduced.size();
        Classification cls = Classification.of(session, hess, rescaled + flat, extra);
        return new Certified(label, region.toString(), shown, loss.toString(), zero, grad.toString(), cls);
    }

    /** Gauge substitution (v = 1 for ACTIVE, w = +-1 for kink neurons); fills {@code free} with the remaining variables. */
    static String gauge(Instance in, Region region, List<String> free) {
        List<String> f = free == null ? new ArrayList<>() : free;
        List<String> rules = new ArrayList<>();
        for (int j = 0; j < in.width; j++) {
            switch (region.kinds().get(j)) {
                case ACTIVE -> { rules.add(v(j) + " -> 1"); f.add(w(j)); f.add(b(j)); }
                case RIGHT -> { rules.add(w(j) + " -> 1"); f.add(b(j)); f.add(v(j)); }
                case LEFT -> { rules.add(w(j) + " -> -1"); f.add(b(j)); f.add(v(j)); }
                case INACTIVE -> { /* does not enter L */ }
            }
        }
        if (in.outputBias) f.add("c");
        return "{" + String.join(", ", rules) + "}";
    }

    /** The variables left free by the gauge of a region. */
    public static List<String> gaugeVariables(Instance in, Region region) {
        List<String> free = new ArrayList<>();
        gauge(in, region, free);
        return free;
    }

    /** Exact point of the L_k configuration (k odd, k - 1 kink neurons; extra neurons dead), c fixed by int r = 0. */
    public Map<String, BigFraction> lkConfiguration(Instance in, int k) throws SymbolicException {
        if (k < 1 || k % 2 == 0) throw new IllegalArgumentException("k must be odd and >= 1");
        if (in.width < k - 1) throw new IllegalArgumentException("L_" + k + " needs at least " + (k - 1) + " neurons");
        if (!in.outputBias) throw new IllegalArgumentException("the L_k family needs an output bias c");
        Map<String, BigFraction> p = new LinkedHashMap<>();
        BigFraction len = in.b.subtract(in.a);
        BigFraction slope = in.alpha.multiply(2).divide(k);
        for (int j = 0; j < in.width; j++) {
            if (j < k - 1) {
                BigFraction tj = in.a.add(len.multiply(j + 1).divide(k));
                boolean right = j % 2 == 0;
                p.put(w(j), right ? BigFraction.ONE : BigFraction.MINUS_ONE);
                p.put(b(j), right ? tj.negate() : tj);
                p.put(v(j), right ? slope : slope.negate());
            } else { // dead: kink beyond b, inactive on [a, b]
                p.put(w(j), BigFraction.ONE);
                p.put(b(j), in.b.abs().add(in.a.abs()).add(1).negate());
                p.put(v(j), BigFraction.ONE);
            }
        }
        // c from int r = 0, i.e. dL/dc = 0, which is linear in c: solve it in Symja
        p.put("c", BigFraction.ZERO);
        Region region = regionOf(in, p);
        p.remove("c");
        ScalarIntegralLoss.definePolyInt(session);
        session.eval("crL = Expand[(" + lossText(in, region) + ") /. " + Solutions.rules(exact(p)) + "]");
        IExpr sol = session.eval("c /. First[Solve[D[crL, c] == 0, c]]");
        p.put("c", q(sol.toString()));
        return p;
    }

    /**
     * Solves grad L = 0 in one region, in the gauge (v_j = 1 for ACTIVE, w_j = +-1 for kink neurons). In the gauge, L
     * is quadratic in the "linear" variables (c, the slopes v_j of kink neurons, (w_j, b_j) of active neurons) with
     * coefficients polynomial in the kink positions b_j. Since dL/db_j = v_j E_j with E_j = 2 int_{side j} r, the
     * system splits into branches by which kink neurons have v_j = 0; each branch is
     * {dL/d(linear) = 0, E_j = 0 or dL/dv_j = 0}, whose lex Groebner basis (linear variables first) contains the
     * elimination ideal in the kink positions alone. That ideal is solved first, then the linear variables at each
     * kink solution. (Solving the whole system at once, or eliminating by substitution, runs out of time already at
     * two kink neurons.) Kink solutions outside the region are kept, marked OUTSIDE, without the linear part.
     */
    public List<Family> solveRegion(Instance in, Region region) throws SymbolicException {
        List<String> linear = new ArrayList<>(), kinkVars = new ArrayList<>();
        List<Integer> kinkNeurons = new ArrayList<>();
        for (int j = 0; j < in.width; j++) {
            switch (region.kinds().get(j)) {
                case ACTIVE -> { linear.add(w(j)); linear.add(b(j)); }
                case RIGHT, LEFT -> { linear.add(v(j)); kinkVars.add(b(j)); kinkNeurons.add(j); }
                case INACTIVE -> { }
            }
        }
        if (in.outputBias) linear.add("c");
        ScalarIntegralLoss.definePolyInt(session);
        session.eval("crR = Expand[(" + lossText(in, region) + ") /. " + gauge(in, region, null) + "]");
        List<Family> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << kinkNeurons.size(); mask++) {
            List<String> lin = new ArrayList<>(linear), eqs = new ArrayList<>(), zero = new ArrayList<>();
            for (int i = 0; i < kinkNeurons.size(); i++) {
                int j = kinkNeurons.get(i);
                if ((mask >> i & 1) == 1) { lin.remove(v(j)); zero.add(v(j) + " -> 0"); eqs.add("D[crR, " + v(j) + "]"); }
                else eqs.add("Cancel[D[crR, " + b(j) + "]/" + v(j) + "]");
            }
            for (String x : lin) eqs.add("D[crR, " + x + "]");
            session.eval("crE = Expand[{" + String.join(", ", eqs) + "} /. {" + String.join(", ", zero) + "}]");
            Map<String, IExpr> fixed = new LinkedHashMap<>();
            for (String z : zero) fixed.put(z.substring(0, z.indexOf(' ')), F.C0);
            for (Map<String, IExpr> sol : solveBranch(lin, kinkVars, g -> placement(in, region, g).placement())) {
                Map<String, IExpr> all = new LinkedHashMap<>(fixed);
                all.putAll(sol);
                Map<String, IExpr> ordered = new LinkedHashMap<>();
                for (String x : gaugeVariables(in, region)) if (all.containsKey(x)) ordered.put(x, all.get(x));
                if (out.stream().anyMatch(f -> f.values().equals(ordered))) continue;
                OpenRegion.Decision place = placement(in, region, ordered);
                IExpr loss = session.eval("Simplify[crR /. " + Solutions.rules(ordered) + "]");
                out.add(new Family(region, parametrization(in, region, ordered), ordered, place.placement(), loss,
                        place.member() == null ? null : member(ordered, place.member())));
            }
        }
        return out;
    }

    /**
     * Solutions of crE = 0: kink positions from the elimination ideal first, then the linear variables from the
     * whole lex Groebner basis at each kink solution (the basis is triangular; Solve on crE itself returns nothing
     * for consistent systems with a parameter left free).
     */
    private List<Map<String, IExpr>> solveBranch(List<String> lin, List<String> kinkVars, PlacementOf placement) throws SymbolicException {
        List<Map<String, IExpr>> out = new ArrayList<>();
        List<String> all = new ArrayList<>(lin);
        all.addAll(kinkVars);
        if (all.isEmpty()) return Solutions.solve(session, "crE", all);
        session.eval("crB = GroebnerBasis[crE, {" + String.join(", ", all) + "}]");
        String freeOfLinear = lin.isEmpty() ? "True" : String.join(" && ", lin.stream().map(x -> "FreeQ[#, " + x + "]").toList());
        List<Map<String, IExpr>> kinkSolutions = Solutions.solve(session, "Select[crB, " + freeOfLinear + " &]", kinkVars);
        for (Map<String, IExpr> kinks : kinkSolutions) {
            // kinks off the open region need no linear part (and Solve with them can be slow)
            if (lin.isEmpty() || placement.apply(kinks) == Placement.OUTSIDE) { out.add(kinks); continue; }
            for (Map<String, IExpr> linear : Solutions.solve(session, "(crB /. " + Solutions.rules(kinks) + ")", lin)) {
                Map<String, IExpr> m = new LinkedHashMap<>(kinks);
                m.putAll(linear);
                out.add(m);
            }
        }
        return out;
    }

    /** The family's values at the given free parameters, with the free parameters themselves. */
    private Map<String, IExpr> member(Map<String, IExpr> values, Map<String, IExpr> free) throws SymbolicException {
        Map<String, IExpr> m = new LinkedHashMap<>();
        for (var e : values.entrySet())
            m.put(e.getKey(), free.isEmpty() ? e.getValue() : session.eval("Together[" + e.getValue().fullFormString() + " /. " + Solutions.rules(free) + "]"));
        m.putAll(free);
        return m;
    }

    private interface PlacementOf { Placement apply(Map<String, IExpr> values) throws SymbolicException; }

    /**
     * Placement of a family in the open region: kinks strictly ordered inside (a, b), active neurons' lines without a
     * zero on [a, b], decided by {@link OpenRegion} (exactly for rational and affine conditions), with a member
     * inside when one is known.
     */
    private OpenRegion.Decision placement(Instance in, Region region, Map<String, IExpr> g) throws SymbolicException {
        // a < t_1 < ... < t_K < b, written with every implied pair so that a family fixing one kink at a or b,
        // or two kinks together, is OUTSIDE even while other parameters are free
        List<String> positive = new ArrayList<>(), chain = new ArrayList<>();
        chain.add(sym(in.a));
        for (int j : region.kinkOrder()) chain.add(kinkPosition(region, j));
        chain.add(sym(in.b));
        for (int i = 0; i < chain.size(); i++)
            for (int k = i + 1; k < chain.size(); k++) if (i > 0 || k < chain.size() - 1) positive.add(chain.get(k) + " - " + chain.get(i));
        for (int j = 0; j < in.width; j++)
            if (region.kinds().get(j) == Kind.ACTIVE)
                positive.add("(" + w(j) + "*" + sym(in.a) + " + " + b(j) + ")*(" + w(j) + "*" + sym(in.b) + " + " + b(j) + ")");
        List<String> free = gaugeVariables(in, region).stream().filter(x -> !g.containsKey(x)).toList();
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (int j : region.kinkOrder()) { // free kinks: points of (a, b)
            List<String> ts = new ArrayList<>();
            String sign = region.kinds().get(j) == Kind.RIGHT ? "-" : "";
            for (String fr : KINK_FRACTIONS) ts.add(sign + "(" + sym(in.a) + " + " + fr + "*" + sym(in.b.subtract(in.a)) + ")");
            candidates.put(b(j), ts);
        }
        return OpenRegion.decide(session, positive, g, free, candidates);
    }

    private static final List<String> KINK_FRACTIONS = List.of("1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "4/5", "2/5", "3/5");

    /** The kink -b_j/w_j of a kink neuron in the gauge w_j = +-1. */
    private static String kinkPosition(Region region, int j) {
        return region.kinds().get(j) == Kind.RIGHT ? "(-" + b(j) + ")" : b(j);
    }

    private static String parametrization(Instance in, Region region, Map<String, IExpr> v) {
        List<String> parts = new ArrayList<>();
        java.util.function.Function<String, String> val = x -> "(" + (v.containsKey(x) ? v.get(x) : x) + ")";
        for (int j = 0; j < in.width; j++) {
            switch (region.kinds().get(j)) {
                case ACTIVE -> parts.add(v(j) + " = s" + (j + 1) + ", " + w(j) + " = " + val.apply(w(j)) + "/s" + (j + 1)
                        + ", " + b(j) + " = " + val.apply(b(j)) + "/s" + (j + 1));
                case RIGHT, LEFT -> parts.add(w(j) + " = " + (region.kinds().get(j) == Kind.LEFT ? "-" : "") + "s" + (j + 1)
                        + ", " + b(j) + " = " + val.apply(b(j)) + "*s" + (j + 1) + ", " + v(j) + " = " + val.apply(v(j)) + "/s" + (j + 1));
                case INACTIVE -> parts.add("(" + w(j) + ", " + b(j) + ", " + v(j) + ") any with " + w(j) + " x + " + b(j) + " < 0 on [a, b]");
            }
        }
        if (in.outputBias) parts.add("c = " + val.apply("c"));
        String free = String.join(", ", gaugeVariables(in, region).stream().filter(x -> !v.containsKey(x)).toList());
        return String.join("; ", parts) + (parts.isEmpty() ? "" : "; s_j != 0 for active neurons, s_j > 0 otherwise")
                + (free.isEmpty() ? "" : "; free parameters (their gauge values): " + free);
    }

    /**
     * Regions of a width-m network up to relabelling the neurons: each neuron's kind, and for kink neurons their
     * left-to-right order. A region is kept when its neurons are sorted by (kind, kink position), so each class of
     * permutation-equivalent regions appears once.
     */
    public static List<Region> regions(int width) {
        List<Region> out = new ArrayList<>();
        Kind[] all = Kind.values();
        int total = (int) Math.pow(all.length, width);
        for (int code = 0; code < total; code++) {
            List<Kind> kinds = new ArrayList<>();
            for (int j = 0, c = code; j < width; j++, c /= all.length) kinds.add(all[c % all.length]);
            List<Integer> kinkNeurons = new ArrayList<>();
            for (int j = 0; j < width; j++) if (kinds.get(j) == Kind.RIGHT || kinds.get(j) == Kind.LEFT) kinkNeurons.add(j);
            for (List<Integer> order : permutations(kinkNeurons)) {
                boolean canonical = true;
                for (int j = 0; j + 1 < width && canonical; j++) {
                    int c = kinds.get(j).compareTo(kinds.get(j + 1));
                    canonical = c < 0 || (c == 0 && order.indexOf(j) <= order.indexOf(j + 1));
                }
                if (canonical) out.add(new Region(List.copyOf(kinds), List.copyOf(order)));
            }
        }
        return out;
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) return List.of(List.of());
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Integer> rest = new ArrayList<>(items);
            int first = rest.remove(i);
            for (List<Integer> p : permutations(rest)) {
                List<Integer> l = new ArrayList<>();
                l.add(first);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }

    /** What a survey of every region found, and the regions it could not finish (with the reason). */
    public record Survey(List<Found> found, List<String> unresolved, int regions) {}

    /**
     * Every critical family inside its open region, over all regions of the instance (up to neuron relabelling),
     * each with its representative certified: exact zero gradient, loss, Hessian inertia. Critical points on region
     * boundaries (kink at a or b, coinciding kinks, w = 0) are not in scope: L is not C^2 there.
     */
    public Survey survey(Instance in, java.util.function.Consumer<String> progress) {
        List<Found> found = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<Region> regions = regions(in.width);
        for (Region region : regions) {
            progress.accept(region.toString());
            try {
                for (Family f : solveRegion(in, region)) {
                    if (f.placement() == Placement.OUTSIDE) continue;
                    found.add(new Found(f, f.member() == null ? null : certifyFamily(in, f)));
                }
            } catch (SymbolicException e) {
                unresolved.add(region + ": " + e.getMessage());
            }
        }
        return new Survey(found, unresolved, regions.size());
    }

    /** Certifies the member inside the region of a family (for a kink or active neuron, its representative s_j = 1). */
    public Certified certifyFamily(Instance in, Family f) throws SymbolicException {
        Region region = f.region();
        Map<String, IExpr> g = f.member();
        Map<String, String> shown = new LinkedHashMap<>();
        for (int j = 0; j < in.width; j++) {
            switch (region.kinds().get(j)) {
                case ACTIVE -> {
                    // v = sign of the line on [a, b] (either sign is a point of the family), then (w, b) = v (p, q)
                    int sign = OpenRegion.sign(session.eval(w(j) + "*" + sym(in.a) + " + " + b(j) + " /. " + Solutions.rules(g)));
                    shown.put(w(j), session.eval(sign + "*" + g.get(w(j)).fullFormString()).toString());
                    shown.put(b(j), session.eval(sign + "*" + g.get(b(j)).fullFormString()).toString());
                    shown.put(v(j), Integer.toString(sign));
                }
                case RIGHT, LEFT -> {
                    shown.put(w(j), region.kinds().get(j) == Kind.RIGHT ? "1" : "-1");
                    shown.put(b(j), g.get(b(j)).toString());
                    shown.put(v(j), g.get(v(j)).toString());
                }
                case INACTIVE -> {
                    shown.put(w(j), "1");
                    shown.put(b(j), sym(in.b.abs().add(in.a.abs()).add(1).negate()).replaceAll("[()]", ""));
                    shown.put(v(j), "1");
                }
            }
        }
        if (in.outputBias) shown.put("c", g.get("c").toString());
        return certifyReduced("critical family in " + region, in, region, g, shown);
    }
}
