package org.reluflow.validated;

import java.util.List;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.StraightLineProgram;

/**
 * A piecewise-smooth vector field x' = f(x) ready for validated integration: the compiled program, lowered for
 * Taylor recurrences, with its guards (the arguments of Max[0, .] and UnitStep[.]) found automatically.
 */
public final class SwitchedField {

    private final List<String> variables;
    private final SeriesTape tape;

    private SwitchedField(List<String> variables, SeriesTape tape) {
        this.variables = List.copyOf(variables);
        this.tape = tape;
    }

    /** A compiled field with one component per variable; UnitStep[0] takes the value {@code stepAtZero}. */
    public static SwitchedField of(StraightLineProgram program, double stepAtZero) {
        return new SwitchedField(program.variables(), SeriesTape.of(program, stepAtZero));
    }

    /** A user's ODE (Symja syntax); UnitStep[0] = 1 as in Symja. */
    public static SwitchedField of(OdeSystem ode) {
        return of(ode.program(), 1.0);
    }

    /** The same field with explicit names for the guards, in order of first appearance in the program. */
    public SwitchedField withGuardNames(List<String> names) {
        return new SwitchedField(variables, tape.withGuardNames(names));
    }

    public List<String> variables() { return variables; }

    public int dimension() { return variables.size(); }

    public int guardCount() { return tape.guardCount(); }

    public String guardName(int g) { return tape.guardName(g); }

    SeriesTape tape() { return tape; }
}
