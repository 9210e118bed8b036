package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/** Conserved quantities of gradient flow: verification of balancedness and discovery of quadratic invariants. */
public final class Invariants {
    private Invariants() {}

    /** Result of checking d/dt (a_j^2 - |w_j|^2 - b_j^2) = 0 in one region: the simplified derivative per neuron. */
    public record Check(String region, List<String> derivatives) {
        public boolean holds() { return derivatives.stream().allMatch("0"::equals); }
    }

    /**
     * d/dt (a_j^2 - |w_j|^2 - b_j^2) = 2 (a_j a_j' - w_j . w_j' - b_j b_j') along the flow, simplified by Symja in the
     * region; it must be 0 for every neuron.
     */
    public static Check balancedness(SymjaSession session, Problem problem, ActivationPattern region) throws SymbolicException {
        return balancedness(session, problem, RegionField.derive(session, problem, region, false));
    }

    /** The same check on an already derived field (finite data or the scalar square-integral loss). */
    public static Check balancedness(SymjaSession session, Problem problem, RegionField f) throws SymbolicException {
        ParameterLayout layout = problem.layout();
        List<String> comps = f.fieldText();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < layout.width(); j++) {
            StringBuilder sb = new StringBuilder("2*(");
            sb.append(ParameterSymbols.a(j)).append("*(").append(comps.get(layout.a(j))).append(")");
            for (int k = 0; k < layout.inputDim(); k++)
                sb.append(" - ").append(ParameterSymbols.w(j, k)).append("*(").append(comps.get(layout.w(j, k))).append(")");
            if (layout.hiddenBias()) sb.append(" - ").append(ParameterSymbols.b(j)).append("*(").append(comps.get(layout.b(j))).append(")");
            sb.append(")");
            out.add(session.eval("Together[Expand[" + sb + "]]").toString());
        }
        return new Check(f.region(), out);
    }

    /** dQ/dt along the flow in the region, simplified by Symja (0 when Q is conserved there). */
    public static String derivativeAlongFlow(SymjaSession session, Problem problem, ActivationPattern region, String q)
            throws SymbolicException {
        RegionField f = RegionField.derive(session, problem, region, false);
        // Total of the elementwise product, not Dot: Symja leaves a Dot of lists with exponential entries unevaluated
        return session.eval("Together[Expand[Total[D[" + q + ", {" + ParameterSymbols.list(problem.layout()) + "}] * ("
                + f.field().fullFormString() + ")]]]").toString();
    }

    /** Every region of a small problem (at most 2^12 of them), or {@code samples} random regions of a larger one. */
    public static List<ActivationPattern> regions(Problem problem, int samples, long seed) {
        int n = RegionLoss.finite(problem).size(), m = problem.architecture().width(), bits = n * m;
        List<ActivationPattern> out = new ArrayList<>();
        Random rnd = new Random(seed);
        long count = bits <= 12 ? 1L << bits : samples;
        for (long code = 0; code < count; code++) {
            boolean[][] on = new boolean[n][m];
            for (int b = 0; b < bits; b++) on[b / m][b % m] = bits <= 12 ? ((code >> b) & 1) == 1 : rnd.nextBoolean();
            out.add(new ActivationPattern(on));
        }
        return out;
    }

    /** A quadratic form theta^T A theta, A symmetric, with its Symja text. */
    public record QuadraticForm(BigFraction[][] matrix, String text) {}

    /**
     * All quadratic forms Q(theta) = theta^T A theta with grad Q . grad L = 0 identically, for the square loss: each
     * random rational point theta gives one linear equation theta^T A grad L(theta) = 0 on A, with grad L from the
     * region of theta evaluated exactly; the null space of enough equations is the invariant space (with probability
     * one), and every form found is then verified symbolically in every region the points visited.
     *
     * @throws SymbolicException if a form fails the symbolic verification (never expected) or Symja fails
     */
    public static List<QuadraticForm> discoverQuadratic(SymjaSession session, Problem problem, long seed) throws SymbolicException {
        if (problem.loss() != Loss.SQUARE) throw new IllegalArgumentException("invariant discovery needs the square loss (exact rational gradients)");
        if (problem.architecture().outputScale() == OutputScale.INV_SQRT_M)
            throw new IllegalArgumentException("invariant discovery needs a rational output scale (1 or 1/m)");
        ParameterLayout layout = problem.layout();
        int p = layout.size(), unknowns = p * (p + 1) / 2;
        Random rnd = new Random(seed);
        Map<ActivationPattern, RegionField> fields = new LinkedHashMap<>();
        List<BigFraction[]> rows = new ArrayList<>();
        for (int e = 0; e < unknowns + 12; e++) {
            double[] theta = new double[p];
            BigFraction[] exact = new BigFraction[p];
            for (int k = 0; k < p; k++) {
                exact[k] = new BigFraction(rnd.nextInt(4001) - 2000, 1000);
                theta[k] = exact[k].doubleValue();
            }
            ActivationPattern region = ActivationPattern.of(problem, theta);
            RegionField f = fields.get(region);
            if (f == null) fields.put(region, f = RegionField.derive(session, problem, region, false));
            List<BigFraction> g = f.compiledField().evaluate(RationalArithmetic.INSTANCE, List.of(exact));
            BigFraction[] row = new BigFraction[unknowns];
            int u = 0;
            for (int a = 0; a < p; a++)
                for (int b = a; b < p; b++)
                    row[u++] = a == b ? exact[a].multiply(g.get(a)) : exact[a].multiply(g.get(b)).add(exact[b].multiply(g.get(a)));
            rows.add(row);
        }
        List<BigFraction[]> basis = nullSpace(rows, unknowns);
        List<String> names = ParameterSymbols.names(layout);
        List<QuadraticForm> forms = new ArrayList<>();
        for (BigFraction[] v : basis) {
            BigFraction[][] a = new BigFraction[p][p];
            StringBuilder text = new StringBuilder();
            int u = 0;
            for (int i = 0; i < p; i++)
                for (int j = i; j < p; j++) {
                    BigFraction c = v[u++];
                    a[i][j] = i == j ? c : c.divide(2);
                    a[j][i] = a[i][j];
                    if (c.signum() == 0) continue;
                    text.append(text.length() == 0 ? "" : " + ").append(Rationals.symja(c)).append("*")
                            .append(names.get(i)).append("*").append(names.get(j));
                }
            String q = session.eval("Expand[" + text + "]").toString();
            for (RegionField f : fields.values()) {
                String check = session.eval("Together[Expand[D[" + q + ", {" + ParameterSymbols.list(layout) + "}] . ("
                        + f.field().fullFormString() + ")]]").toString();
                if (!check.equals("0"))
                    throw new SymbolicException("candidate invariant " + q + " fails in region " + f.region() + ": " + check, false);
            }
            forms.add(new QuadraticForm(a, q));
        }
        return forms;
    }

    /** A basis of the null space of the rows (reduced row echelon form over the rationals). */
    static List<BigFraction[]> nullSpace(List<BigFraction[]> rows, int cols) {
        BigFraction[][] m = rows.toArray(new BigFraction[0][]);
        int r = 0;
        int[] pivotCol = new int[Math.min(m.length, cols)];
        for (int c = 0; c < cols && r < m.length; c++) {
            int piv = -1;
            for (int i = r; i < m.length; i++) if (m[i][c].signum() != 0) { piv = i; break; }
            if (piv < 0) continue;
            BigFraction[] t = m[piv]; m[piv] = m[r]; m[r] = t;
            BigFraction inv = BigFraction.ONE.divide(m[r][c]);
            for (int k = 0; k < cols; k++) m[r][k] = m[r][k].multiply(inv);
            for (int i = 0; i < m.length; i++) {
                if (i == r || m[i][c].signum() == 0) continue;
                BigFraction f = m[i][c];
                for (int k = 0; k < cols; k++) m[i][k] = m[i][k].subtract(f.multiply(m[r][k]));
            }
            pivotCol[r++] = c;
        }
        boolean[] isPivot = new boolean[cols];
        for (int i = 0; i < r; i++) isPivot[pivotCol[i]] = true;
        List<BigFraction[]> basis = new ArrayList<>();
        for (int free = 0; free < cols; free++) {
            if (isPivot[free]) continue;
            BigFraction[] v = new BigFraction[cols];
            java.util.Arrays.fill(v, BigFraction.ZERO);
            v[free] = BigFraction.ONE;
            for (int i = 0; i < r; i++) v[pivotCol[i]] = m[i][free].negate();
            basis.add(v);
        }
        return basis;
    }

}
