package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.reluflow.model.Architecture;
import org.reluflow.model.Loss;
import org.reluflow.model.Problem;

/**
 * Per-neuron templates of the gradient-flow field, valid for any width: with residuals R_i = p_i ell'(f(x_i), y_i),
 * gates S_ij = sigma'(z_ij) and output scale s,
 * <pre>
 *   a_j'  = -s sum_i R_i S_ij z_ij        (sigma(z) = S z: both activations are positively homogeneous)
 *   w_jk' = -s a_j sum_i R_i S_ij x_ik
 *   b_j'  = -s a_j sum_i R_i S_ij
 *   c'    = -sum_i R_i
 * </pre>
 * Each template is a Symja expression in the generic symbols s, aj, R[i], S[i], z[i], x[i, k] and n; {@link #instantiate}
 * substitutes a concrete problem and region, so that tests can compare a template with full differentiation.
 */
public final class Templates {
    private Templates() {}

    public record Template(String parameter, String symja) {}

    /** The templates of one neuron (and of c), generic in the data. */
    public static List<Template> generic(Architecture arch) {
        List<Template> t = new ArrayList<>();
        if (arch.trainOutputLayer()) t.add(new Template("a_j", "-s*Sum[R[i]*S[i]*z[i], {i, 1, n}]"));
        t.add(new Template("w_jk", "-s*aj*Sum[R[i]*S[i]*x[i, k], {i, 1, n}]"));
        if (arch.hiddenBias()) t.add(new Template("b_j", "-s*aj*Sum[R[i]*S[i], {i, 1, n}]"));
        if (arch.outputBias()) t.add(new Template("c", "-Sum[R[i], {i, 1, n}]"));
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

    /**
     * The template of parameter index {@code which} ("a", "w", "b" or "c") for neuron j (and input coordinate k for w),
     * written out for the problem's data in the region: a Symja expression in the parameter symbols.
     */
    public static String instantiate(Problem problem, ActivationPattern region, String which, int j, int k) {
        var data = RegionLoss.finite(problem);
        Architecture arch = problem.architecture();
        double eps = arch.activation().negativeSlope();
        String s = RegionLoss.scale(arch);
        StringBuilder sum = new StringBuilder("(0");
        for (int i = 0; i < data.size(); i++) {
            String r = residualWith(problem.loss(), Rationals.symja(data.weights()[i]), Rationals.symja(data.y()[i]),
                    RegionLoss.output(problem, region, i));
            String gate = Rationals.symja(region.on(i, j) ? 1.0 : eps);
            String term = switch (which) {
                case "a" -> gate + "*" + RegionLoss.preactivation(problem, i, j);
                case "w" -> gate + "*" + Rationals.symja(data.x()[i][k]);
                case "b" -> gate;
                case "c" -> "1";
                default -> throw new IllegalArgumentException(which);
            };
            sum.append(" + (").append(r).append(")*").append(term);
        }
        sum.append(")");
        return switch (which) {
            case "a" -> "-" + s + "*" + sum;
            case "w", "b" -> "-" + s + "*" + ParameterSymbols.a(j) + "*" + sum;
            default -> "-" + sum;
        };
    }
}
