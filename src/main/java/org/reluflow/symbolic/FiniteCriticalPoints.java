package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.CriticalPoints.Certified;
import org.reluflow.symbolic.CriticalPoints.Placement;

/**
 * Exact critical points of the square loss on a small finite data set (orthogonal inputs of Boursier et al., or any
 * exact data), activation region by activation region.
 *
 * <p>Gauge: the rescaling (a_j, w_j, b_j) -> (a_j / s, s w_j, s b_j), s > 0, keeps the sign of a_j, so each neuron
 * is solved in three branches: a_j = +1, a_j = -1, a_j = 0. With a_j = +-1 the loss is quadratic in (w, b, c) and the
 * conditions dL/dw_j = dL/db_j = 0 imply dL/da_j = 0 by positive homogeneity (a dL/da = w . dL/dw + b dL/db); with
 * a_j = 0 the condition left is dL/da_j = sum_i r_i sigma(z_ij) = 0. Each branch is solved through a Groebner basis,
 * and what is found is kept when it lies in the open region (every pre-activation strictly on its side), directly or
 * through a certified member of the family.
 *
 * <p>Out of scope: points on region boundaries (a pre-activation exactly 0), such as theta = 0, which is critical
 * under the convention sigma'(0) = 0 but where no Hessian exists.
 */
public final class FiniteCriticalPoints {

    /** A critical family in one region and sign branch, and the certificate of one member (null if none found). */
    public record Found(ActivationPattern pattern, String outputSigns, String parametrization, Map<String, String> values,
                        Placement placement, String loss, Certified certified) {}

    /** What a survey found, the systems it could not finish (with the reason), and how many systems it solved. */
    public record Survey(List<Found> found, List<String> unresolved, int systems) {}

    /** Largest n * m surveyed: the number of regions grows like 2^(n m) 3^m. */
    public static final int MAX_PAIRS = 6;

    private static final String[] SIGNS = {"1", "-1", "0"};

    private final SymjaSession session;

    public FiniteCriticalPoints(SymjaSession session) { this.session = session; }

    /** Checks that the survey applies: finite data, square loss, trained output layer, n m <= MAX_PAIRS. */
    public static void requireSurveyable(Problem problem) {
        if (!(problem.data() instanceof FiniteDataset data)) throw new IllegalArgumentException("needs finite data");
        Architecture arch = problem.architecture();
        if (problem.loss() != Loss.SQUARE)
            throw new IllegalArgumentException("exact critical points on finite data are solved for the square loss only "
                    + "(exponential and logistic losses have no finite minimizers on separable data)");
        if (!arch.trainOutputLayer()) throw new IllegalArgumentException("the survey needs a trained output layer");
        if (data.size() * arch.width() > MAX_PAIRS)
            throw new IllegalArgumentException("the region survey is limited to n * m <= " + MAX_PAIRS + " (here n = "
                    + data.size() + ", m = " + arch.width() + "): it solves 2^(n m) 3^m polynomial systems");
    }

    /** Solves every region (up to relabelling the neurons) and sign branch, and certifies what lies inside. */
    public Survey survey(Problem problem, Consumer<String> progress) {
        requireSurveyable(problem);
        FiniteDataset data = (FiniteDataset) problem.data();
        int n = data.size(), m = problem.architecture().width();
        List<Found> found = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        int systems = 0;
        for (long code = 0; code < 1L << (n * m); code++) {
            boolean[][] on = new boolean[n][m];
            for (int j = 0; j < m; j++) for (int i = 0; i < n; i++) on[i][j] = (code >> (j * n + i) & 1) == 1;
            ActivationPattern pattern = new ActivationPattern(on);
            for (int s = 0; s < Math.pow(3, m); s++) {
                String[] signs = new String[m];
                for (int j = 0, c = s; j < m; j++, c /= 3) signs[j] = SIGNS[c % 3];
                if (!canonical(pattern, signs)) continue;
                systems++;
                String label = pattern + " with a = " + String.join(", ", signs);
                progress.accept(label);
                try {
                    found.addAll(solve(problem, pattern, signs));
                } catch (SymbolicException e) {
                    unresolved.add(label + ": " + e.getMessage());
                }
            }
        }
        return new Survey(found, unresolved, systems);
    }

    /** One representative per class of neuron relabellings: neurons sorted by (sign, activation column). */
    private static boolean canonical(ActivationPattern p, String[] signs) {
        for (int j = 0; j + 1 < signs.length; j++) {
            int c = signs[j].compareTo(signs[j + 1]);
            if (c == 0) c = column(p, j).compareTo(column(p, j + 1));
            if (c > 0) return false;
        }
        return true;
    }

    private static String column(ActivationPattern p, int j) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.samples(); i++) sb.append(p.on(i, j) ? '1' : '0');
        return sb.toString();
    }

    private List<Found> solve(Problem problem, ActivationPattern pattern, String[] signs) throws SymbolicException {
        ParameterLayout layout = problem.layout();
        Architecture arch = problem.architecture();
        session.eval("fcL = Expand[(" + RegionLoss.loss(problem, pattern) + ") /. " + RegionLoss.SCALE_SYMBOL + " -> "
                + RegionLoss.scaleValue(arch) + "]");
        List<String> free = new ArrayList<>(), eqs = new ArrayList<>(), fixed = new ArrayList<>();
        for (int j = 0; j < arch.width(); j++) {
            List<String> inner = new ArrayList<>();
            for (int k = 0; k < arch.inputDim(); k++) inner.add(ParameterSymbols.w(j, k));
            if (arch.hiddenBias()) inner.add(ParameterSymbols.b(j));
            free.addAll(inner);
            fixed.add(ParameterSymbols.a(j) + " -> " + signs[j]);
            if (signs[j].equals("0")) eqs.add("D[fcL, " + ParameterSymbols.a(j) + "]");
            else for (String x : inner) eqs.add("D[fcL, " + x + "]");
        }
        if (arch.outputBias()) { free.add(ParameterSymbols.C); eqs.add("D[fcL, " + ParameterSymbols.C + "]"); }
        String fixedRules = "{" + String.join(", ", fixed) + "}";
        String vars = "{" + String.join(", ", free) + "}";
        session.eval("fcE = DeleteCases[Expand[{" + String.join(", ", eqs) + "} /. " + fixedRules + "], 0]");
        // Solve on the Groebner basis: Solve alone misses solution families (reference/stack.md)
        List<Found> out = new ArrayList<>();
        for (Map<String, IExpr> values : Solutions.solve(session, "If[fcE === {}, {}, GroebnerBasis[fcE, " + vars + "]]", free)) {
            List<String> open = free.stream().filter(x -> !values.containsKey(x)).toList();
            OpenRegion.Decision place = OpenRegion.decide(session, conditions(problem, pattern), values, open, Map.of());
            if (place.placement() == Placement.OUTSIDE) continue;
            String lossValue = session.eval("Simplify[fcL /. " + fixedRules + " /. " + Solutions.rules(values) + "]").toString();
            Certified cert = null;
            if (place.member() != null) {
                Map<String, IExpr> member = new LinkedHashMap<>();
                for (String x : free)
                    member.put(x, values.containsKey(x) ? session.eval("Together[" + values.get(x).fullFormString() + " /. "
                            + Solutions.rules(place.member()) + "]") : place.member().get(x));
                cert = certify(problem, pattern, signs, member);
            }
            Map<String, String> shown = new LinkedHashMap<>();
            values.forEach((k, v) -> shown.put(k, v.toString()));
            out.add(new Found(pattern, String.join(", ", signs), parametrization(layout, signs, free, values), shown,
                    place.placement(), lossValue, cert));
        }
        return out;
    }

    /** The open region: every pre-activation strictly positive where the pattern is on, strictly negative elsewhere. */
    private static List<String> conditions(Problem problem, ActivationPattern pattern) {
        List<String> positive = new ArrayList<>();
        for (int i = 0; i < pattern.samples(); i++)
            for (int j = 0; j < pattern.width(); j++)
                positive.add((pattern.on(i, j) ? "" : "-") + RegionLoss.preactivation(problem, i, j));
        return positive;
    }

    /**
     * Certifies a member: the full gradient (a, w, b, c) vanishes exactly, and the inertia of the full Hessian of the
     * region polynomial. Zero modes explained by symmetry: per neuron, the rescaling orbit, plus the directions of
     * (w_j, b_j) orthogonal to every sample the neuron sees with nonzero slope; a neuron that sees none is flat in
     * all of (a_j, w_j, b_j).
     */
    private Certified certify(Problem problem, ActivationPattern pattern, String[] signs, Map<String, IExpr> member)
            throws SymbolicException {
        Solutions.requireExact(session, member);
        ParameterLayout layout = problem.layout();
        Architecture arch = problem.architecture();
        FiniteDataset data = (FiniteDataset) problem.data();
        Map<String, IExpr> point = new LinkedHashMap<>();
        for (String name : ParameterSymbols.names(layout)) {
            int j = name.startsWith("a") ? Integer.parseInt(name.substring(1)) - 1 : -1;
            point.put(name, j >= 0 ? session.eval(signs[j]) : member.get(name));
        }
        String list = ParameterSymbols.list(layout), r = Solutions.rules(point);
        IExpr grad = session.eval("D[fcL, {" + list + "}] /. " + r);
        boolean zero = grad instanceof IAST g && g.forAll(IExpr::isZero);
        IExpr hess = session.eval("D[fcL, {" + list + ", 2}] /. " + r);
        int explained = 0;
        double eps = arch.activation().negativeSlope();
        int inner = arch.inputDim() + (arch.hiddenBias() ? 1 : 0);
        for (int j = 0; j < arch.width(); j++) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (!pattern.on(i, j) && eps == 0) continue;
                List<String> row = new ArrayList<>();
                for (int k = 0; k < arch.inputDim(); k++) row.add(Rationals.symja(data.x()[i][k]));
                if (arch.hiddenBias()) row.add("1");
                rows.add("{" + String.join(", ", row) + "}");
            }
            if (rows.isEmpty()) { explained += inner + 1; continue; }
            int rank = session.eval("MatrixRank[{" + String.join(", ", rows) + "}]").toIntDefault();
            explained += 1 + inner - rank;
        }
        Classification cls = Classification.of(session, hess, explained);
        Map<String, String> shown = new LinkedHashMap<>();
        point.forEach((k, v) -> shown.put(k, v.toString()));
        IExpr lossValue = session.eval("fcL /. " + r);
        return new Certified("critical point in " + pattern, pattern.toString(), shown, lossValue.toString(), zero, grad.toString(), cls);
    }

    private static String parametrization(ParameterLayout layout, String[] signs, List<String> free, Map<String, IExpr> v) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < signs.length; j++)
            parts.add(ParameterSymbols.a(j) + " = " + (signs[j].equals("0") ? "0" : signs[j] + "/s" + (j + 1)));
        for (String x : free) {
            String val = v.containsKey(x) ? "(" + v.get(x) + ")" : "(" + x + ")";
            int j = x.equals(ParameterSymbols.C) ? -1 : Integer.parseInt(x.replaceAll("^[wb](\\d+).*$", "$1")) - 1;
            parts.add(x + " = " + val + (j >= 0 && !signs[j].equals("0") ? "*s" + (j + 1) : ""));
        }
        String open = String.join(", ", free.stream().filter(x -> !v.containsKey(x)).toList());
        return String.join("; ", parts) + "; s_j > 0" + (open.isEmpty() ? "" : "; free parameters (their gauge values): " + open);
    }
}
