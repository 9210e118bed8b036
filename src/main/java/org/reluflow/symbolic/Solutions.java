package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/** Solving polynomial systems with Symja's Solve around its traps, and the rule lists that carry solutions. */
final class Solutions {
    private Solutions() {}

    /**
     * The solutions of {@code equations == 0} (Symja text of a list of expressions) for the variables that occur in
     * them; variables that do not occur stay free (absent from every solution map). Symja's Solve answers {{}}, i.e.
     * "anything", when asked for a variable that occurs in no equation, which would lose the equations' content.
     * An empty or all-zero system has the one solution {} (everything free).
     */
    static List<Map<String, IExpr>> solve(SymjaSession session, String equations, List<String> variables) throws SymbolicException {
        session.eval("slE = DeleteCases[Expand[" + equations + "], 0]");
        List<String> occurring = new ArrayList<>();
        for (String v : variables) if (!session.eval("FreeQ[slE, " + v + "]").isTrue()) occurring.add(v);
        List<Map<String, IExpr>> out = new ArrayList<>();
        if (session.eval("slE === {}").isTrue()) { out.add(new LinkedHashMap<>()); return out; }
        if (occurring.isEmpty()) return out; // nonzero constants: no solution
        List<IExpr> solutions = lists(session.eval("Quiet[Solve[Thread[slE == 0], {" + String.join(", ", occurring) + "}]]"));
        String system = session.eval("slE").fullFormString();
        for (IExpr s : solutions) {
            Map<String, IExpr> m = toMap(exact(session, s, system));
            // Symja's Solve can drop equations of an underdetermined system: whatever is left is solved in turn for
            // the variables still free, and composed
            String rest = "(" + system + " /. " + rules(m) + ")";
            List<String> open = variables.stream().filter(v -> !m.containsKey(v)).toList();
            if (session.eval("AllTrue[Expand[" + rest + "], PossibleZeroQ]").isTrue()) { out.add(m); continue; }
            if (open.size() == variables.size()) continue; // no progress: Solve's answer is not a solution
            for (Map<String, IExpr> more : solve(session, rest, open)) {
                Map<String, IExpr> composed = new LinkedHashMap<>();
                for (var e : m.entrySet())
                    composed.put(e.getKey(), more.isEmpty() ? e.getValue()
                            : session.eval("Together[" + e.getValue().fullFormString() + " /. " + rules(more) + "]"));
                composed.putAll(more);
                out.add(composed);
            }
        }
        return out;
    }

    /**
     * The solution with exact numbers only. Symja's Solve sometimes answers with floats (-2.0); such a solution is
     * rationalized and kept only if it then satisfies the system exactly (every equation expands to a literal 0).
     */
    private static IExpr exact(SymjaSession session, IExpr solution, String system) throws SymbolicException {
        if (session.eval("FreeQ[" + solution.fullFormString() + ", _Real]").isTrue()) return solution;
        IExpr rational = session.eval("Rationalize[" + solution.fullFormString() + "]");
        boolean exactZero = session.eval("FreeQ[" + rational.fullFormString() + ", _Real] && "
                + "AllTrue[Together[Expand[" + system + " /. " + rational.fullFormString() + "]], # === 0 &]").isTrue();
        if (!exactZero)
            throw new SymbolicException("Solve returned an inexact solution that is not an exact one once rationalized: "
                    + solution, false);
        return rational;
    }

    /** Refuses a point holding floats: a certificate must be computed in exact arithmetic. */
    static void requireExact(SymjaSession session, Map<String, IExpr> point) throws SymbolicException {
        for (var e : point.entrySet())
            if (!session.eval("FreeQ[" + e.getValue().fullFormString() + ", _Real]").isTrue())
                throw new SymbolicException("inexact value " + e.getKey() + " = " + e.getValue() + ": nothing to certify exactly", false);
    }

    /** Symja rule list of a point; FullForm re-enters Symja safely (toString() prints Sqrt(2), a product in strict syntax). */
    static String rules(Map<String, IExpr> p) {
        StringBuilder sb = new StringBuilder("{");
        p.forEach((k, val) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(" -> ").append(val.fullFormString()));
        return sb.append("}").toString();
    }

    static List<IExpr> lists(IExpr solutions) {
        List<IExpr> out = new ArrayList<>();
        if (solutions instanceof IAST list && list.isList())
            for (int i = 1; i <= list.argSize(); i++) if (list.get(i).isList()) out.add(list.get(i));
        return out;
    }

    static Map<String, IExpr> toMap(IExpr solution) {
        Map<String, IExpr> m = new LinkedHashMap<>();
        if (solution instanceof IAST rules)
            for (int i = 1; i <= rules.argSize(); i++)
                if (rules.get(i).isRuleAST()) m.put(((IAST) rules.get(i)).arg1().toString(), ((IAST) rules.get(i)).arg2());
        return m;
    }
}
