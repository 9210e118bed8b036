package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.reluflow.model.Problem;

/**
 * The gradient-flow field theta' = -grad L and the Hessian of L inside one activation region, derived by Symja from
 * the region's loss, with the compiled field for fast evaluation. A non-unit output scale stays the symbol s in the
 * derived expressions and is substituted in the compiled field. For small instances: full differentiation grows
 * like m^5 (reference/stack.md 2.g); {@link Templates} give the field for any width.
 */
public record RegionField(String region, List<String> parameters, IExpr loss, IExpr field, IExpr hessian,
                          StraightLineProgram compiledField) {

    /** Hessians are derived up to this many parameters (their size grows with the square). */
    public static final int MAX_HESSIAN_PARAMETERS = 40;

    public static RegionField derive(SymjaSession session, Problem problem, ActivationPattern region, boolean withHessian)
            throws SymbolicException {
        return fromLoss(session, problem, RegionLoss.loss(problem, region), region.toString(), withHessian);
    }

    /**
     * The field of a scalar-input problem with the square-integral loss in the region of theta (kink order and
     * orientations), from the exact piecewise integral of {@link ScalarIntegralLoss}.
     */
    public static RegionField scalar(SymjaSession session, Problem problem, double[] theta, boolean withHessian)
            throws SymbolicException {
        ScalarIntegralLoss.definePolyInt(session);
        ScalarIntegralLoss.Region region = ScalarIntegralLoss.regionOf(problem, theta);
        return fromLoss(session, problem, ScalarIntegralLoss.loss(problem, region), region.toString(), withHessian);
    }

    private static RegionField fromLoss(SymjaSession session, Problem problem, String lossText, String region, boolean withHessian)
            throws SymbolicException {
        List<String> vars = ParameterSymbols.names(problem.layout());
        String list = ParameterSymbols.list(problem.layout());
        IExpr loss = session.eval(lossText);
        // re-enter Symja through FullForm: toString() prints Sqrt(3), which strict syntax reads as a product
        IExpr field = session.eval("-D[" + loss.fullFormString() + ", {" + list + "}]");
        IExpr hessian = null;
        if (withHessian) {
            if (vars.size() > MAX_HESSIAN_PARAMETERS)
                throw new SymbolicException("the Hessian is derived for at most " + MAX_HESSIAN_PARAMETERS
                        + " parameters; this network has " + vars.size() + " (use the per-neuron templates)", false);
            hessian = session.eval("D[" + loss.fullFormString() + ", {" + list + ", 2}]");
        }
        IExpr numericField = field;
        if (!RegionLoss.scale(problem.architecture()).equals("1"))
            numericField = session.eval(field.fullFormString() + " /. " + RegionLoss.SCALE_SYMBOL + " -> "
                    + RegionLoss.scaleValue(problem.architecture()));
        return new RegionField(region, vars, loss, field, hessian, StraightLineProgram.compile(numericField, vars));
    }

    /** theta' at theta, through the compiled program. */
    public double[] evaluate(double[] theta) { return compiledField.evaluate(theta); }

    /** Field components as Symja input text (FullForm, safe to evaluate again). */
    public List<String> fieldText() {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= field.argSize(); k++) out.add(((org.matheclipse.core.interfaces.IAST) field).get(k).fullFormString());
        return out;
    }
}
