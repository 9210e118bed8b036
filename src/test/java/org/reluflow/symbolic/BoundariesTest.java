package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reluflow.observe.Ntk;

/** Each derived boundary against an independent computation in plain Java. */
class BoundariesTest {

    static final SymjaSession SESSION = SymjaSession.limitedTo(120);

    @AfterAll
    static void close() { SESSION.close(); }

    static double value(String name, Map<String, String> params, String quantity) throws SymbolicException {
        Boundaries.Result r = Boundaries.compute(SESSION, Boundaries.find(name), params);
        String v = r.quantities().stream().filter(q -> q.name().equals(quantity)).findFirst().orElseThrow().value();
        return Double.parseDouble(v.replace("*^", "E"));
    }

    @Test
    void heavyBallRateMatchesTheQuadraticFormula() throws SymbolicException {
        Random rnd = new Random(3);
        for (int k = 0; k < 6; k++) {
            double gamma = 0.1 + 3 * rnd.nextDouble(), lambda = 0.05 + 2 * rnd.nextDouble();
            double disc = gamma * gamma - 4 * lambda;
            double expected = disc >= 0 ? (gamma - Math.sqrt(disc)) / 2 : gamma / 2;
            assertEquals(expected, value("hb-rate", Map.of("gamma", "" + gamma, "lambda", "" + lambda), "rate"), 1e-9);
        }
        assertEquals(2 * Math.sqrt(0.3), value("hb-damping", Map.of("lambda", "0.3"), "gammaStar"), 1e-10);
    }

    /** Heavy ball's spectral radius against the 2x2 companion matrix's eigenvalues computed in Java. */
    @Test
    void heavyBallStabilityRadiusMatchesTheCompanionMatrix() throws SymbolicException {
        Random rnd = new Random(5);
        for (int k = 0; k < 6; k++) {
            double eta = 2 * rnd.nextDouble(), beta = rnd.nextDouble(), lambda = 0.1 + rnd.nextDouble();
            double a1 = -(1 + beta - eta * lambda), a0 = beta, disc = a1 * a1 - 4 * a0;
            double radius = disc >= 0 ? Math.max(Math.abs((-a1 + Math.sqrt(disc)) / 2), Math.abs((-a1 - Math.sqrt(disc)) / 2)) : Math.sqrt(a0);
            assertEquals(radius, value("hb-stability", Map.of("eta", "" + eta, "beta", "" + beta, "lambda", "" + lambda), "radius"), 1e-9);
        }
        assertEquals(2 / 1.7, value("gd-stability", Map.of("lambda", "1.7"), "etaMax"), 1e-12);
    }

    @Test
    void nesterovBesselSolutionSolvesItsOdeAndDecaysLikeTMinusRHalf() throws SymbolicException {
        for (String[] p : new String[][] {{"2", "0.5", "3.7"}, {"3", "1", "10"}, {"6", "2.5", "7.1"}}) {
            Map<String, String> params = Map.of("r", p[0], "lambda", p[1], "t", p[2]);
            assertEquals(0.0, value("nesterov-ode", params, "residual"), 1e-10);
            assertEquals(-Double.parseDouble(p[0]) / 2, value("nesterov-ode", params, "envelopeExponent"), 1e-12);
        }
    }

    @Test
    void orthogonalRatesAndLevelsMatchTheirFormulas() throws SymbolicException {
        Map<String, String> p = Map.of("norms", "1,2,1.5,1", "labels", "1,0.5,-1,-0.3", "lambda", "1e-4");
        double n = 4, dPlus = Math.sqrt(1 + 1), dMinus = Math.sqrt(1.5 * 1.5 + 0.09);
        assertEquals(dPlus / n, value("orthogonal", p, "rPlus"), 1e-10);
        assertEquals(Math.log(1e4) / (dMinus / n), value("orthogonal", p, "tMinus"), 1e-8);
        assertEquals((1 + 0.25 + 1 + 0.09) / 8, value("orthogonal", p, "L0"), 1e-12);
        assertEquals((1 + 0.09) / 8, value("orthogonal", p, "L1"), 1e-12);
        assertEquals(Math.sqrt(1 + 0.25 / 4) + Math.sqrt(1 / 2.25 + 0.09), value("orthogonal", p, "minNorm"), 1e-10);
    }

    @Test
    void twoPointRatesAndNtkLambda0() throws SymbolicException {
        double p = 0.7, q = 0.3, a = 0.4;
        assertEquals(Math.sqrt(p * p + q * q - 2 * p * q * Math.cos(a)),
                value("two-point", Map.of("p", "0.7", "q", "0.3", "angle", "0.4"), "rBoth"), 1e-10);
        assertEquals(p * Math.sin(a), value("two-point", Map.of("p", "0.7", "q", "0.3", "angle", "0.4"), "rSliding"), 1e-10);
        double[][] x = {{1, 0}, {0.6, 0.8}, {0, 1}};
        assertEquals(Ntk.lambda0(x), value("ntk", Map.of("inputs", "1,0,0.6,0.8,0,1", "dim", "2"), "lambda0"), 1e-9);
    }

    @Test
    void unknownParametersAndNamesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> Boundaries.compute(SESSION, Boundaries.find("hb-rate"), Map.of("gama", "1")));
        assertThrows(IllegalArgumentException.class, () -> Boundaries.compute(SESSION, Boundaries.find("hb-rate"), Map.of("gamma", "x")));
        assertThrows(IllegalArgumentException.class, () -> Boundaries.find("no-such"));
    }
}
