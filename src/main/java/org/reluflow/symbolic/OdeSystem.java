package org.reluflow.symbolic;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A user's ODE x' = f(x) given in Symja syntax, e.g. {@code {-y, x}} with variables {@code x, y}, compiled through
 * the same {@link StraightLineProgram} as the derived fields. Switching terms Max[0, e] (ReLU) and UnitStep[e] are
 * kept as such; {@link #guards} lists their arguments, the surfaces e = 0 where the field switches.
 */
public record OdeSystem(List<String> variables, IExpr rhs, StraightLineProgram program, List<String> guards) {

    public static OdeSystem parse(SymjaSession session, String rhs, List<String> variables) throws SymbolicException {
        if (variables.isEmpty()) throw new IllegalArgumentException("no variables");
        for (String v : variables)
            if (!v.matches("[A-Za-z][A-Za-z0-9]*")) throw new IllegalArgumentException("'" + v + "' is not a variable name");
        IExpr expr;
        try {
            expr = session.eval(rhs);
        } catch (SymbolicException e) {
            throw new SymbolicException("cannot read the right-hand side '" + rhs + "': " + e.getMessage(), false);
        }
        if (!expr.isList()) throw new IllegalArgumentException("the right-hand side must be a list {f1, f2, ...}");
        if (expr.argSize() != variables.size())
            throw new IllegalArgumentException("the right-hand side has " + expr.argSize() + " components for " + variables.size() + " variables");
        StraightLineProgram program = StraightLineProgram.compile(expr, variables);
        IExpr g = session.eval("Union[Cases[" + expr.fullFormString() + ", (Max[0, e_] | Max[e_, 0] | Ramp[e_] | UnitStep[e_]) :> e, Infinity]]");
        List<String> guards = new java.util.ArrayList<>();
        for (int k = 1; k <= g.argSize(); k++) guards.add(((org.matheclipse.core.interfaces.IAST) g).get(k).toString());
        return new OdeSystem(List.copyOf(variables), expr, program, List.copyOf(guards));
    }

    public double[] evaluate(double[] x) { return program.evaluate(x); }
}
