package org.reluflow.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

/** The NTK Gram matrix at random initialization approaches H-infinity at the Monte-Carlo rate 1/sqrt(m). */
class NtkTest {

    static double[][] unitInputs(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            double nn = 0;
            for (int k = 0; k < d; k++) { row[k] = r.nextGaussian(); nn += row[k] * row[k]; }
            for (int k = 0; k < d; k++) row[k] /= Math.sqrt(nn);
        }
        return x;
    }

    /** max |H(0) - H-inf| for a network of width m in the NTK parametrization (a = +-1 fixed, w ~ N(0, I)). */
    static double gap(double[][] x, int m, long seed) {
        int d = x[0].length;
        Problem p = new Problem(new Architecture(m, d, false, false, OutputScale.INV_SQRT_M, false, Activation.relu()),
                FiniteDataset.uniform(x, new double[x.length]), Loss.SQUARE);
        Random r = new Random(seed);
        double[] theta = new double[p.layout().size()];
        for (int j = 0; j < m; j++) theta[j] = r.nextBoolean() ? 1 : -1;
        for (int k = m; k < theta.length; k++) theta[k] = r.nextGaussian();
        double[][] h = Ntk.gram(p, theta), hinf = Ntk.infiniteWidth(x);
        double gap = 0;
        for (int i = 0; i < x.length; i++) for (int k = 0; k < x.length; k++) gap = Math.max(gap, Math.abs(h[i][k] - hinf[i][k]));
        return gap;
    }

    @Test
    void gramConcentratesOnTheClosedFormAtRateOneOverSqrtWidth() {
        double[][] x = unitInputs(5, 8, 3);
        double g1 = 0, g2 = 0;
        for (long s = 0; s < 5; s++) { g1 += gap(x, 1_000, s) / 5; g2 += gap(x, 100_000, 100 + s) / 5; }
        double slope = Math.log(g2 / g1) / Math.log(100.0); // expected -1/2
        assertEquals(-0.5, slope, 0.2, "gaps " + g1 + " -> " + g2);
        assertTrue(g2 < 1e-2, "gap at m = 1e5: " + g2);
    }

    @Test
    void closedFormMatchesTheExpectationOverGaussianWeights() {
        double[][] x = unitInputs(4, 6, 9);
        double[][] hinf = Ntk.infiniteWidth(x);
        for (int i = 0; i < 4; i++) {
            double c = 0;
            for (int q = 0; q < 6; q++) c += x[i][q] * x[i][q];
            assertEquals(0.5 * c, hinf[i][i], 1e-12); // pi - arccos(1) = pi: half of |x|^2
        }
        double lambda0 = Ntk.lambda0(x);
        assertTrue(lambda0 > 0, "distinct unit inputs give a positive definite H-infinity: " + lambda0);
        // parallel inputs make it singular
        double[][] parallel = {x[0], x[0].clone(), x[1]};
        assertEquals(0.0, Ntk.lambda0(parallel), 1e-12);
        // every entry against a Monte Carlo estimate of E_w[<x_i, x_j> 1{w.x_i > 0} 1{w.x_j > 0}], w ~ N(0, I):
        // 200000 draws, tolerance 5 standard errors (the indicator product has variance <= 1/4)
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(41);
        int draws = 200_000;
        double[][] count = new double[4][4];
        double[] w = new double[6];
        for (int s = 0; s < draws; s++) {
            for (int q = 0; q < 6; q++) w[q] = rnd.nextGaussian();
            boolean[] on = new boolean[4];
            for (int i = 0; i < 4; i++) {
                double z = 0;
                for (int q = 0; q < 6; q++) z += w[q] * x[i][q];
                on[i] = z > 0;
            }
            for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) if (on[i] && on[j]) count[i][j]++;
        }
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                double dot = 0;
                for (int q = 0; q < 6; q++) dot += x[i][q] * x[j][q];
                double tolerance = 5 * Math.abs(dot) * 0.5 / Math.sqrt(draws) + 1e-12;
                assertEquals(dot * count[i][j] / draws, hinf[i][j], tolerance, "H-infinity entry " + i + "," + j);
            }
    }
}
