package org.reluflow.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reluflow.field.IntervalObjective;
import org.reluflow.model.Activation;
import org.reluflow.report.Figure;
import org.reluflow.claims.ScalarTargetClaim;
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
        ScalarTargetClaim.Saddle saddle = ScalarTargetClaim.l3Saddle(s);
        double[] phi = saddle.point(), v = saddle.direction();
        IntervalObjective obj = new IntervalObjective(ScalarTargetClaim.problem(2, Activation.relu()));
        int n = phi.length;
        double lambdaMin = saddle.lambdaMin(), lambdaMax = saddle.lambdaMax();
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
