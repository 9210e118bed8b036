package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.reluflow.model.Architecture;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * The square-integral loss int_a^b (N(x) - alpha x - beta)^2 dx of a scalar-input network (Cheridito, Jentzen and
 * Rossmannek) inside one region, as exact Symja input: the region fixes which neurons have their kink
 * t_j = -b_j / w_j inside (a, b), with which orientation, in which order, and which are active on all of [a, b].
 * On each piece between consecutive breakpoints the integrand is a polynomial in x, integrated term by term with
 * CoefficientList (Symja's Integrate is far slower, reference/stack.md 2.d); the kinks enter as the rational
 * functions -b_j / w_j of the parameters.
 */
public final class ScalarIntegralLoss {
    private ScalarIntegralLoss() {}

    /** How a neuron meets [a, b]: inactive, active everywhere, or with its kink inside facing right (w &gt; 0) or left. */
    public enum Kind { INACTIVE, ACTIVE, RIGHT, LEFT }

    /** The region of a parameter point: each neuron's kind, and the order of the inside kinks (neuron indices). */
    public record Region(List<Kind> kinds, List<Integer> kinkOrder) {
        @Override public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < kinds.size(); j++) sb.append(j > 0 ? ", " : "").append("n").append(j + 1).append('=').append(kinds.get(j));
            if (!kinkOrder.isEmpty()) sb.append("; kinks left to right: ").append(kinkOrder.stream().map(j -> "n" + (j + 1)).toList());
            return sb.toString();
        }
    }

    public static Region regionOf(Problem problem, double[] theta) {
        IntervalTarget t = target(problem);
        ParameterLayout layout = problem.layout();
        List<Kind> kinds = new ArrayList<>();
        List<double[]> inside = new ArrayList<>();
        for (int j = 0; j < layout.width(); j++) {
            double w = theta[layout.w(j, 0)], b = layout.bias(theta, j);
            if (w != 0 && -b / w > t.a() && -b / w < t.b()) {
                kinds.add(w > 0 ? Kind.RIGHT : Kind.LEFT);
                inside.add(new double[] {-b / w, j});
            } else kinds.add(w * 0.5 * (t.a() + t.b()) + b > 0 ? Kind.ACTIVE : Kind.INACTIVE);
        }
        inside.sort((p, q) -> Double.compare(p[0], q[0]));
        List<Integer> order = new ArrayList<>();
        for (double[] p : inside) order.add((int) p[1]);
        return new Region(kinds, order);
    }

    /** Symja text of L in the region. Requires a hidden bias (the kinks need it) and the output bias is optional. */
    public static String loss(Problem problem, Region region) {
        IntervalTarget t = target(problem);
        Architecture arch = problem.architecture();
        if (!arch.hiddenBias()) throw new IllegalArgumentException("the scalar-input loss needs a hidden bias");
        return piecewise(Rationals.symja(t.a()), Rationals.symja(t.b()), Rationals.symja(t.alpha()), Rationals.symja(t.beta()),
                region, arch.outputBias() ? Names.LAYOUT : Names.LAYOUT.withoutOutputBias());
    }

    /**
     * Symja names of neuron j's output weight, input weight and bias (0-based j), and of the output bias (null when
     * the network has none).
     */
    public record Names(IntFunction<String> outWeight, IntFunction<String> inWeight, IntFunction<String> bias, String outputBias) {
        /** The names of {@link ParameterSymbols}: a1, w1x1, b1, c. */
        public static final Names LAYOUT = new Names(ParameterSymbols::a, j -> ParameterSymbols.w(j, 0), ParameterSymbols::b,
                ParameterSymbols.C);

        public Names withoutOutputBias() { return new Names(outWeight, inWeight, bias, null); }
    }

    /**
     * The piecewise integral itself, shared by the field derivation and the exact critical-point solver: int over
     * [a, b] (Symja texts of exact numbers) of (c + sum of the neurons on in each piece - alpha x - beta)^2, one
     * polyInt per piece between consecutive breakpoints. Needs {@link #definePolyInt} in the session.
     */
    public static String piecewise(String a, String b, String alpha, String beta, Region region, Names names) {
        List<String> points = new ArrayList<>();
        points.add(a);
        for (int j : region.kinkOrder()) points.add("(-" + names.bias().apply(j) + "/" + names.inWeight().apply(j) + ")");
        points.add(b);
        StringBuilder sum = new StringBuilder();
        for (int piece = 0; piece + 1 < points.size(); piece++) {
            StringBuilder n = new StringBuilder(names.outputBias() != null ? names.outputBias() : "0");
            for (int j = 0; j < region.kinds().size(); j++) {
                int pos = region.kinkOrder().indexOf(j) + 1; // breakpoint index of this neuron's kink
                boolean on = switch (region.kinds().get(j)) {
                    case ACTIVE -> true;
                    case INACTIVE -> false;
                    case RIGHT -> piece >= pos;   // active right of its kink
                    case LEFT -> piece < pos;     // active left of its kink
                };
                if (on) n.append(" + ").append(names.outWeight().apply(j)).append("*(").append(names.inWeight().apply(j))
                        .append("*x + ").append(names.bias().apply(j)).append(")");
            }
            String integrand = "Expand[(" + n + " - " + alpha + "*x - " + beta + ")^2]";
            if (sum.length() > 0) sum.append(" + ");
            sum.append("polyInt[").append(integrand).append(", x, ").append(points.get(piece)).append(", ").append(points.get(piece + 1)).append("]");
        }
        return sum.toString();
    }

    /** Defines polyInt in the session: int_lo^hi q(x) dx term by term. */
    public static void definePolyInt(SymjaSession session) throws SymbolicException {
        session.eval("polyInt[q_, x_, lo_, hi_] := Module[{cl = CoefficientList[q, x], k}, "
                + "Total[Table[cl[[k]]*(hi^k - lo^k)/k, {k, 1, Length[cl]}]]]");
    }

    static IntervalTarget target(Problem problem) {
        if (!(problem.data() instanceof IntervalTarget t)) throw new IllegalArgumentException("needs scalar interval data");
        return t;
    }
}
