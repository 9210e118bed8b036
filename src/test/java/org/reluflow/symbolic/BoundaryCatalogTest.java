package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class BoundaryCatalogTest {

    static SymjaSession session;

    @BeforeContainer static void start() { session = new SymjaSession(Duration.ofSeconds(60)); }

    @AfterContainer static void stop() { session.close(); }

    /** Independent: rate = -max Re of the roots of s^2 + gamma s + lambda, by the quadratic formula in Java. */
    @Property(tries = 25, seed = "42")
    void hbRateMatchesQuadraticFormula(@ForAll @DoubleRange(min = 0.05, max = 4) double gamma,
                                       @ForAll @DoubleRange(min = 0.05, max = 2) double lambda) throws Exception {
        double disc = gamma * gamma - 4 * lambda;
        double expected = disc >= 0 ? (gamma - Math.sqrt(disc)) / 2 : gamma / 2;
        double got = BoundaryCatalog.derive(session, "hb-rate", Map.of("gamma", gamma, "lambda", lambda)).value();
        assertEquals(expected, got, 1e-9 * (1 + expected));
    }

    @Property(tries = 10, seed = "42")
    void dampingBoundaryIsTwoSqrtLambda(@ForAll @DoubleRange(min = 0.01, max = 5) double lambda) throws Exception {
        var d = BoundaryCatalog.derive(session, "hb-damping-boundary", Map.of("lambda", lambda));
        assertEquals(2 * Math.sqrt(lambda), d.value(), 1e-9);
        assertTrue(d.tex().contains("sqrt"), d.tex());
    }

    /** Jury region membership against the spectral radius of the 2x2 companion matrix, computed directly. */
    @Property(tries = 60, seed = "42")
    void hbJuryRegionMatchesSpectralRadius(@ForAll @DoubleRange(min = 0, max = 3) double eta,
                                           @ForAll @DoubleRange(min = -1.2, max = 1.2) double beta,
                                           @ForAll @DoubleRange(min = 0.05, max = 2) double lambda) throws Exception {
        double tr = 1 + beta - eta * lambda, det = beta; // companion of z^2 - tr z + det
        double disc = tr * tr - 4 * det, radius;
        if (disc >= 0) radius = Math.max(Math.abs((tr + Math.sqrt(disc)) / 2), Math.abs((tr - Math.sqrt(disc)) / 2));
        else radius = Math.sqrt(det);
        if (Math.abs(radius - 1) < 1e-9) return; // on the boundary: either answer is right
        double got = BoundaryCatalog.derive(session, "hb-stable", Map.of("eta", eta, "beta", beta, "lambda", lambda)).value();
        assertEquals(radius < 1 ? 1.0 : 0.0, got, "eta=" + eta + " beta=" + beta + " lambda=" + lambda + " radius=" + radius);
    }

    @Property(tries = 20, seed = "42")
    void gdStableIffEtaLambdaBelowTwo(@ForAll @DoubleRange(min = 0, max = 3) double eta,
                                      @ForAll @DoubleRange(min = 0.05, max = 2) double lambda) throws Exception {
        double x = eta * lambda;
        if (Math.abs(x - 2) < 1e-9 || x < 1e-12) return;
        double got = BoundaryCatalog.derive(session, "gd-stable", Map.of("eta", eta, "lambda", lambda)).value();
        assertEquals(x < 2 ? 1.0 : 0.0, got);
    }

    @net.jqwik.api.Example
    void unknownNamesAndParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BoundaryCatalog.entry("nope"));
        assertThrows(IllegalArgumentException.class, () -> BoundaryCatalog.derive(session, "hb-rate", Map.of("foo", 1.0)));
    }
}
