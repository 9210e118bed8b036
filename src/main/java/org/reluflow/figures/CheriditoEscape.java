package org.reluflow.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.reluflow.field.IntervalObjective;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.IntervalTarget;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;
import org.reluflow.report.Figure;
import org.reluflow.symbolic.CriticalPoints;
import org.reluflow.symbolic.SymjaSession;

/**
 * GD started at phi* + eps v next to the L_3 saddle of the scalar affine target on [0, 1] (alpha = 1, beta = 0, two
 * neurons): phi* exact from the symbolic engine, v the eigenvector of the most negative Hessian eigenvalue
 * lambda_min (Hessian by central differences of the exact piecewise gradient). The distance to phi* grows like
 * eps (1 - gamma lambda_min)^n until GD leaves the neighbourhood.
 */
final class CheriditoEscape {
    private CheriditoEscape() {}

    static List<Path> write(Path dir, SymjaSession s) throws Exception {
        CriticalPoints.Instance in = CriticalPoints.Instance.of("0", "1", "1", "0", 2, true);
        Map<String, BigFraction> star = new CriticalPoints(s).lkConfiguration(in, 3);
        Problem p = new Problem(new Architecture(2, 1, true, true, OutputScale.ONE, true, Activation.relu()),
                new IntervalTarget(0, 1, 1, 0), Loss.SQUARE_INTEGRAL);
        ParameterLayout l = p.layout();
        double[] phi = new double[l.size()];
        for (int j = 0; j < 2; j++) {
            phi[l.a(j)] = star.get("v" + (j + 1)).doubleValue();
            phi[l.w(j, 0)] = star.get("w" + (j + 1)).doubleValue();
            phi[l.b(j)] = star.get("b" + (j + 1)).doubleValue();
        }
        phi[l.c()] = star.get("c").doubleValue();
        IntervalObjective obj = new IntervalObjective(p);
        int n = phi.length;
        double[][] h = new double[n][n];
        double step = 1e-5;
        for (int j = 0; j < n; j++) {
            double[] plus = phi.clone(), minus = phi.clone(), gp = new double[n], gm = new double[n];
            plus[j] += step;
            minus[j] -= step;
            obj.valueAndGradient(plus, gp);
            obj.valueAndGradient(minus, gm);
            for (int i = 0; i < n; i++) h[i][j] = (gp[i] - gm[i]) / (2 * step);
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) { double a = (h[i][j] + h[j][i]) / 2; h[i][j] = a; h[j][i] = a; }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false));
        double[] ev = eig.getEigenvalues();
        int kMin = 0;
        for (int k = 1; k < ev.length; k++) if (ev[k] < ev[kMin]) kMin = k;
        double lambdaMin = ev[kMin], lambdaMax = java.util.Arrays.stream(ev).max().orElse(1);
        double[] v = eig.getEigenvector(kMin).toArray();
        double gamma = 0.5 / lambdaMax, eps = 1e-7;
        double[] x = phi.clone(), g = new double[n];
        for (int i = 0; i < n; i++) x[i] += eps * v[i];
        List<Double> it = new ArrayList<>(), dist = new ArrayList<>(), predicted = new ArrayList<>();
        for (int k = 0; k < 100000; k++) {
            double d2 = 0;
            for (int i = 0; i < n; i++) d2 += (x[i] - phi[i]) * (x[i] - phi[i]);
            it.add((double) k);
            dist.add(Math.sqrt(d2));
            predicted.add(eps * Math.pow(1 - gamma * lambdaMin, k));
            if (Math.sqrt(d2) > 0.3) break;
            obj.valueAndGradient(x, g);
            for (int i = 0; i < n; i++) x[i] -= gamma * g[i];
        }
        return new Figure(String.format("GD next to the L_3 saddle: lambda_min = %.4g, step %.3g", lambdaMin, gamma), "iteration n", "|phi_n - phi*|").logY()
                .add("GD", Figures.toArray(it), Figures.toArray(dist), Figure.Style.LINE)
                .add("eps (1 - gamma lambda_min)^n", Figures.toArray(it), Figures.toArray(predicted), Figure.Style.DASHED)
                .write(dir, "cheridito-escape");
    }
}
