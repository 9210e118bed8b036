package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed-form rates and boundaries of the four papers' settings, each derived by Symja from its defining equation
 * (a characteristic polynomial, a linearization, an asymptotic form) rather than typed in. Each boundary has named
 * parameters with defaults; {@link #compute} substitutes them and evaluates every derived quantity numerically.
 * Parameters are numbers, or comma-separated lists for the data-dependent boundaries.
 */
public final class Boundaries {
    private Boundaries() {}

    /** A boundary's definition: Symja statements that define the named results from the parameters. */
    public record Definition(String name, String description, Map<String, String> defaults, List<String> steps,
                             List<String> results) {}

    /** One derived quantity: its expression in the parameters (text and TeX) and its value at the given parameters. */
    public record Quantity(String name, String expression, String tex, String value) {}

    public record Result(Definition definition, Map<String, String> parameters, List<Quantity> quantities) {}

    private static Definition def(String name, String description, Map<String, String> defaults, List<String> steps, List<String> results) {
        return new Definition(name, description, defaults, steps, results);
    }

    /** The catalog, in display order. */
    public static List<Definition> catalog() {
        List<Definition> c = new ArrayList<>();
        c.add(def("hb-rate", "Heavy-ball limiting ODE e'' + gamma e' + lambda e = 0: roots of s^2 + gamma s + lambda and the linear rate",
                ordered("gamma", "1", "lambda", "0.25"),
                List.of("roots = s /. Solve[s^2 + gamma*s + lambda == 0, s]",
                        "rate = -Max[Re[roots]]"),
                List.of("roots", "rate")));
        c.add(def("hb-damping", "Critical damping of the heavy-ball ODE: where the discriminant of s^2 + gamma s + lambda vanishes (gamma > 0)",
                ordered("lambda", "0.25"),
                List.of("crit = gamma /. Solve[Discriminant[s^2 + gamma*s + lambda, s] == 0, gamma]",
                        "gammaStar = Max[crit]",
                        "rateAtCritical = -Max[Re[s /. Solve[s^2 + gammaStar*s + lambda == 0, s]]]"),
                List.of("crit", "gammaStar", "rateAtCritical")));
        c.add(def("gd-stability", "Gradient descent on a quadratic mode: e_{k+1} = (1 - eta lambda) e_k; stable iff the root's modulus is < 1",
                ordered("eta", "0.5", "lambda", "1"),
                List.of("root = z /. First[Solve[z - (1 - eta*lambda) == 0, z]]",
                        "radius = Abs[root]",
                        "etaMax = eta /. First[Solve[root == -1, eta]]"),
                List.of("root", "radius", "etaMax")));
        c.add(def("hb-stability", "Heavy ball on a quadratic mode: characteristic polynomial z^2 - (1 + beta - eta lambda) z + beta; "
                        + "Schur-Cohn/Jury conditions |a0| < 1, |a1| < 1 + a0 and the spectral radius",
                ordered("eta", "0.5", "beta", "0.5", "lambda", "1"),
                List.of("charPoly = z^2 - (1 + beta - eta*lambda)*z + beta",
                        "a1 = Coefficient[charPoly, z, 1]", "a0 = Coefficient[charPoly, z, 0]",
                        "jury = {Abs[a0] < 1, Abs[a1] < 1 + a0}",
                        "radius = Max[Abs[z /. Solve[charPoly == 0, z]]]"),
                List.of("charPoly", "jury", "radius")));
        c.add(def("nesterov-ode", "Nesterov limiting ODE e'' + (r/t) e' + lambda e = 0, e(0) = 1, e'(0) = 0: the Bessel solution and "
                        + "the exponent of its envelope t^(-r/2), from J_nu(x) ~ Sqrt[2/(Pi x)] Cos[...]",
                ordered("r", "3", "lambda", "1", "t", "10"),
                List.of("nu = (r - 1)/2",
                        "solution = Gamma[nu + 1]*(2/(Sqrt[lambda]*t))^nu*BesselJ[nu, Sqrt[lambda]*t]",
                        "envelopeExponent = Simplify[t*D[Log[(2/(Sqrt[lambda]*t))^nu*Sqrt[2/(Pi*Sqrt[lambda]*t)]], t]]",
                        "residual = D[solution, {t, 2}] + r/t*D[solution, t] + lambda*solution"),
                List.of("solution", "envelopeExponent", "residual")));
        c.add(def("orthogonal", "Orthogonal inputs x_k = norm_k e_k, square loss (1/2n) sum (h - y)^2: early growth rates r+- "
                        + "(largest eigenvalue of a full-set neuron's linearization), escape times ln(1/lambda)/r+-, plateau levels "
                        + "L0 and L1, and the minimum-norm interpolator's norms |beta+-|",
                ordered("norms", "1,1,1,1", "labels", "1,0.5,-0.2,-0.1", "lambda", "0.001"),
                List.of("n = Length[labels]",
                        "pos = Flatten[Position[labels, _?Positive]]", "neg = Flatten[Position[labels, _?Negative]]",
                        "dPlus = Sqrt[Total[(labels[[pos]]*norms[[pos]])^2]]", "dMinus = Sqrt[Total[(labels[[neg]]*norms[[neg]])^2]]",
                        "rPlus = Max[Eigenvalues[{{0, dPlus/n}, {dPlus/n, 0}}]]", "rMinus = Max[Eigenvalues[{{0, dMinus/n}, {dMinus/n, 0}}]]",
                        "tPlus = Log[1/lambda]/rPlus", "tMinus = Log[1/lambda]/rMinus",
                        "L0 = Total[labels^2]/(2*n)", "L1 = Total[labels[[neg]]^2]/(2*n)",
                        "betaPlus = Sqrt[Total[labels[[pos]]^2/norms[[pos]]^2]]", "betaMinus = Sqrt[Total[labels[[neg]]^2/norms[[neg]]^2]]",
                        "minNorm = betaPlus + betaMinus"),
                List.of("rPlus", "rMinus", "tPlus", "tMinus", "L0", "L1", "betaPlus", "betaMinus", "minNorm")));
        c.add(def("two-point", "Two points x+ = (1, 0), x- = (cos D, sin D) with class weights p, q, exponential loss near f = 0: growth "
                        + "rate of a positive neuron active on both points |p x+ - q x-|, on x+ alone p, sliding on {b.x- = 0} p sin D, "
                        + "and the switching rule (stays active on x- iff p cos D > q)",
                ordered("p", "0.9", "q", "0.1", "angle", "0.3"),
                List.of("xp = {1, 0}", "xm = {Cos[angle], Sin[angle]}",
                        "rBoth = Simplify[Norm[p*xp - q*xm]]",
                        "rSliding = Simplify[Norm[p*(xp - (xp . xm)*xm)]]",
                        "staysActiveOnMinus = p*Cos[angle] - q"),
                List.of("rBoth", "rSliding", "staysActiveOnMinus")));
        c.add(def("ntk", "NTK limit of a ReLU network on unit inputs: H-infinity_ik = <x_i, x_k> (Pi - ArcCos[<x_i, x_k>]) / (2 Pi) "
                        + "and lambda_0, its smallest eigenvalue (inputs as flattened rows, dim = input dimension)",
                ordered("inputs", "1,0,0.6,0.8,0,1", "dim", "2"),
                List.of("xs = Map[#/Norm[#] &, Partition[inputs, dim]]",
                        "gram = Table[xs[[i]] . xs[[k]], {i, Length[xs]}, {k, Length[xs]}]",
                        "hInf = gram*(Pi - ArcCos[gram])/(2*Pi)",
                        "lambda0 = Min[Eigenvalues[N[hInf]]]"),
                List.of("hInf", "lambda0")));
        return c;
    }

    public static Definition find(String name) {
        return catalog().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no boundary named '" + name + "'; see --list"));
    }

    /**
     * Derives every result of the definition symbolically (parameters as symbols, where the definition allows it)
     * and evaluates it at the given parameters (defaults for the missing ones).
     *
     * @throws IllegalArgumentException for an unknown parameter or a value that is not a number (list)
     */
    public static Result compute(SymjaSession session, Definition d, Map<String, String> given) throws SymbolicException {
        Map<String, String> params = new LinkedHashMap<>(d.defaults());
        for (var e : given.entrySet()) {
            if (!d.defaults().containsKey(e.getKey()))
                throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' for " + d.name() + "; parameters: " + d.defaults().keySet());
            params.put(e.getKey(), e.getValue());
        }
        StringBuilder assign = new StringBuilder();
        for (var e : params.entrySet()) {
            String v = e.getValue().strip();
            if (!v.matches("[-+0-9.eE, ]+")) throw new IllegalArgumentException("parameter " + e.getKey() + " must be a number or a list of numbers, got '" + v + "'");
            String[] parts = v.split(",");
            List<String> exact = new ArrayList<>();
            for (String p : parts) {
                try {
                    exact.add(Rationals.symja(Double.parseDouble(p.strip())));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("parameter " + e.getKey() + ": '" + p.strip() + "' is not a number");
                }
            }
            assign.append(e.getKey()).append(" = ").append(parts.length == 1 && !d.defaults().get(e.getKey()).contains(",")
                    ? exact.get(0) : "{" + String.join(", ", exact) + "}").append("; ");
        }
        // every name a step assigns, and the parameters, stay local to one evaluation: nothing leaks into the session
        List<String> locals = new ArrayList<>(params.keySet());
        for (String step : d.steps()) locals.add(step.substring(0, step.indexOf('=')).strip());
        String block = "Block[{" + String.join(", ", locals) + "}, ";
        String steps = String.join("; ", d.steps());
        String results = "{" + String.join(", ", d.results()) + "}";
        boolean allScalar = params.values().stream().noneMatch(v -> v.contains(","));
        List<Quantity> out = new ArrayList<>();
        if (allScalar) {
            org.matheclipse.core.interfaces.IExpr symbolic = session.eval(block + steps + "; " + results + "]");
            StringBuilder rules = new StringBuilder("{");
            for (String k : params.keySet()) rules.append(rules.length() > 1 ? ", " : "").append(k).append(" -> ").append(k + "$v");
            String values = assign.toString().replaceAll("(\\w+) = ", "$1\\$v = ");
            for (int k = 0; k < d.results().size(); k++) {
                String expr = ((org.matheclipse.core.interfaces.IAST) symbolic).get(k + 1).fullFormString();
                String text = session.eval("InputForm[" + expr + "]").toString();
                String tex = session.eval("TeXForm[" + expr + "]").toString();
                String value = format(session.eval("Block[{" + String.join(", ", params.keySet().stream().map(x -> x + "$v").toList())
                        + "}, " + values + "N[(" + expr + ") /. " + rules + "}]]"));
                out.add(new Quantity(d.results().get(k), text, tex, value));
            }
        } else {
            org.matheclipse.core.interfaces.IExpr numeric = session.eval(block + assign + steps + "; N[" + results + "]]");
            for (int k = 0; k < d.results().size(); k++)
                out.add(new Quantity(d.results().get(k), "(data-dependent: see the steps)", "",
                        format(((org.matheclipse.core.interfaces.IAST) numeric).get(k + 1))));
        }
        return new Result(d, params, out);
    }

    /** Numbers with full double precision (Symja prints a lone double with 6 digits), lists element by element. */
    static String format(org.matheclipse.core.interfaces.IExpr e) {
        if (e.isList()) {
            List<String> parts = new ArrayList<>();
            for (int k = 1; k <= e.argSize(); k++) parts.add(format(((org.matheclipse.core.interfaces.IAST) e).get(k)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (e.isReal()) return Double.toString(e.evalf());
        return e.toString();
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
