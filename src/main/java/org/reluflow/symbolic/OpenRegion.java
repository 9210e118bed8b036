package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.interval.Interval;
import org.matheclipse.core.interfaces.IExpr;
import org.reluflow.symbolic.CriticalPoints.Placement;

/**
 * Whether a solution family of a region's polynomial system meets the open region, given as conditions "expression
 * &gt; 0". Conditions without free parameters are decided by their exact sign. Conditions affine in the free
 * parameters are decided exactly by Fourier-Motzkin elimination over the rationals, which also yields a rational
 * member inside; other conditions fall back to a search over small rationals, and UNDECIDED when it finds nothing.
 */
final class OpenRegion {
    private OpenRegion() {}

    /** The placement, and a rational member inside (values of every free parameter) when one is known. */
    record Decision(Placement placement, Map<String, IExpr> member) {}

    static final List<String> SMALL_RATIONALS = List.of("1", "-1", "1/2", "-1/2", "2", "-2", "0", "3", "-3", "1/3", "-1/3");

    /**
     * @param positive   conditions (Symja text in the region's variables) that must all be &gt; 0
     * @param values     the family: values of the solved variables, possibly in terms of the free ones
     * @param free       the free parameters of the family
     * @param candidates search values per free parameter for the fallback (default {@link #SMALL_RATIONALS})
     */
    static Decision decide(SymjaSession session, List<String> positive, Map<String, IExpr> values, List<String> free,
                           Map<String, List<String>> candidates) throws SymbolicException {
        String r = Solutions.rules(values);
        List<IExpr> open = new ArrayList<>();
        boolean undecided = false;
        for (String cond : positive) {
            IExpr e = session.eval("Together[(" + cond + ") /. " + r + "]");
            if (!freeOf(session, e, free)) { open.add(e); continue; }
            int sign = sign(e);
            if (sign == 0 || sign == -1) return new Decision(Placement.OUTSIDE, null);
            if (sign != 1) undecided = true;
        }
        if (undecided) return new Decision(Placement.UNDECIDED, null);
        if (open.isEmpty()) return new Decision(Placement.INSIDE, Map.of());
        List<Affine> affine = new ArrayList<>();
        for (IExpr e : open) {
            Affine a = Affine.of(session, e, free);
            if (a == null) { affine = null; break; }
            affine.add(a);
        }
        if (affine != null) {
            Map<String, BigFraction> w = feasible(affine, free);
            if (w == null) return new Decision(Placement.OUTSIDE, null);
            Map<String, IExpr> member = new LinkedHashMap<>();
            for (String v : free) member.put(v, session.eval(Rationals.symja(w.getOrDefault(v, BigFraction.ZERO))));
            return new Decision(Placement.PARTLY_INSIDE, member);
        }
        return search(session, open, free, candidates);
    }

    private static boolean freeOf(SymjaSession session, IExpr e, List<String> vars) throws SymbolicException {
        for (String v : vars) if (!session.eval("FreeQ[" + e.fullFormString() + ", " + v + "]").isTrue()) return false;
        return true;
    }

    /**
     * Sign of an exact number: -1, 0, 1; 2 when it is not decided (free symbols, or an irrational whose enclosure
     * holds 0). Irrational numbers (radicals from Solve) are enclosed by evaluating their expression in outward-rounded
     * interval arithmetic; Symja's own Sign is numeric, and wrong on exact algebraic zeros
     * (Sign[Sqrt[2] + Sqrt[3] - Sqrt[5 + 2 Sqrt[6]]] gives 1).
     */
    static int sign(IExpr x) {
        if (x.isRational()) return CriticalPoints.q(x.toString()).signum();
        if (!x.isNumericFunction()) return 2;
        try {
            Interval v = StraightLineProgram.compile(x, List.of()).evaluate(IntervalArithmetic.INSTANCE, List.of()).get(0);
            return v.lo() > 0 ? 1 : v.hi() < 0 ? -1 : 2;
        } catch (RuntimeException notCompilable) { // a head the compiler has no interval rule for (Root, ...)
            return 2;
        }
    }

    private static Decision search(SymjaSession session, List<IExpr> open, List<String> free, Map<String, List<String>> candidates)
            throws SymbolicException {
        List<List<String>> lists = free.stream().map(v -> candidates.getOrDefault(v, SMALL_RATIONALS)).toList();
        int combos = 1;
        for (List<String> l : lists) combos = Math.min(500, combos * l.size());
        for (int code = 0; code < combos; code++) {
            Map<String, IExpr> choice = new LinkedHashMap<>();
            for (int i = 0, c = code; i < free.size(); c /= lists.get(i).size(), i++)
                choice.put(free.get(i), session.eval(lists.get(i).get(c % lists.get(i).size())));
            boolean inside = true;
            for (IExpr e : open) {
                IExpr v = session.eval("Together[" + e.fullFormString() + " /. " + Solutions.rules(choice) + "]");
                if (!v.isRational() || CriticalPoints.q(v.toString()).signum() <= 0) { inside = false; break; }
            }
            if (inside) return new Decision(Placement.PARTLY_INSIDE, choice);
        }
        return new Decision(Placement.UNDECIDED, null);
    }

    /** c + sum_v coefficient_v v, exact. */
    record Affine(BigFraction constant, Map<String, BigFraction> coefficients) {
        static Affine of(SymjaSession session, IExpr e, List<String> free) throws SymbolicException {
            String f = e.fullFormString(), vars = "{" + String.join(", ", free) + "}";
            if (!session.eval("AllTrue[Flatten[D[" + f + ", {" + vars + ", 2}]], PossibleZeroQ]").isTrue()) return null;
            Map<String, BigFraction> coefficients = new LinkedHashMap<>();
            Map<String, IExpr> zero = new LinkedHashMap<>();
            for (String v : free) zero.put(v, session.eval("0"));
            for (String v : free) {
                IExpr c = session.eval("Together[D[" + f + ", " + v + "] /. " + Solutions.rules(zero) + "]");
                if (!c.isRational()) return null;
                coefficients.put(v, CriticalPoints.q(c.toString()));
            }
            IExpr c0 = session.eval("Together[" + f + " /. " + Solutions.rules(zero) + "]");
            return c0.isRational() ? new Affine(CriticalPoints.q(c0.toString()), coefficients) : null;
        }

        BigFraction at(Map<String, BigFraction> point) {
            BigFraction s = constant;
            for (var e : coefficients.entrySet()) s = s.add(e.getValue().multiply(point.getOrDefault(e.getKey(), BigFraction.ZERO)));
            return s;
        }

        BigFraction coefficient(String v) { return coefficients.getOrDefault(v, BigFraction.ZERO); }
    }

    /**
     * A rational point where every form is &gt; 0, or null when there is none: Fourier-Motzkin elimination of the
     * variables in order (strict inequalities stay strict), then back-substitution, choosing each variable strictly
     * between its bounds.
     */
    static Map<String, BigFraction> feasible(List<Affine> forms, List<String> vars) {
        if (vars.isEmpty()) {
            for (Affine f : forms) if (f.constant().signum() <= 0) return null;
            return new LinkedHashMap<>();
        }
        String x = vars.get(0);
        List<Affine> lower = new ArrayList<>(), upper = new ArrayList<>(), rest = new ArrayList<>();
        for (Affine f : forms) {
            int s = f.coefficient(x).signum();
            (s > 0 ? lower : s < 0 ? upper : rest).add(f);
        }
        // f > 0 with coefficient k: x > -(f - k x)/k when k > 0, x < ... when k < 0; l/k_l - u/k_u combines to a form without x
        for (Affine l : lower)
            for (Affine u : upper) {
                BigFraction kl = l.coefficient(x), ku = u.coefficient(x).negate();
                rest.add(combine(l, ku, u, kl, x));
            }
        Map<String, BigFraction> point = feasible(rest, vars.subList(1, vars.size()));
        if (point == null) return null;
        BigFraction lo = null, hi = null;
        for (Affine l : lower) { BigFraction b = bound(l, x, point); lo = lo == null || b.compareTo(lo) > 0 ? b : lo; }
        for (Affine u : upper) { BigFraction b = bound(u, x, point); hi = hi == null || b.compareTo(hi) < 0 ? b : hi; }
        BigFraction value = lo != null && hi != null ? lo.add(hi).divide(2)
                : lo != null ? lo.add(1) : hi != null ? hi.subtract(1) : BigFraction.ZERO;
        point.put(x, value);
        return point;
    }

    /** a * p + b * q with the variable x cancelled (a, b > 0 keep the strict inequality). */
    private static Affine combine(Affine p, BigFraction a, Affine q, BigFraction b, String x) {
        Map<String, BigFraction> c = new LinkedHashMap<>();
        for (String v : p.coefficients().keySet()) c.merge(v, p.coefficient(v).multiply(a), BigFraction::add);
        for (String v : q.coefficients().keySet()) c.merge(v, q.coefficient(v).multiply(b), BigFraction::add);
        c.remove(x);
        return new Affine(p.constant().multiply(a).add(q.constant().multiply(b)), c);
    }

    /** The value of x where the form vanishes, the other variables at point. */
    private static BigFraction bound(Affine f, String x, Map<String, BigFraction> point) {
        Map<String, BigFraction> others = new LinkedHashMap<>(point);
        others.remove(x);
        return f.at(others).negate().divide(f.coefficient(x));
    }
}
