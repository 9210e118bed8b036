package org.reluflow.validated;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.StraightLineProgram;

/**
 * The gradient-flow field theta' = -grad L(theta) of a two-layer network on a finite data set, assembled as a
 * {@link StraightLineProgram} with Max[0, z_ij] and UnitStep[z_ij] for every pre-activation z_ij = <w_j, x_i> + b_j,
 * so that validated integration sees the activation surfaces as guards. Data enter as the exact values of their
 * doubles; the output scale 1/sqrt(m) is enclosed, not rounded. The same program, run in double, is the float64
 * field whose GD iterates {@link GdEnclosure} encloses.
 */
public final class NetworkFields {

    private NetworkFields() {}

    /** The field -grad L; variables are the layout's parameter names. */
    public static StraightLineProgram negativeGradient(Problem problem) {
        if (!(problem.data() instanceof FiniteDataset data))
            throw new IllegalArgumentException("validated network fields need a finite data set (square_integral is not supported)");
        Architecture arch = problem.architecture();
        ParameterLayout lay = arch.layout();
        Activation act = arch.activation();
        int m = arch.width(), d = arch.inputDim(), n = data.size();
        StraightLineProgram.Assembler asm = StraightLineProgram.assemble(lay.names());
        int s = scale(asm, arch.outputScale(), m);
        double eps = act.negativeSlope();
        int[][] z = new int[n][m], sigma = new int[n][m], slope = new int[n][m];
        int[] residual = new int[n];
        for (int i = 0; i < n; i++) {
            int f = -1;
            for (int j = 0; j < m; j++) {
                int acc = arch.hiddenBias() ? asm.variable(lay.b(j)) : -1;
                for (int k = 0; k < d; k++) {
                    double xik = data.x()[i][k];
                    if (xik == 0) continue;
                    int term = asm.multiply(asm.variable(lay.w(j, k)), asm.constant(xik));
                    acc = acc < 0 ? term : asm.add(acc, term);
                }
                z[i][j] = acc;
                if (acc < 0) { // x_i = 0 and no bias: z_ij = 0 identically, no surface to cross
                    sigma[i][j] = asm.constant(0.0);
                    slope[i][j] = asm.constant(act.derivativeAtZero());
                } else if (act.isLinear()) {
                    sigma[i][j] = acc;
                    slope[i][j] = asm.constant(1.0);
                } else {
                    int ramp = asm.ramp(acc), step = asm.unitStep(acc);
                    sigma[i][j] = eps == 0 ? ramp : asm.add(asm.multiply(asm.constant(eps), acc), asm.multiply(asm.constant(1 - eps), ramp));
                    slope[i][j] = eps == 0 ? step : asm.add(asm.constant(eps), asm.multiply(asm.constant(1 - eps), step));
                }
                int term = asm.multiply(asm.variable(lay.a(j)), sigma[i][j]);
                f = f < 0 ? term : asm.add(f, term);
            }
            f = asm.multiply(s, f);
            if (arch.outputBias()) f = asm.add(asm.variable(lay.c()), f);
            residual[i] = residual(asm, problem, f, data.y()[i], data.weights()[i]);
        }
        int[] field = new int[lay.size()];
        int zero = asm.constant(0.0);
        java.util.Arrays.fill(field, zero);
        for (int j = 0; j < m; j++) {
            int ga = -1, gb = -1;
            int[] gw = new int[d];
            java.util.Arrays.fill(gw, -1);
            for (int i = 0; i < n; i++) {
                ga = sum(asm, ga, asm.multiply(residual[i], sigma[i][j]));
                int rs = asm.multiply(residual[i], slope[i][j]);
                gb = sum(asm, gb, rs);
                for (int k = 0; k < d; k++) if (data.x()[i][k] != 0) gw[k] = sum(asm, gw[k], asm.multiply(rs, asm.constant(data.x()[i][k])));
            }
            int sa = asm.multiply(s, asm.variable(lay.a(j)));
            if (arch.trainOutputLayer()) field[lay.a(j)] = asm.negate(asm.multiply(s, ga));
            for (int k = 0; k < d; k++) if (gw[k] >= 0) field[lay.w(j, k)] = asm.negate(asm.multiply(sa, gw[k]));
            if (arch.hiddenBias()) field[lay.b(j)] = asm.negate(asm.multiply(sa, gb));
        }
        if (arch.outputBias()) {
            int gc = -1;
            for (int i = 0; i < n; i++) gc = sum(asm, gc, residual[i]);
            field[lay.c()] = asm.negate(gc);
        }
        // mutation runs only: the compiled field times the problem's field scale
        double fieldScale = problem.perturbation().fieldScale();
        if (fieldScale != 1) {
            int c = asm.constant(fieldScale);
            for (int k = 0; k < field.length; k++) if (field[k] != zero) field[k] = asm.multiply(c, field[k]);
        }
        return asm.build(field);
    }

    /** Guard names in the order the program meets them: the pre-activation of neuron j on sample i. */
    public static List<String> guardNames(Problem problem) {
        FiniteDataset data = (FiniteDataset) problem.data();
        Architecture arch = problem.architecture();
        List<String> names = new ArrayList<>();
        if (arch.activation().isLinear()) return names;
        for (int i = 0; i < data.size(); i++)
            for (int j = 0; j < arch.width(); j++) {
                boolean allZero = true;
                for (double v : data.x()[i]) allZero &= v == 0;
                if (allZero && !arch.hiddenBias()) continue; // z = 0 identically: no guard
                names.add("<w" + (j + 1) + ", x" + (i + 1) + ">" + (arch.hiddenBias() ? " + b" + (j + 1) : ""));
            }
        return names;
    }

    /** The validated field of a network problem, with readable guard names. */
    public static SwitchedField switchedField(Problem problem) {
        StraightLineProgram p = negativeGradient(problem);
        SwitchedField f = SwitchedField.of(p, problem.architecture().activation().gateAtZero());
        List<String> names = guardNames(problem);
        if (names.size() == f.guardCount()) f = f.withGuardNames(names);
        // the bound is for -grad L; it covers a mutant's scaled field only when the scale is at most 1
        NetworkLogNorm bound = problem.perturbation().fieldScale() > 1 ? null : NetworkLogNorm.of(problem, f.tape());
        return bound == null ? f : f.withLogNorm(bound);
    }

    private static int sum(StraightLineProgram.Assembler asm, int acc, int term) {
        return acc < 0 ? term : asm.add(acc, term);
    }

    private static int scale(StraightLineProgram.Assembler asm, OutputScale scale, int m) {
        return switch (scale) {
            case ONE -> asm.constant(1.0);
            case INV_SQRT_M -> asm.divide(asm.constant(1.0), asm.sqrt(asm.constant(new BigFraction(m))));
            case INV_M -> asm.constant(new BigFraction(1, m));
        };
    }

    /** p ell'(f, y) for the per-sample losses. */
    private static int residual(StraightLineProgram.Assembler asm, Problem problem, int f, double y, double p) {
        int py = asm.constant(p);
        return switch (problem.loss()) {
            case SQUARE -> asm.multiply(py, asm.subtract(f, asm.constant(y)));
            case EXPONENTIAL -> asm.negate(asm.multiply(asm.constant(p * y), asm.exp(asm.negate(asm.multiply(asm.constant(y), f)))));
            case LOGISTIC -> asm.negate(asm.divide(asm.constant(p * y),
                    asm.add(asm.constant(1.0), asm.exp(asm.multiply(asm.constant(y), f)))));
            case SQUARE_INTEGRAL -> throw new IllegalArgumentException("square_integral has no per-sample residual");
        };
    }
}
