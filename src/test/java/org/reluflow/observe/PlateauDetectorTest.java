package org.reluflow.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlateauDetectorTest {

    /** A sum of sigmoids in log L: plateaus at 1, 0.1 and 0.001 with drops at t = 30 and 70. */
    @Test
    void findsKnownPlateausAndTheirEscapes() {
        int n = 1001;
        double[] t = new double[n], loss = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = 0.1 * k;
            double s1 = 1 / (1 + Math.exp(-(t[k] - 30) * 2)), s2 = 1 / (1 + Math.exp(-(t[k] - 70) * 2));
            loss[k] = Math.exp(Math.log(0.1) * s1 + Math.log(0.01) * s2);
        }
        List<Plateau> p = PlateauDetector.defaults(100).detect(t, loss);
        assertEquals(3, p.size(), p.toString());
        assertEquals(1.0, p.get(0).level(), 1e-3);
        assertEquals(0.1, p.get(1).level(), 1e-3);
        assertEquals(0.001, p.get(2).level(), 1e-5);
        // L crosses the midpoint 0.55 between 1 and 0.1 at t = 30 - ln(...)/2: within the sigmoid's width
        assertEquals(30, p.get(0).escapeTime(), 1.0);
        assertEquals(70, p.get(1).escapeTime(), 1.0);
        assertTrue(!p.get(2).escaped());
    }

    @Test
    void steadyExponentialDecayHasNoPlateau() {
        int n = 500;
        double[] t = new double[n], loss = new double[n];
        for (int k = 0; k < n; k++) { t[k] = 0.2 * k; loss[k] = Math.exp(-0.5 * t[k]); }
        assertEquals(List.of(), PlateauDetector.defaults(100).detect(t, loss));
    }
}
