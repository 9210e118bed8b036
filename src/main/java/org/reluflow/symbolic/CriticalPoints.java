package org.reluflow.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Exact critical points of the scalar-input square-integral loss L = int_a^b (c + sum_j v_j relu(w_j x + b_j)
 * - alpha x - beta)^2 dx (Cheridito et al.), region by region. Inside a region (fixed neuron types and kink order) L is
 * built exactly by term-by-term polynomial integration between the kinks -b_j/w_j, so it is a rational function of
 * the parameters; gradient, loss and Hessian at an exact point are then exact rationals.
 *
 * <p>Gauge: the rescaling (w_j, b_j, v_j) -> (s w_j, s b_j, v_j / s) makes critical sets curves, so solving fixes
 * v_j = 1 for everywhere-active neurons and w_j = +-1 for kink neurons (kink-and-slope coordinates), and each solution
 * is reported as a family in s > 0. The rescaling is linear, so the Hessian's inertia is the same along a family.
 */
public final class CriticalPoints {

    /** Type of a neuron on [a, b]. RIGHT: kink inside, w > 0; LEFT: kink inside, w < 0. */
    public enum NeuronType { INACTIVE, ACTIVE, RIGHT, LEFT }

    /** An instance with exact rational data (Symja/Java rationals as strings, e.g. "1/2"). */
    public record Instance(BigFraction a, BigFraction b, BigFraction alpha, BigFraction beta, int width, boolean outputBias) {
        public Instance {
            if (a.compareTo(b) >= 0) throw new IllegalArgumentException("need a < b");
            if (width < 1) throw new IllegalArgumentException("width must be >= 1");
        }
        public static Instance of(String a, String b, String alpha, String beta, int width, boolean outputBias) {
            return new Instance(q(a), q(b), q(alpha), q(beta), width, outputBias);
        }
        /** Exact constant-fit level alpha^2 (b-a)^3 / 12, computed here only to label results. */
        public BigFraction lk(int k) {
            BigFraction len = b.subtract(a);
            return alpha.multiply(alpha).multiply(len.pow(3)).divide(BigInteger.valueOf(12L * k * k * k * k));
        }
    }

    /** The result of certifying one exact point. */
    public record Certified(String label, String region, Map<String, String> point, String loss,
                            boolean gradientZero, String gradient, Classification classification) {}

    /** A family of critical points of one region's polynomial, in the gauge described above. */
    public record Family(String region, String parametrization, Map<String, String> gaugePoint, boolean insideRegion,
                         String loss) {}

    private final SymjaSession session;

    public CriticalPoints(SymjaSession session) throws SymbolicException {
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
        List<String> v = new ArrayList<>();
        for (int j = 1; j <= in.width; j++) { v.add("w" + j); v.add("b" + j); v.add("v" + j); }
        if (in.outputBias) v.add("c");
        return v;
    }

    /** Neuron types and kink order of an exact point (kink exactly at a or b, or w = 0, is rejected: L is not C^2 there). */
    static NeuronType[] types(Instance in, Map<String, BigFraction> p, List<Integer> order) {
        NeuronType[] t = new NeuronType[in.width];
        List<int[]> kinks = new ArrayList<>();
        for (int j = 1; j <= in.width; j++) {
            BigFraction w = p.get("w" + j), b = p.get("b" + j);
            if (w.signum() == 0) throw new IllegalArgumentException("neuron " + j + " has w = 0 (degenerate; L is not C^2 there)");
            BigFraction kink = b.negate().divide(w);
            if (kink.compareTo(in.a) == 0 || kink.compareTo(in.b) == 0)
                throw new IllegalArgumentException("neuron " + j + " is semi-inactive (kink at an endpoint)");
            if (kink.compareTo(in.a) > 0 && kink.compareTo(in.b) < 0) {
                t[j - 1] = w.signum() > 0 ? NeuronType.RIGHT : NeuronType.LEFT;
                kinks.add(new int[] {j});
            } else {
                BigFraction mid = in.a.add(in.b).divide(2);
                t[j - 1] = w.multiply(mid).add(b).signum() > 0 ? NeuronType.ACTIVE : NeuronType.INACTIVE;
            }
        }
        kinks.sort(Comparator.comparing(k -> p.get("b" + k[0]).negate().divide(p.get("w" + k[0]))));
        for (int[] k : kinks) order.add(k[0]);
        return t;
    }

    /** Symja text of L in the region given by neuron types and the left-to-right kink order (neuron indices). */
    public static String lossText(Instance in, NeuronType[] types, List<Integer> order) {
        StringBuilder sb = new StringBuilder("Plus[0");
        int m = order.size();
        for (int seg = 0; seg <= m; seg++) {
            String lo = seg == 0 ? sym(in.a) : "(-b" + order.get(seg - 1) + "/w" + order.get(seg - 1) + ")";
            String hi = seg == m ? sym(in.b) : "(-b" + order.get(seg) + "/w" + order.get(seg) + ")";
            StringBuilder r = new StringBuilder(in.outputBias ? "c" : "0");
            for (int j = 1; j <= in.width; j++) {
                NeuronType ty = types[j - 1];
                int pos = order.indexOf(j);
                boolean on = ty == NeuronType.ACTIVE || (ty == NeuronType.RIGHT && seg > pos) || (ty == NeuronType.LEFT && seg <= pos);
                if (on) r.append("+v").append(j).append("*(w").append(j).append("*x+b").append(j).append(")");
            }
            r.append("-").append(sym(in.alpha)).append("*x-").append(sym(in.beta));
            sb.append(", polyInt[Expand[(").append(r).append(")^2], x, ").append(lo).append(", ").append(hi).append("]");
        }
        return sb.append("]").toString();
    }

    static String describe(NeuronType[] types, List<Integer> order) {
        StringBuilder sb = new StringBuilder();
        for (int j = 1; j <= types.length; j++) sb.append(j > 1 ? ", " : "").append("n").append(j).append('=').append(types[j - 1]);
        if (!order.isEmpty()) sb.append("; kinks left to right: ").append(order);
        return sb.toString();
    }

    static String rules(Map<String, BigFraction> p) {
        StringBuilder sb = new StringBuilder("{");
        p.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(" -> ").append(sym(v)));
        return sb.append("}").toString();
    }

    /**
     * Certifies an exact point. The work is done in the gauge-reduced coordinates (kink neuron: w = +-1, (b, v) ->
     * (b/|w|, v|w|); active neuron: v = 1, (w, b) -> (v w, v b); dead neurons drop out), where L is a polynomial R.
     * The map full -> reduced is a submersion (v != 0 for active neurons), so grad L = J^T grad R vanishes iff grad R
     * does, and at a critical point Hess L = J^T (Hess R) J: same positive and negative counts as Hess R, and
     * (#full - #reduced) extra zero modes, one per rescaled neuron plus three per dead neuron.
     */
    public Certified certify(String label, Instance in, Map<String, BigFraction> point) throws SymbolicException {
        for (String v : variables(in))
            if (!point.containsKey(v)) throw new IllegalArgumentException("point misses " + v);
        List<Integer> order = new ArrayList<>();
        NeuronType[] types = types(in, point, order);
        Map<String, BigFraction> red = new LinkedHashMap<>();
        int sym = 0, flat = 0;
        for (int j = 1; j <= in.width; j++) {
            BigFraction w = point.get("w" + j), b = point.get("b" + j), v = point.get("v" + j);
            switch (types[j - 1]) {
                case RIGHT, LEFT -> { red.put("b" + j, b.divide(w.abs())); red.put("v" + j, v.multiply(w.abs())); sym++; }
                case ACTIVE -> {
                    if (v.signum() == 0) throw new IllegalArgumentException("active neuron " + j + " has v = 0: not covered by the reduced coordinates");
                    red.put("w" + j, w.multiply(v)); red.put("b" + j, b.multiply(v)); sym++;
                }
                case INACTIVE -> flat += 3;
            }
        }
        if (in.outputBias) red.put("c", point.get("c"));
        String fl = "{" + String.join(", ", red.keySet()) + "}";
        String pt = rules(red);
        definePolyInt();
        session.eval("crR = Expand[(" + lossText(in, types, order) + ") /. " + gauge(in, types, null) + "]");
        IExpr loss = session.eval("crR /. " + pt);
        IExpr grad = session.eval("D[crR, {" + fl + "}] /. " + pt);
        boolean zero = grad instanceof IAST g && g.forAll(IExpr::isZero);
        IExpr hess = session.eval("D[crR, {" + fl + ", 2}] /. " + pt);
        int extra = variables(in).size() - red.size();
        Classification cls = Classification.of(session, hess, sym + flat, extra);
        Map<String, String> shown = new LinkedHashMap<>();
        point.forEach((k, v) -> shown.put(k, v.toString().replace(" ", "")));
        return new Certified(label, describe(types, order), shown, loss.toString(), zero, grad.toString(), cls);
    }

    private void definePolyInt() throws SymbolicException {
        // re-defined on every use: a session that hit its time limit restarts without user definitions
        session.eval("polyInt[q_, x_, lo_, hi_] := Module[{cl = CoefficientList[q, x], k}, "
                + "Total[Table[cl[[k]]*(hi^k - lo^k)/k, {k, 1, Length[cl]}]]]");
    }

    /** Gauge substitution (v = 1 for ACTIVE, w = +-1 for kink neurons); fills {@code free} with the remaining variables. */
    static String gauge(Instance in, NeuronType[] types, List<String> free) {
        List<String> f = free == null ? new ArrayList<>() : free;
        StringBuilder gauge = new StringBuilder("{");
        for (int j = 1; j <= in.width; j++) {
            switch (types[j - 1]) {
                case ACTIVE -> { gauge.append("v").append(j).append(" -> 1, "); f.add("w" + j); f.add("b" + j); }
                case RIGHT -> { gauge.append("w").append(j).append(" -> 1, "); f.add("b" + j); f.add("v" + j); }
                case LEFT -> { gauge.append("w").append(j).append(" -> -1, "); f.add("b" + j); f.add("v" + j); }
                case INACTIVE -> { /* does not enter L */ }
            }
        }
        if (in.outputBias) f.add("c");
        return gauge.length() > 1 ? gauge.substring(0, gauge.length() - 2) + "}" : "{}";
    }

    /** Exact point of the L_k configuration (k odd, k - 1 kink neurons; extra neurons dead), c fixed by int r = 0. */
    public Map<String, BigFraction> lkConfiguration(Instance in, int k) throws SymbolicException {
        if (k < 1 || k % 2 == 0) throw new IllegalArgumentException("k must be odd and >= 1");
        if (in.width < k - 1) throw new IllegalArgumentException("L_" + k + " needs at least " + (k - 1) + " neurons");
        if (!in.outputBias) throw new IllegalArgumentException("the L_k family needs an output bias c");
        Map<String, BigFraction> p = new LinkedHashMap<>();
        BigFraction len = in.b.subtract(in.a);
        BigFraction slope = in.alpha.multiply(2).divide(k);
        for (int i = 1; i <= in.width; i++) {
            if (i <= k - 1) {
                BigFraction ti = in.a.add(len.multiply(i).divide(k));
                boolean right = i % 2 == 1;
                p.put("w" + i, right ? BigFraction.ONE : BigFraction.MINUS_ONE);
                p.put("b" + i, right ? ti.negate() : ti);
                p.put("v" + i, right ? slope : slope.negate());
            } else { // dead: kink beyond b, inactive on [a, b]
                p.put("w" + i, BigFraction.ONE);
                p.put("b" + i, in.b.abs().add(in.a.abs()).add(1).negate());
                p.put("v" + i, BigFraction.ONE);
            }
        }
        // c from int r = 0, i.e. dL/dc = 0, which is linear in c: solve it in Symja
        List<Integer> order = new ArrayList<>();
        p.put("c", BigFraction.ZERO);
        NeuronType[] types = types(in, p, order);
        p.remove("c");
        definePolyInt();
        session.eval("crL = Expand[(" + lossText(in, types, order) + ") /. " + rules(p) + "]");
        IExpr sol = session.eval("c /. First[Solve[D[crL, c] == 0, c]]");
        p.put("c", q(sol.toString()));
        return p;
    }

    /**
     * Solves grad L = 0 in one region in the gauge (v_j = 1 for ACTIVE, w_j = +-1 for kink neurons) with Solve, and
     * through a Groebner basis when Solve gives nothing. Solutions are reported as rescaling families.
     */
    public List<Family> solveRegion(Instance in, NeuronType[] types, List<Integer> order) throws SymbolicException {
        List<String> free = new ArrayList<>();
        String g = gauge(in, types, free);
        definePolyInt();
        String fl = "{" + String.join(", ", free) + "}";
        session.eval("crR = Expand[(" + lossText(in, types, order) + ") /. " + g + "]");
        session.eval("crG = D[crR, {" + fl + "}]");
        IExpr sols = session.eval("Quiet[Solve[Thread[crG == 0], " + fl + "]]");
        if (!(sols instanceof IAST s && s.isList() && s.argSize() > 0 && s.arg1().isList() && ((IAST) s.arg1()).argSize() == free.size())) {
            session.eval("crB = GroebnerBasis[crG, " + fl + "]");
            sols = session.eval("Quiet[Solve[Thread[crB == 0], " + fl + "]]");
        }
        List<Family> out = new ArrayList<>();
        if (!(sols instanceof IAST list) || !list.isList()) return out;
        for (int i = 1; i <= list.argSize(); i++) {
            IExpr sol = list.get(i);
            Map<String, String> vals = new LinkedHashMap<>();
            Map<String, BigFraction> exact = new LinkedHashMap<>();
            boolean rational = true;
            for (String v : free) {
                IExpr val = session.eval(v + " /. " + sol);
                vals.put(v, val.toString());
                if (val.isRational()) exact.put(v, q(val.toString())); else rational = false;
            }
            boolean inside = rational && inside(in, types, order, exact);
            IExpr lv = session.eval("Together[crR /. " + sol + "]");
            out.add(new Family(describe(types, order), parametrization(in, types, vals), vals, inside, lv.toString()));
        }
        return out;
    }

    private static boolean inside(Instance in, NeuronType[] types, List<Integer> order, Map<String, BigFraction> g) {
        BigFraction prev = in.a;
        for (int j : order) {
            BigFraction sign = types[j - 1] == NeuronType.RIGHT ? BigFraction.ONE : BigFraction.MINUS_ONE;
            BigFraction t = g.get("b" + j).negate().divide(sign);
            if (t.compareTo(prev) <= 0 || t.compareTo(in.b) >= 0) return false;
            prev = t;
        }
        for (int j = 1; j <= types.length; j++) {
            if (types[j - 1] != NeuronType.ACTIVE) continue;
            BigFraction w = g.get("w" + j), b = g.get("b" + j);
            if (w.multiply(in.a).add(b).signum() <= 0 || w.multiply(in.b).add(b).signum() <= 0) return false;
        }
        return true;
    }

    private static String parametrization(Instance in, NeuronType[] types, Map<String, String> v) {
        List<String> parts = new ArrayList<>();
        for (int j = 1; j <= in.width; j++) {
            switch (types[j - 1]) {
                case ACTIVE -> parts.add("v" + j + " = s" + j + ", w" + j + " = (" + v.get("w" + j) + ")/s" + j
                        + ", b" + j + " = (" + v.get("b" + j) + ")/s" + j);
                case RIGHT, LEFT -> parts.add("w" + j + " = " + (types[j - 1] == NeuronType.LEFT ? "-" : "") + "s" + j
                        + ", b" + j + " = (" + v.get("b" + j) + ")*s" + j + ", v" + j + " = (" + v.get("v" + j) + ")/s" + j);
                case INACTIVE -> parts.add("(w" + j + ", b" + j + ", v" + j + ") any with w" + j + " x + b" + j + " < 0 on [a, b]");
            }
        }
        if (in.outputBias) parts.add("c = " + v.get("c"));
        return String.join("; ", parts) + (parts.isEmpty() ? "" : "; s_j > 0 (s_j != 0 for active neurons)");
    }
}
