package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Problem;

/**
 * Per-neuron templates of the gradient-flow field and of the Hessian, derived by Symja once for a generic neuron and
 * valid for any width. The derivation differentiates one sample's term p ell(f) of the loss, with ell an undefined
 * function and f = c + s (a_j S z + f_rest), z = w_jk x_k + b_j + z_rest: inside an activation region sigma(z) = S z
 * with a constant gate slope S, so nothing else about the network is needed. Writing ellp = ell'(f), ellpp = ell''(f):
 * <pre>
 *   a_j'  = -sum_i p_i s S_ij z_ij ellp_i        w_jk' = -sum_i p_i s a_j S_ij x_ik ellp_i
 *   b_j'  = -sum_i p_i s a_j S_ij ellp_i         c'    = -sum_i p_i ellp_i
 * </pre>
 * {@link #instantiate} writes a template out for a concrete problem and region, at a cost linear in the width, which
 * is how wide networks get their fields without differentiating the whole loss (reference/stack.md 2.g).
 * {@link #hessian} does the same for the Hessian: every entry is one block template (same neuron or two neurons; a, w,
 * b, c) summed over the samples, so its cost is linear in the number of entries times n d.
 */
public final class Templates {
    private Templates() {}

    /** A derived template: the parameter (or Hessian entry) and its per-sample summand in Symja syntax. */
    public record Template(String parameter, String summand) {
        /** The template as a sum over samples, with per-sample quantities indexed by i. */
        public String symja() {
            String t = summand;
            for (String[] r : INDEXED) t = t.replaceAll("\\b" + r[0] + "\\b", r[1]);
            return "Sum[" + t + ", {i, 1, n}]";
        }
    }

    private static final String[][] INDEXED = {{"p", "p[i]"}, {"S", "S[i]"}, {"z", "z[i]"}, {"xk", "x[i, k]"}, {"xl", "x[i, l]"},
            {"xq", "x[i, q]"}, {"ellp", "ellp[i]"}, {"ellpp", "ellpp[i]"}, {"S2", "S2[i]"}, {"z2", "z2[i]"}};

    /**
     * Output of the generic network: neuron j (a_j = aj, gate S, inputs k and l) and a second neuron l (a_l = a2, gate
     * S2, input q), everything else in frest and zrest. The second neuron's weights are explicit so that the
     * two-neuron Hessian blocks can be taken; in every template its pre-activation is then folded into z2.
     */
    private static final String GENERIC_OUTPUT =
            "c + s*(aj*S*(wjk*xk + wjl*xl + bj + zrest) + a2*S2*(w2q*xq + b2 + z2rest) + frest)";
    private static final String PREACTIVATION = "(wjk*xk + wjl*xl + bj + zrest)";
    private static final String PREACTIVATION2 = "(w2q*xq + b2 + z2rest)";

    /**
     * Derives the field templates of a_j, w_jk, b_j and c, and the Hessian block templates of every pair of parameter
     * kinds (same neuron, two neurons j != l with the second neuron's a_l = a2, gate S2, pre-activation z2 and input
     * q, and c), by differentiating p ell(f) with Symja. The Hessian blocks cover the whole parameter layout, a_j
     * included even when the output layer is not trained, because {@link RegionField} differentiates in all of it.
     */
    public static List<Template> derive(SymjaSession session, Architecture arch) throws SymbolicException {
        Map<String, String> targets = new LinkedHashMap<>();
        if (arch.trainOutputLayer()) targets.put("a_j'", "-D[term, aj]");
        targets.put("w_jk'", "-D[term, wjk]");
        if (arch.hiddenBias()) targets.put("b_j'", "-D[term, bj]");
        if (arch.outputBias()) targets.put("c'", "-D[term, c]");
        targets.putAll(hessianTargets(arch));
        List<Template> out = new ArrayList<>();
        for (var e : targets.entrySet()) {
            IExpr d = session.eval("Block[{term = p*ell[" + GENERIC_OUTPUT + "]}, " + e.getValue() + "] /. {Derivative[1][ell][_] -> ellp, "
                    + "Derivative[2][ell][_] -> ellpp} /. {" + PREACTIVATION + " -> z, " + PREACTIVATION2 + " -> z2}");
            String text = session.eval("InputForm[" + d.fullFormString() + "]").toString();
            if (text.matches("(?s).*\\b(w[j2][klq]|bj|b2|zrest|z2rest|frest|ell|Derivative)\\b.*"))
                throw new SymbolicException("template " + e.getKey() + " kept a generic symbol: " + text, false);
            out.add(new Template(e.getKey(), text));
        }
        return out;
    }

    /**
     * The Hessian blocks as derivatives of the generic term: the first parameter belongs to neuron j, the second to
     * neuron j ("same neuron") or to neuron l != j ("two neurons"). Within a region the two-neuron blocks other than
     * H[a_j, w_lq] and H[a_j, b_l] involve ell'' only: f is linear in each neuron's w and b.
     */
    private static Map<String, String> hessianTargets(Architecture arch) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("H[a_j, a_j]", "D[term, aj, aj]");
        t.put("H[a_j, w_jk]", "D[term, aj, wjk]");
        t.put("H[a_j, a_l]", "D[term, aj, a2]");
        t.put("H[w_jk, w_jl]", "D[term, wjk, wjl]");
        t.put("H[a_j, w_lq]", "D[term, aj, w2q]");
        t.put("H[w_jk, w_lq]", "D[term, wjk, w2q]");
        if (arch.hiddenBias()) {
            t.put("H[a_j, b_j]", "D[term, aj, bj]");
            t.put("H[w_jk, b_j]", "D[term, wjk, bj]");
            t.put("H[b_j, b_j]", "D[term, bj, bj]");
            t.put("H[a_j, b_l]", "D[term, aj, b2]");
            t.put("H[w_jk, b_l]", "D[term, wjk, b2]");
            t.put("H[b_j, b_l]", "D[term, bj, b2]");
        }
        if (arch.outputBias()) {
            t.put("H[a_j, c]", "D[term, aj, c]");
            t.put("H[w_jk, c]", "D[term, wjk, c]");
            if (arch.hiddenBias()) t.put("H[b_j, c]", "D[term, bj, c]");
            t.put("H[c, c]", "D[term, c, c]");
        }
        return t;
    }

    /** The residual R_i = p_i ell'(f_i, y_i) for the loss, in the sample weight p, target y and output f. */
    public static String residual(Loss loss) {
        return residualWith(loss, "p", "y", "f");
    }

    static String residualWith(Loss loss, String p, String y, String f) {
        return switch (loss) {
            case SQUARE -> p + "*(" + f + " - " + y + ")";
            case EXPONENTIAL -> "-" + p + "*" + y + "*Exp[-" + y + "*" + f + "]";
            case LOGISTIC -> "-" + p + "*" + y + "*Exp[-" + y + "*" + f + "]/(1 + Exp[-" + y + "*" + f + "])";
            default -> throw new IllegalArgumentException("no per-sample residual for " + loss.specName());
        };
    }

    /** The curvature ell''(f, y) of the loss, in the target y and output f. */
    static String curvatureWith(Loss loss, String y, String f) {
        return switch (loss) {
            case SQUARE -> "1";
            case EXPONENTIAL -> y + "^2*Exp[-" + y + "*" + f + "]";
            case LOGISTIC -> y + "^2*Exp[-" + y + "*" + f + "]/(1 + Exp[-" + y + "*" + f + "])^2";
            default -> throw new IllegalArgumentException("no per-sample curvature for " + loss.specName());
        };
    }

    /**
     * The rules {ellp1 -> ell'(f_1), ellpp1 -> ell''(f_1), ...} that give the opaque residual symbols of
     * {@link #instantiate} and {@link #hessian} their values in the region (samples of weight 0 are left out).
     */
    public static String residualRules(Problem problem, ActivationPattern region) {
        var data = RegionLoss.finite(problem);
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < data.size(); i++) {
            if (data.weights()[i] == 0) continue;
            String y = Rationals.symja(data.y()[i]), f = RegionLoss.output(problem, region, i);
            if (sb.length() > 1) sb.append(", ");
            sb.append("ellp").append(i + 1).append(" -> ").append(residualWith(problem.loss(), "1", y, f))
                    .append(", ellpp").append(i + 1).append(" -> ").append(curvatureWith(problem.loss(), y, f));
        }
        return sb.append("}").toString();
    }

    /**
     * A derived field template ("a_j'", "w_jk'", "b_j'" or "c'") written out for neuron j (and input coordinate k)
     * of a concrete problem in a region: the sum over samples of the summand with the sample's weight, gate,
     * pre-activation, input, and ell'(f_i) = R_i / p_i substituted. Linear in the width.
     */
    public static String instantiate(Problem problem, ActivationPattern region, Template template, int j, int k) {
        return instantiate(problem, region, template, j, k, false);
    }

    /**
     * As {@link #instantiate(Problem, ActivationPattern, Template, int, int)}; with {@code opaqueResiduals} the loss
     * derivative at sample i stays the symbol {@code ellp<i>} (ell'(f_i), to be defined once per sample) instead of
     * being written out with the network's output: each component then has size O(n d), so the whole field grows
     * linearly in the width.
     */
    public static String instantiate(Problem problem, ActivationPattern region, Template template, int j, int k,
                                     boolean opaqueResiduals) {
        return new Writer(problem, region, opaqueResiduals).sum(template, j, k, j, k);
    }

    /**
     * The Hessian of the region loss over {@link ParameterSymbols#names} (a, w, b, c), written out from the block
     * templates of {@link #derive}, as Symja list text: entry (P, Q) is the template of P's and Q's kinds (same neuron
     * or two neurons) summed over the samples, so the cost is linear in the number of entries times n d instead of
     * differentiating the whole loss twice. Each entry is written with its numeric factors multiplied out per sample
     * (samples whose factor is 0, such as inactive ReLU gates, drop out) and the neuron symbols factored out of the
     * sample sum, e.g. a1*a2*((3/4)*ellpp1 + (-1/2)*ellpp3): Symja's evaluation of the text, not the writing, is
     * what costs, so the text is kept small. With {@code opaqueResiduals} ell'(f_i) and ell''(f_i) stay the symbols
     * {@code ellp<i>}, {@code ellpp<i>} (values from {@link #residualRules}); otherwise they are written out with the
     * network's output. Symmetric: the text of entry (P, Q) is repeated at (Q, P).
     */
    public static String hessian(Problem problem, ActivationPattern region, List<Template> templates, boolean opaqueResiduals) {
        var layout = problem.layout();
        Writer writer = new Writer(problem, region, opaqueResiduals);
        List<Slot> slots = new ArrayList<>();
        for (int j = 0; j < layout.width(); j++) slots.add(new Slot('a', j, 0));
        for (int j = 0; j < layout.width(); j++) for (int k = 0; k < layout.inputDim(); k++) slots.add(new Slot('w', j, k));
        if (layout.hiddenBias()) for (int j = 0; j < layout.width(); j++) slots.add(new Slot('b', j, 0));
        if (layout.outputBias()) slots.add(new Slot('c', 0, 0));
        int size = slots.size();
        String[][] h = new String[size][size];
        for (int r = 0; r < size; r++)
            for (int q = r; q < size; q++) {
                Slot u = slots.get(r), v = slots.get(q);
                // xk is the input of the first w of the pair: u's, or v's in H[a_j, w_jk]
                int k = u.kind == 'w' ? u.input : v.input;
                h[r][q] = h[q][r] = writer.folded(field(templates, blockName(u, v)), u.neuron, k, v.neuron, v.input);
            }
        StringBuilder sb = new StringBuilder("{");
        for (int r = 0; r < size; r++) sb.append(r > 0 ? ", {" : "{").append(String.join(", ", h[r])).append("}");
        return sb.append("}").toString();
    }

    /** A parameter of the layout: kind a, w, b or c, its neuron, and for w its input coordinate. */
    private record Slot(char kind, int neuron, int input) {}

    /** The template name of the block of (u, v), u before v in layout order. */
    private static String blockName(Slot u, Slot v) {
        if (u.kind == 'c') return "H[c, c]";
        String first = switch (u.kind) { case 'a' -> "a_j"; case 'w' -> "w_jk"; default -> "b_j"; };
        boolean same = u.neuron == v.neuron;
        String second = switch (v.kind) {
            case 'a' -> same ? "a_j" : "a_l";
            case 'w' -> same ? (u.kind == 'w' ? "w_jl" : "w_jk") : "w_lq";
            case 'b' -> same ? "b_j" : "b_l";
            default -> "c";
        };
        return "H[" + first + ", " + second + "]";
    }

    /**
     * Writes template summands out for one problem and region: splits each summand into its symbols once, then per
     * sample substitutes the weight, the gates and pre-activations of neurons j and l, the inputs, the output weights
     * and ell', ell'' in one pass (so no substituted text is ever substituted again).
     */
    private static final class Writer {
        private static final java.util.regex.Pattern SYMBOL = java.util.regex.Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*\\b");
        private final Problem problem;
        private final ActivationPattern region;
        private final FiniteDataset data;
        private final String scale, eps;
        private final String[] ellp, ellpp, weight;
        private final String[][] x, z;
        private final Map<String, List<String>> split = new java.util.HashMap<>();
        private final Map<String, List<Monomial>> parsed = new java.util.HashMap<>();
        private final BigFraction epsF;
        private final BigFraction[] weightF;
        private final BigFraction[][] xF;

        Writer(Problem problem, ActivationPattern region, boolean opaqueResiduals) {
            this.problem = problem;
            this.region = region;
            this.data = RegionLoss.finite(problem);
            Architecture arch = problem.architecture();
            this.scale = RegionLoss.scale(arch);
            this.eps = Rationals.symja(arch.activation().negativeSlope());
            this.epsF = Rationals.decimal(arch.activation().negativeSlope());
            int n = data.size(), m = arch.width(), d = arch.inputDim();
            ellp = new String[n];
            ellpp = new String[n];
            weight = new String[n];
            x = new String[n][d];
            z = new String[n][m];
            weightF = new BigFraction[n];
            xF = new BigFraction[n][d];
            for (int i = 0; i < n; i++) {
                if (data.weights()[i] == 0) continue;
                String y = Rationals.symja(data.y()[i]);
                String f = opaqueResiduals ? null : RegionLoss.output(problem, region, i);
                ellp[i] = opaqueResiduals ? "ellp" + (i + 1) : "(" + residualWith(problem.loss(), "1", y, f) + ")";
                ellpp[i] = opaqueResiduals ? "ellpp" + (i + 1) : "(" + curvatureWith(problem.loss(), y, f) + ")";
                weight[i] = Rationals.symja(data.weights()[i]);
                weightF[i] = Rationals.decimal(data.weights()[i]);
                for (int k = 0; k < d; k++) { x[i][k] = Rationals.symja(data.x()[i][k]); xF[i][k] = Rationals.decimal(data.x()[i][k]); }
            }
        }

        /** Sum over the samples of the template for neuron j with input k and neuron l with input q. */
        String sum(Template template, int j, int k, int l, int q) {
            List<String> parts = split.computeIfAbsent(template.summand(), Writer::split);
            StringBuilder sb = new StringBuilder("(0");
            for (int i = 0; i < data.size(); i++) {
                if (data.weights()[i] == 0) continue;
                sb.append(" + ");
                for (int t = 0; t < parts.size(); t++) {
                    String part = parts.get(t);
                    if (t % 2 == 0) { sb.append(part); continue; }
                    sb.append(switch (part) {
                        case "p" -> weight[i];
                        case "s" -> scale;
                        case "S" -> region.on(i, j) ? "1" : eps;
                        case "S2" -> region.on(i, l) ? "1" : eps;
                        case "z" -> z(i, j);
                        case "z2" -> z(i, l);
                        case "xk" -> x[i][k];
                        case "xl", "xq" -> x[i][q];
                        case "aj" -> ParameterSymbols.a(j);
                        case "a2" -> ParameterSymbols.a(l);
                        case "ellp" -> ellp[i];
                        case "ellpp" -> ellpp[i];
                        default -> part;
                    });
                }
            }
            return sb.append(")").toString();
        }

        /**
         * As {@link #sum}, with each monomial of the template folded: its numeric per-sample factors (weight, gates,
         * inputs, and s when it is 1) multiplied exactly, its neuron factors (a_j, a_l, a symbolic s) outside the sum.
         */
        String folded(Template template, int j, int k, int l, int q) {
            List<Monomial> monomials = parsed.computeIfAbsent(template.summand(), Writer::monomials);
            StringBuilder out = new StringBuilder("(0");
            for (Monomial mono : monomials) {
                StringBuilder outside = new StringBuilder(), inner = new StringBuilder();
                BigFraction global = mono.coefficient;
                for (var f : mono.factors) {
                    switch (f.symbol) {
                        case "aj" -> outside.append("*").append(ParameterSymbols.a(j)).append(power(f.exponent));
                        case "a2" -> outside.append("*").append(ParameterSymbols.a(l)).append(power(f.exponent));
                        case "s" -> { if (scale.equals("1")) continue; outside.append("*").append(scale).append(power(f.exponent)); }
                        default -> { }
                    }
                }
                for (int i = 0; i < data.size(); i++) {
                    if (data.weights()[i] == 0) continue;
                    BigFraction c = global;
                    StringBuilder symbolic = new StringBuilder();
                    for (var f : mono.factors) {
                        BigFraction v = switch (f.symbol) {
                            case "p" -> weightF[i];
                            case "S" -> region.on(i, j) ? BigFraction.ONE : epsF;
                            case "S2" -> region.on(i, l) ? BigFraction.ONE : epsF;
                            case "xk" -> xF[i][k];
                            case "xl", "xq" -> xF[i][q];
                            default -> null;
                        };
                        if (v != null) { c = c.multiply(v.pow(f.exponent)); continue; }
                        switch (f.symbol) {
                            case "z" -> symbolic.append("*").append(z(i, j)).append(power(f.exponent));
                            case "z2" -> symbolic.append("*").append(z(i, l)).append(power(f.exponent));
                            case "ellp" -> symbolic.append("*").append(ellp[i]).append(power(f.exponent));
                            case "ellpp" -> symbolic.append("*").append(ellpp[i]).append(power(f.exponent));
                            case "aj", "a2", "s" -> { }
                            default -> throw new IllegalStateException("unknown template symbol " + f.symbol + " in " + template);
                        }
                    }
                    if (c.signum() == 0) continue;
                    inner.append(inner.length() == 0 ? "" : " + ").append(Rationals.symja(c)).append(symbolic);
                }
                if (inner.length() == 0) continue;
                out.append(" + ").append(outside.length() == 0 ? "" : outside.substring(1) + "*").append("(").append(inner).append(")");
            }
            return out.append(")").toString();
        }

        /** Pre-activation text z_ij, written when first needed (a field component needs one neuron's only). */
        private String z(int i, int j) {
            if (z[i][j] == null) z[i][j] = RegionLoss.preactivation(problem, i, j);
            return z[i][j];
        }

        private static String power(int e) { return e == 1 ? "" : "^" + e; }

        /** One monomial of a template: a rational coefficient times symbols to positive integer powers. */
        private record Monomial(BigFraction coefficient, List<Factor> factors) {}

        private record Factor(String symbol, int exponent) {}

        /**
         * The monomials of a template summand as Symja prints it (a sum of signed products of integers, fractions
         * and symbol^power, no parentheses), which is the form every derived Hessian template takes.
         */
        private static List<Monomial> monomials(String summand) {
            String t = summand.replace(" ", "");
            if (t.contains("(")) throw new IllegalStateException("template is not a sum of monomials: " + summand);
            List<Monomial> out = new ArrayList<>();
            int start = 0;
            for (int at = 1; at <= t.length(); at++) {
                if (at < t.length() && !((t.charAt(at) == '+' || t.charAt(at) == '-') && t.charAt(at - 1) != '^')) continue;
                String term = t.substring(start, at);
                start = at;
                BigFraction coef = BigFraction.ONE;
                if (term.startsWith("+")) term = term.substring(1);
                if (term.startsWith("-")) { coef = coef.negate(); term = term.substring(1); }
                List<Factor> factors = new ArrayList<>();
                for (String f : term.split("\\*")) {
                    if (f.isEmpty()) throw new IllegalStateException("template is not a sum of monomials: " + summand);
                    if (Character.isDigit(f.charAt(0))) {
                        String[] nd = f.split("/");
                        coef = coef.multiply(nd.length == 1 ? new BigFraction(new java.math.BigInteger(nd[0]))
                                : new BigFraction(new java.math.BigInteger(nd[0]), new java.math.BigInteger(nd[1])));
                        continue;
                    }
                    String[] se = f.split("\\^");
                    factors.add(new Factor(se[0], se.length == 1 ? 1 : Integer.parseInt(se[1])));
                }
                out.add(new Monomial(coef, factors));
            }
            return out;
        }

        /** Alternating literal text and symbols: text, symbol, text, ..., text. */
        private static List<String> split(String summand) {
            List<String> parts = new ArrayList<>();
            var m = SYMBOL.matcher(summand);
            int at = 0;
            while (m.find()) {
                parts.add(summand.substring(at, m.start()));
                parts.add(m.group());
                at = m.end();
            }
            parts.add(summand.substring(at));
            return parts;
        }
    }

    /** The template of a field entry by name. */
    public static Template field(List<Template> templates, String parameter) {
        return templates.stream().filter(t -> t.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no template for " + parameter));
    }

}
