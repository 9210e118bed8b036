package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.reluflow.model.Architecture;
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
            {"ellp", "ellp[i]"}, {"ellpp", "ellpp[i]"}, {"S2", "S2[i]"}, {"z2", "z2[i]"}};

    private static final String GENERIC_OUTPUT = "c + s*(aj*S*(wjk*xk + wjl*xl + bj + zrest) + a2*S2*z2 + frest)";
    private static final String PREACTIVATION = "(wjk*xk + wjl*xl + bj + zrest)";

    /**
     * Derives the field templates of a_j, w_jk, b_j and c, and the Hessian templates of one neuron's block and of the
     * coupling between two neurons (second neuron: a2 with gate S2 and pre-activation z2), by differentiating
     * p ell(f) with Symja.
     */
    public static List<Template> derive(SymjaSession session, Architecture arch) throws SymbolicException {
        Map<String, String> targets = new LinkedHashMap<>();
        if (arch.trainOutputLayer()) targets.put("a_j'", "-D[term, aj]");
        targets.put("w_jk'", "-D[term, wjk]");
        if (arch.hiddenBias()) targets.put("b_j'", "-D[term, bj]");
        if (arch.outputBias()) targets.put("c'", "-D[term, c]");
        if (arch.trainOutputLayer()) {
            targets.put("H[a_j, a_j]", "D[term, aj, aj]");
            targets.put("H[a_j, w_jk]", "D[term, aj, wjk]");
            targets.put("H[a_j, a_l]", "D[term, aj, a2]");
        }
        targets.put("H[w_jk, w_jl]", "D[term, wjk, wjl]");
        List<Template> out = new ArrayList<>();
        for (var e : targets.entrySet()) {
            IExpr d = session.eval("Block[{term = p*ell[" + GENERIC_OUTPUT + "]}, " + e.getValue() + "] /. {Derivative[1][ell][_] -> ellp, "
                    + "Derivative[2][ell][_] -> ellpp} /. " + PREACTIVATION + " -> z");
            out.add(new Template(e.getKey(), session.eval("InputForm[" + d.fullFormString() + "]").toString()));
        }
        return out;
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
        var data = RegionLoss.finite(problem);
        Architecture arch = problem.architecture();
        double eps = arch.activation().negativeSlope();
        String scale = RegionLoss.scale(arch);
        StringBuilder sum = new StringBuilder("(0");
        for (int i = 0; i < data.size(); i++) {
            if (data.weights()[i] == 0) continue;
            String ellp = opaqueResiduals ? "ellp" + (i + 1)
                    : residualWith(problem.loss(), "1", Rationals.symja(data.y()[i]), RegionLoss.output(problem, region, i));
            String t = template.summand();
            t = t.replaceAll("\\bellp\\b", "(" + ellp + ")")
                    .replaceAll("\\bp\\b", Rationals.symja(data.weights()[i]))
                    .replaceAll("\\bS\\b", Rationals.symja(region.on(i, j) ? 1.0 : eps))
                    .replaceAll("\\bz\\b", RegionLoss.preactivation(problem, i, j))
                    .replaceAll("\\bxk\\b", Rationals.symja(data.x()[i][k]))
                    .replaceAll("\\baj\\b", ParameterSymbols.a(j))
                    .replaceAll("\\bs\\b", scale);
            sum.append(" + ").append(t);
        }
        return sum.append(")").toString();
    }

    /** The template of a field entry by name. */
    public static Template field(List<Template> templates, String parameter) {
        return templates.stream().filter(t -> t.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no template for " + parameter));
    }

}
