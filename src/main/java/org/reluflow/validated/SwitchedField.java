package org.reluflow.validated;

import java.util.List;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.StraightLineProgram;

/**
 * A piecewise-smooth vector field x' = f(x) ready for validated integration: the compiled program, lowered for
 * Taylor recurrences, with its guards (the arguments of Max[0, .] and UnitStep[.]) found automatically.
 */
public final class SwitchedField {

    /**
     * An upper bound on the logarithmic norm mu_2(Df(y)) = lambda_max((Df + Df^T) / 2) of the field of one region
     * (guard signs {@code signs}), over every y in {@code box}: two solutions of that field approach or separate at
     * most like e^{mu t} in the Euclidean norm. Used by {@link ValidatedIntegrator.SetKind#BALL}.
     */
    @FunctionalInterface
    interface LogNorm {
        double upper(org.reluflow.interval.Interval[] box, int[] signs);
    }

    private final List<String> variables;
    private final SeriesTape tape;
    private final LogNorm logNorm;

    private SwitchedField(List<String> variables, SeriesTape tape, LogNorm logNorm) {
        this.variables = List.copyOf(variables);
        this.tape = tape;
        this.logNorm = logNorm;
    }

    /** A compiled field with one component per variable; UnitStep[0] takes the value {@code stepAtZero}. */
    public static SwitchedField of(StraightLineProgram program, double stepAtZero) {
        return new SwitchedField(program.variables(), SeriesTape.of(program, stepAtZero), null);
    }

    /** A user's ODE (Symja syntax); UnitStep[0] = 1 as in Symja. */
    public static SwitchedField of(OdeSystem ode) {
        return of(ode.program(), 1.0);
    }

    /** The same field with explicit names for the guards, in order of first appearance in the program. */
    public SwitchedField withGuardNames(List<String> names) {
        return new SwitchedField(variables, tape.withGuardNames(names), logNorm);
    }

    /** The same field with a structural log-norm bound (null: the integrator's generic bound from the Jacobian). */
    SwitchedField withLogNorm(LogNorm bound) {
        return new SwitchedField(variables, tape, bound);
    }

    /** Whether a cheap structural log-norm bound is known (ball sets then suit high dimensions). */
    public boolean hasLogNorm() { return logNorm != null; }

    LogNorm logNorm() { return logNorm; }

    public List<String> variables() { return variables; }

    public int dimension() { return variables.size(); }

    public int guardCount() { return tape.guardCount(); }

    public String guardName(int g) { return tape.guardName(g); }

    SeriesTape tape() { return tape; }
}
