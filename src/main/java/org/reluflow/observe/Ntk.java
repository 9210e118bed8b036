package org.reluflow.observe;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.ParameterLayout;
import org.reluflow.model.Problem;

/**
 * The neural tangent kernel Gram matrix H_ik = sum over trained parameters of df(x_i)/dtheta df(x_k)/dtheta, and the
 * infinite-width ReLU limit H-infinity_ik = <x_i, x_k> (pi - arccos <x_i, x_k>) / (2 pi) of the first-layer kernel
 * for unit inputs (Du et al. 2019; papers.md section 5.2).
 */
public final class Ntk {
    private Ntk() {}

    public static double[][] gram(Problem problem, double[] theta) {
        if (!(problem.data() instanceof FiniteDataset data)) throw new IllegalArgumentException("the NTK Gram matrix needs finite data");
        Architecture arch = problem.architecture();
        ParameterLayout layout = arch.layout();
        Activation act = arch.activation();
        int n = data.size(), m = arch.width();
        double s = arch.scale();
        double[][] x = data.x();
        double[][] z = new double[n][m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) z[i][j] = layout.preactivation(theta, j, x[i]);
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int k = i; k < n; k++) {
                double inner = arch.hiddenBias() ? 1 : 0;
                for (int c = 0; c < arch.inputDim(); c++) inner += x[i][c] * x[k][c];
                double acc = arch.outputBias() ? 1 : 0;
                for (int j = 0; j < m; j++) {
                    double a = theta[layout.a(j)];
                    acc += s * s * a * a * act.derivative(z[i][j]) * act.derivative(z[k][j]) * inner;
                    if (arch.trainOutputLayer()) acc += s * s * act.value(z[i][j]) * act.value(z[k][j]);
                }
                h[i][k] = acc;
                h[k][i] = acc;
            }
        return h;
    }

    /**
     * H-infinity_ik = &lt;x_i, x_k&gt; (pi - theta_ik) / (2 pi), theta_ik the angle between x_i and x_k (first layer
     * trained, a_r = +-1, scale 1/sqrt(m), no bias; for unit inputs this is the formula of Du et al.). The angle is
     * 2 atan2(|u - v|, |u + v|) of the normalized inputs, which stays accurate near 0 and pi where arccos of a
     * rounded cosine loses half the digits.
     */
    public static double[][] infiniteWidth(double[][] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double dot = 0, ni = 0, nk = 0;
                for (int q = 0; q < x[i].length; q++) { dot += x[i][q] * x[k][q]; ni += x[i][q] * x[i][q]; nk += x[k][q] * x[k][q]; }
                ni = Math.sqrt(ni);
                nk = Math.sqrt(nk);
                double diff = 0, sum = 0;
                for (int q = 0; q < x[i].length; q++) {
                    double u = x[i][q] / ni, v = x[k][q] / nk;
                    diff += (u - v) * (u - v);
                    sum += (u + v) * (u + v);
                }
                double angle = 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
                h[i][k] = dot * (Math.PI - angle) / (2 * Math.PI);
            }
        return h;
    }

    /** Eigenvalues in increasing order. */
    public static double[] eigenvalues(double[][] symmetric) {
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(symmetric, false)).getEigenvalues();
        double[] out = ev.clone();
        java.util.Arrays.sort(out);
        return out;
    }

    /** lambda_0 = the smallest eigenvalue of H-infinity. */
    public static double lambda0(double[][] x) { return eigenvalues(infiniteWidth(x))[0]; }
}
