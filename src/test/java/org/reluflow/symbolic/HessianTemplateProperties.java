package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/**
 * The Hessian written out from the per-neuron block templates ({@link Templates#hessian}) equals Symja's full second
 * differentiation D[L, {vars, 2}] of the region loss ({@link RegionField}), exactly: both are evaluated at a random
 * integer point (parameters and output scale s) and every entry of the difference must Together to 0 (the point and
 * data make every exponent an integer, so the exponential and logistic cases are rational functions of E; at a
 * rational point Together of E^(p/q) terms took minutes). Covers every
 * combination of loss (square, exponential, logistic), hidden bias, output bias and ReLU / leaky ReLU, with widths 1..3
 * (d, n <= 3) and a random region (any gate pattern, feasible or not: the templates hold for all), in both residual
 * modes.
 */
class HessianTemplateProperties {

    static final SymjaSession SESSION = SymjaSession.limitedTo(120);

    @AfterContainer
    static void close() { SESSION.close(); }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void templateHessianEqualsFullDifferentiation(@ForAll @IntRange(min = 0, max = 2) int lossIndex,
                                                  @ForAll boolean hiddenBias, @ForAll boolean outputBias,
                                                  @ForAll boolean leaky, @ForAll @IntRange(min = 1, max = 3) int width)
            throws SymbolicException {
        Loss loss = new Loss[] {Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC}[lossIndex];
        long seed = 1000L * lossIndex + 100L * width + (hiddenBias ? 1 : 0) + (outputBias ? 2 : 0) + (leaky ? 4 : 0);
        Random r = new Random(seed);
        Problem p = problem(r, loss, width, hiddenBias, outputBias, leaky);
        ActivationPattern region = randomRegion(r, p);
        List<String> vars = ParameterSymbols.names(p.layout());

        IExpr full = RegionField.derive(SESSION, p, region, true).hessian();
        List<Templates.Template> templates = Templates.derive(SESSION, p.architecture());
        String point = point(r, vars);
        String context = p.architecture() + " " + loss + " region " + region;
        // half of the cases write ell', ell'' out, the other half keep them opaque and substitute residualRules
        if ((lossIndex + width + (hiddenBias ? 1 : 0) + (outputBias ? 1 : 0) + (leaky ? 1 : 0)) % 2 == 0) same(full, Templates.hessian(p, region, templates, false), point, vars.size(), context + " (written out)");
        else same(full, "(" + Templates.hessian(p, region, templates, true) + " /. " + Templates.residualRules(p, region) + ")",
                point, vars.size(), context + " (opaque residuals)");
    }

    private static void same(IExpr full, String template, String point, int size, String context) throws SymbolicException {
        IExpr dims = SESSION.eval("Dimensions[" + template + "]");
        assertEquals("{" + size + "," + size + "}", dims.toString().replace(" ", ""), context);
        // exact: both sides at the same rational point; every entry of the difference must vanish identically
        // (Expand first: Together alone left 48*E^23 + 16*(-3*E^23 - E^31) + 16*E^31 standing)
        IExpr rest = SESSION.eval("Select[Map[Together[Expand[#]] &, Flatten[((" + full.fullFormString() + ") - (" + template
                + ")) /. " + point + "]], # =!= 0 &]");
        assertTrue(rest instanceof IAST list && list.argSize() == 0, context + ": nonzero entries " + rest);
    }

    /**
     * Integer inputs and targets, leaky slope 1/2: with the even a_j of {@link #point} every exponent -y f_i of the
     * exponential and logistic losses is an integer there, so the check is rational arithmetic in E.
     */
    static Problem problem(Random r, Loss loss, int m, boolean hiddenBias, boolean outputBias, boolean leaky) {
        int d = 1 + r.nextInt(3), n = 1 + r.nextInt(3);
        double[][] x = new double[n][d];
        double[] y = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[i][k] = nonzero(r, 3);
            y[i] = loss.isClassification() ? (r.nextBoolean() ? 1 : -1) : r.nextInt(5) - 2;
            w[i] = r.nextInt(5) / 4.0; // a weight 0 now and then: such samples drop out of both routes
        }
        OutputScale scale = OutputScale.values()[r.nextInt(OutputScale.values().length)];
        double eps = leaky ? 0.5 : 0;
        return new Problem(new Architecture(m, d, hiddenBias, outputBias, scale, true, new Activation(eps, eps)),
                new FiniteDataset(x, y, w), loss);
    }

    private static int nonzero(Random r, int max) { return (1 + r.nextInt(max)) * (r.nextBoolean() ? 1 : -1); }

    static ActivationPattern randomRegion(Random r, Problem p) {
        int n = ((FiniteDataset) p.data()).size(), m = p.architecture().width();
        boolean[][] on = new boolean[n][m];
        for (boolean[] row : on) for (int j = 0; j < m; j++) row[j] = r.nextBoolean();
        return new ActivationPattern(on);
    }

    /**
     * Rules sending every parameter to a nonzero integer (a_j even, so that a_j (1/2) z is an integer) and the output
     * scale s to 2 or 3 (not 1, so that s and s^2 differ): the identity holds for every s, the symbolic one included.
     */
    static String point(Random r, List<String> vars) {
        StringBuilder sb = new StringBuilder("{" + RegionLoss.SCALE_SYMBOL + " -> " + (2 + r.nextInt(2)));
        for (String v : vars) sb.append(", ").append(v).append(" -> ").append(v.startsWith("a") ? 2 * nonzero(r, 2) : nonzero(r, 2));
        return sb.append("}").toString();
    }
}
