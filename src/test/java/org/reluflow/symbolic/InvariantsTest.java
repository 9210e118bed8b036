package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.OutputScale;
import org.reluflow.model.Problem;

class InvariantsTest {

    static final SymjaSession SESSION = SymjaSession.limitedTo(120);

    @AfterAll
    static void close() { SESSION.close(); }

    static Problem small(int m, int d, int n, boolean bias, Loss loss, Activation act, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[i][k] = (r.nextInt(19) - 9) / 4.0;
            y[i] = loss.isClassification() ? (i % 2 == 0 ? 1 : -1) : (r.nextInt(9) - 4) / 2.0;
        }
        return new Problem(new Architecture(m, d, bias, false, OutputScale.ONE, true, act), FiniteDataset.uniform(x, y), loss);
    }

    @ParameterizedTest
    @CsvSource({"SQUARE, 0, false", "SQUARE, 0, true", "EXPONENTIAL, 0, false", "LOGISTIC, 0.1, true"})
    void balancednessIsConservedInEveryRegion(Loss loss, double eps, boolean bias) throws SymbolicException {
        Problem p = small(2, 2, 2, bias, loss, new Activation(eps, eps), 4);
        List<ActivationPattern> regions = Invariants.regions(p, 0, 0);
        assertEquals(16, regions.size());
        for (ActivationPattern region : regions) {
            Invariants.Check c = Invariants.balancedness(SESSION, p, region);
            assertTrue(c.holds(), "region " + region + ": " + c.derivatives());
        }
    }

    @Test
    void aWrongQuadraticFormIsNotReportedConserved() throws SymbolicException {
        Problem p = small(2, 2, 2, false, Loss.SQUARE, Activation.relu(), 4);
        ActivationPattern all = Invariants.regions(p, 0, 0).get(15);
        assertEquals("0", Invariants.derivativeAlongFlow(SESSION, p, all, "a1^2 - w1x1^2 - w1x2^2"));
        assertNotEquals("0", Invariants.derivativeAlongFlow(SESSION, p, all, "a1^2 - 2*w1x1^2 - w1x2^2"));
        assertNotEquals("0", Invariants.derivativeAlongFlow(SESSION, p, all, "a1^2 - w2x1^2 - w2x2^2"));
    }

    /** ReLU: exactly the per-neuron balancedness a_j^2 - |w_j|^2. */
    @Test
    void discoveryFindsExactlyPerNeuronBalancednessForRelu() throws SymbolicException {
        Problem p = small(2, 2, 3, false, Loss.SQUARE, Activation.relu(), 8);
        List<Invariants.QuadraticForm> found = Invariants.discoverQuadratic(SESSION, p, 1);
        List<BigFraction[][]> expected = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            BigFraction[][] a = zero(6);
            a[j][j] = BigFraction.ONE;
            a[2 + 2 * j][2 + 2 * j] = BigFraction.MINUS_ONE;
            a[3 + 2 * j][3 + 2 * j] = BigFraction.MINUS_ONE;
            expected.add(a);
        }
        assertSameSpan(expected, found);
    }

    /** Linear network: the entries of W2^T W2 - W1 W1^T, i.e. a_i a_j - <w_i, w_j>, m(m+1)/2 of them. */
    @Test
    void discoveryFindsTheMatrixInvariantOfLinearNetworks() throws SymbolicException {
        Problem p = small(2, 2, 3, false, Loss.SQUARE, Activation.linear(), 9);
        List<Invariants.QuadraticForm> found = Invariants.discoverQuadratic(SESSION, p, 2);
        List<BigFraction[][]> expected = new ArrayList<>();
        for (int i = 0; i < 2; i++)
            for (int j = i; j < 2; j++) {
                BigFraction[][] a = zero(6);
                BigFraction h = i == j ? BigFraction.ONE : new BigFraction(1, 2);
                a[i][j] = a[j][i] = h;
                for (int k = 0; k < 2; k++) { a[2 + 2 * i + k][2 + 2 * j + k] = h.negate(); a[2 + 2 * j + k][2 + 2 * i + k] = h.negate(); }
                expected.add(a);
            }
        assertSameSpan(expected, found);
    }

    private static BigFraction[][] zero(int p) {
        BigFraction[][] a = new BigFraction[p][p];
        for (BigFraction[] row : a) java.util.Arrays.fill(row, BigFraction.ZERO);
        return a;
    }

    private static void assertSameSpan(List<BigFraction[][]> expected, List<Invariants.QuadraticForm> found) {
        assertEquals(expected.size(), found.size(), found.stream().map(Invariants.QuadraticForm::text).toList().toString());
        List<BigFraction[]> all = new ArrayList<>();
        for (BigFraction[][] e : expected) all.add(flatten(e));
        for (Invariants.QuadraticForm f : found) all.add(flatten(f.matrix()));
        int cols = all.get(0).length;
        int rank = cols - Invariants.nullSpace(all, cols).size();
        assertEquals(expected.size(), rank, "the found forms do not span the expected ones: "
                + found.stream().map(Invariants.QuadraticForm::text).toList());
    }

    private static BigFraction[] flatten(BigFraction[][] a) {
        BigFraction[] v = new BigFraction[a.length * a.length];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, v, i * a.length, a.length);
        return v;
    }
}
