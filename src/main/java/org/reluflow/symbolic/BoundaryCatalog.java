package org.reluflow.symbolic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Closed-form boundaries and rates derived by Symja at run time (not typed in): each entry names the Symja derivation,
 * and the derived expression is shown in TeX and evaluated by substituting numbers through Symja's N.
 */
public final class BoundaryCatalog {

    /** A named derivation: parameters with defaults, a one-line description, and the Symja program deriving it. */
    public record Entry(String name, String description, Map<String, Double> defaults, String derivation) {}

    /** A derived boundary: exact expression, TeX, and its value at the given parameters. */
    public record Derived(Entry entry, String expression, String tex, double value) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    private static void add(String name, String desc, Map<String, Double> d, String derivation) {
        ENTRIES.put(name, new Entry(name, desc, d, derivation));
    }

    static {
        add("hb-rate", "heavy-ball limiting ODE e'' + gamma e' + lambda e = 0: decay rate rho = -max Re s",
                Map.of("gamma", 1.0, "lambda", 0.5),
                "-Max[Re[s /. Solve[s^2 + gamma*s + lambda == 0, s]]]");
        add("hb-damping-boundary", "critical damping gamma where the roots of s^2 + gamma s + lambda merge (discriminant = 0, gamma > 0)",
                Map.of("lambda", 0.5),
                "gamma /. Last[Solve[Discriminant[s^2 + gamma*s + lambda, s] == 0, gamma]]");
        add("gd-stable", "GD on a lambda-mode: 1 if |1 - eta lambda| < 1 (Jury on z - (1 - eta lambda)), else 0",
                Map.of("eta", 0.1, "lambda", 1.0),
                "Boole[Abs[Coefficient[z - (1 - eta*lambda), z, 0]] < 1]");
        add("hb-stable", "heavy ball on a lambda-mode: 1 if the Jury conditions on z^2 - (1 + beta - eta lambda) z + beta hold, else 0",
                Map.of("eta", 0.1, "beta", 0.9, "lambda", 1.0),
                "With[{p = z^2 - (1 + beta - eta*lambda)*z + beta}, Boole[(p /. z -> 1) > 0 && (p /. z -> -1) > 0 && Abs[Coefficient[p, z, 0]] < 1]]");
    }

    public static List<Entry> entries() { return List.copyOf(ENTRIES.values()); }

    public static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) throw new IllegalArgumentException("unknown boundary '" + name + "'; known: " + String.join(", ", ENTRIES.keySet()));
        return e;
    }

    /** Derives the entry symbolically (parameters as symbols) and evaluates it at {@code params} (defaults fill gaps). */
    public static Derived derive(SymjaSession session, String name, Map<String, Double> params) throws SymbolicException {
        Entry e = entry(name);
        for (String k : params.keySet())
            if (!e.defaults().containsKey(k))
                throw new IllegalArgumentException("boundary " + name + " has no parameter '" + k + "'; parameters: " + e.defaults().keySet());
        Map<String, Double> p = new LinkedHashMap<>(e.defaults());
        p.putAll(params);
        IExpr symbolic = session.eval("Simplify[" + e.derivation() + "]");
        String tex = session.eval(org.matheclipse.core.expression.F.TeXForm(symbolic)).toString();
        StringBuilder rules = new StringBuilder("{");
        p.forEach((k, v) -> rules.append(rules.length() > 1 ? ", " : "").append(k).append(" = ").append(new java.math.BigDecimal(v).toPlainString()));
        rules.append("}");
        // With substitutes exact decimals before evaluation (Max/Re/Abs decide only once numbers are in)
        IExpr val = session.eval("With[" + rules + ", N[" + e.derivation() + "]]");
        double v;
        try { v = val.evalf(); } catch (RuntimeException ex) { throw new SymbolicException("boundary " + name + " did not evaluate to a number: " + val, false); }
        return new Derived(e, symbolic.toString(), tex, v);
    }
}
