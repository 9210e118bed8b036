package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.reluflow.RandomProblems;
import org.reluflow.field.NetworkObjective;
import org.reluflow.model.Loss;
import org.reluflow.model.Problem;

/**
 * The field Symja derives in the region of a random point, compiled to a straight-line program, equals minus the
 * numeric engines' gradient there, to 1e-12 relative; and the per-neuron templates Symja derives for a generic neuron, written out for the
 * instance, equal full differentiation of the instance's loss.
 */
class RegionFieldProperties {

    static final SymjaSession SESSION = SymjaSession.limitedTo(120);

    @AfterContainer
    static void close() { SESSION.close(); }

    @Property(tries = 40, seed = "21")
    void compiledFieldAgreesWithTheNumericGradient(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                   @ForAll @IntRange(min = 0, max = 2) int lossIndex) throws SymbolicException {
        Loss loss = new Loss[] {Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC}[lossIndex];
        Problem p = RandomProblems.finite(seed, loss, true);
        double[] theta = RandomProblems.gaussianTheta(p, seed + 2, 1.0);
        RegionField field = RegionField.derive(SESSION, p, ActivationPattern.of(p, theta), false);
        double[] symbolic = field.evaluate(theta);
        double[] numeric = new NetworkObjective(p).gradient(theta);
        double scale = 0;
        for (double v : numeric) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < theta.length; k++)
            assertEquals(-numeric[k], symbolic[k], 1e-12 * Math.max(scale, 1e-300), "component " + field.parameters().get(k));
    }

    @Property(tries = 9, seed = "22")
    void templatesEqualFullDifferentiation(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                           @ForAll @IntRange(min = 0, max = 2) int lossIndex) throws SymbolicException {
        Loss loss = new Loss[] {Loss.SQUARE, Loss.EXPONENTIAL, Loss.LOGISTIC}[lossIndex];
        Problem p = RandomProblems.finite(seed, loss, true);
        double[] theta = RandomProblems.gaussianTheta(p, seed + 3, 1.0);
        ActivationPattern region = ActivationPattern.of(p, theta);
        RegionField field = RegionField.derive(SESSION, p, region, false);
        var layout = p.layout();
        var text = field.fieldText();
        var templates = Templates.derive(SESSION, p.architecture());
        // compared at random rational points to 40 digits (Symja's Expand does not cancel 3^(1/2) against 3^(-1/2),
        // so an exact comparison would need Simplify, which is far slower)
        String points = randomPoints(layout.size(), seed);
        for (int j = 0; j < layout.width(); j++) {
            same(text.get(layout.a(j)), Templates.instantiate(p, region, Templates.field(templates, "a_j'"), j, 0), points, p);
            for (int k = 0; k < layout.inputDim(); k++) same(text.get(layout.w(j, k)), Templates.instantiate(p, region, Templates.field(templates, "w_jk'"), j, k), points, p);
            if (layout.hiddenBias()) same(text.get(layout.b(j)), Templates.instantiate(p, region, Templates.field(templates, "b_j'"), j, 0), points, p);
        }
        if (layout.outputBias()) same(text.get(layout.c()), Templates.instantiate(p, region, Templates.field(templates, "c'"), 0, 0), points, p);
    }

    private static String randomPoints(int size, long seed) {
        java.util.Random r = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder("{");
        for (int q = 0; q < 3; q++) {
            if (q > 0) sb.append(", ");
            sb.append("{");
            for (int k = 0; k < size; k++) sb.append(k > 0 ? ", " : "").append(r.nextInt(2001) - 1000).append("/1000");
            sb.append("}");
        }
        return sb.append("}").toString();
    }

    private static void same(String derived, String template, String points, Problem p) throws SymbolicException {
        String diff = "((" + derived + ") - (" + template + ")) /. " + RegionLoss.SCALE_SYMBOL + " -> "
                + RegionLoss.scaleValue(p.architecture());
        String vars = ParameterSymbols.list(p.layout());
        String worst = SESSION.eval("Max[Map[Abs[N[(" + diff + ") /. Thread[" + vars + " -> #], 40]] &, " + points + "]]")
                .toString();
        double w = Double.parseDouble(worst.replace("`", "").replaceAll("\\*\\^", "E"));
        assertEquals(0.0, w, 1e-30, "derived " + derived + "\ntemplate " + template);
    }
}
