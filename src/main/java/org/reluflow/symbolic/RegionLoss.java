package org.reluflow.symbolic;

import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * The empirical loss of a finite-data problem inside one activation region, as Symja input text with exact data:
 * sigma(z_ij) is z_ij where the pair is active and eps z_ij where it is not, so the loss is a polynomial (square loss)
 * or an exponential-polynomial expression (exponential and logistic losses) in the parameters.
 */
public final class RegionLoss {
    private RegionLoss() {}

    /** Pre-activation z_ij = sum_k w_jk x_ik (+ b_j), exact. */
    public static String preactivation(Problem problem, int i, int j) {
        FiniteDataset data = finite(problem);
        Architecture arch = problem.architecture();
        StringBuilder sb = new StringBuilder("(");
        boolean first = true;
        for (int k = 0; k < arch.inputDim(); k++) {
            double xv = data.x()[i][k];
            if (xv == 0) continue;
            if (!first) sb.append(" + ");
            sb.append(Rationals.symja(xv)).append("*").append(ParameterSymbols.w(j, k));
            first = false;
        }
        if (arch.hiddenBias()) { sb.append(first ? "" : " + ").append(ParameterSymbols.b(j)); first = false; }
        if (first) sb.append("0");
        return sb.append(")").toString();
    }

    /** Network output f(x_i) in the region. */
    public static String output(Problem problem, ActivationPattern region, int i) {
        Architecture arch = problem.architecture();
        Activation act = arch.activation();
        StringBuilder sum = new StringBuilder("(");
        for (int j = 0; j < arch.width(); j++) {
            double slope = region.on(i, j) ? 1.0 : act.negativeSlope();
            if (slope == 0) continue;
            if (sum.length() > 1) sum.append(" + ");
            sum.append(slope == 1 ? "" : Rationals.symja(slope) + "*").append(ParameterSymbols.a(j)).append("*")
                    .append(preactivation(problem, i, j));
        }
        if (sum.length() == 1) sum.append("0");
        sum.append(")");
        String f = scale(arch) + "*" + sum;
        return arch.outputBias() ? "(" + ParameterSymbols.C + " + " + f + ")" : "(" + f + ")";
    }

    /**
     * The output scale as it appears in derived expressions: the symbol s unless it is 1 (keeping it symbolic makes
     * identities polynomial: Symja's Expand does not cancel 3^(1/2) against 3^(-1/2)).
     */
    public static String scale(Architecture arch) { return arch.outputScale() == OutputScale.ONE ? "1" : SCALE_SYMBOL; }

    /** The symbol of the output scale in derived expressions. */
    public static final String SCALE_SYMBOL = "s";

    /** Symja text of the output scale's value, to substitute for {@link #SCALE_SYMBOL}. */
    public static String scaleValue(Architecture arch) {
        return arch.outputScale() == OutputScale.ONE ? "1"
                : arch.outputScale() == OutputScale.INV_SQRT_M ? "(1/Sqrt[" + arch.width() + "])" : "(1/" + arch.width() + ")";
    }

    /** L in the region: sum_i p_i ell(f(x_i), y_i). */
    public static String loss(Problem problem, ActivationPattern region) {
        FiniteDataset data = finite(problem);
        Loss loss = problem.loss();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            if (data.weights()[i] == 0) continue;
            if (sb.length() > 0) sb.append(" + ");
            String p = Rationals.symja(data.weights()[i]), y = Rationals.symja(data.y()[i]), f = output(problem, region, i);
            switch (loss) {
                case SQUARE -> sb.append(p).append("*(").append(f).append(" - ").append(y).append(")^2/2");
                case EXPONENTIAL -> sb.append(p).append("*Exp[-").append(y).append("*").append(f).append("]");
                case LOGISTIC -> sb.append(p).append("*Log[1 + Exp[-").append(y).append("*").append(f).append("]]");
                default -> throw new IllegalArgumentException("no region loss for " + loss.specName());
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    static FiniteDataset finite(Problem problem) {
        if (!(problem.data() instanceof FiniteDataset d))
            throw new IllegalArgumentException("region losses need finite data; scalar interval data use the piecewise integral");
        return d;
    }

    /** Index helpers for callers that walk the layout. */
    static ParameterLayout layout(Problem p) { return p.layout(); }
}
