package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reluflow.symbolic.CriticalPoints.Instance;
import org.reluflow.symbolic.CriticalPoints.NeuronType;

class CriticalPointsTest {

    static SymjaSession session;
    static CriticalPoints cp;

    @BeforeAll static void start() throws Exception {
        session = SymjaSession.limitedTo(60);
        cp = new CriticalPoints(session);
    }

    @AfterAll static void stop() { session.close(); }

    @Test void tinyCaseFindsTheRescalingFamilyThatPlainSolveMisses() throws Exception {
        // stack.md 2.d: one neuron, no output bias, target 2x - 1 on [0, 1], polynomial of the all-active region
        Instance in = Instance.of("0", "1", "2", "-1", 1, false);
        var fams = cp.solveRegion(in, new NeuronType[] {NeuronType.ACTIVE}, List.of());
        var fam = fams.stream().filter(f -> f.gaugePoint().get("w1").equals("2")).findFirst().orElseThrow();
        assertEquals("-1", fam.gaugePoint().get("b1"));
        assertTrue(fam.parametrization().contains("w1 = (2)/s1") && fam.parametrization().contains("b1 = (-1)/s1"), fam.parametrization());
        assertEquals("0", fam.loss()); // the polynomial's global minimum: a*w = 2, a*b = -1
        assertFalse(fam.insideRegion(), "w x + b = 2x - 1 is not positive on all of [0, 1]");
        // plain Solve in all three variables misses it (the trap this guards against)
        session.eval("crLA = 1/3+a^2*b^2-1/3*a*w+a^2*b*w+1/3*a^2*w^2");
        String plain = session.eval("Solve[Thread[D[crLA, {{a, w, b}}] == 0], {a, w, b}]").toString();
        assertFalse(plain.contains("w->2"), plain);
    }

    @Test void constantFitLevelIsExactForRationalData() throws Exception {
        for (String[] d : new String[][] {{"0", "1", "2", "-1"}, {"-1/2", "3", "3/7", "5"}, {"1/3", "2/3", "-4", "1/9"}}) {
            Instance in = Instance.of(d[0], d[1], d[2], d[3], 2, true);
            var c = cp.certify("constant fit", in, cp.lkConfiguration(in, 1));
            assertTrue(c.gradientZero(), c.gradient());
            BigFraction expected = in.alpha().pow(2).multiply(in.b().subtract(in.a()).pow(3)).divide(12);
            assertEquals(expected, CriticalPoints.q(c.loss()));
            BigFraction mid = in.alpha().multiply(in.a().add(in.b()).divide(2)).add(in.beta());
            assertEquals(mid, CriticalPoints.q(c.point().get("c")), "c = f((a+b)/2)");
            // all neurons dead: 6 flat zero modes and one eigenvalue 2(b - a)
            assertEquals(6, c.classification().certificate().zero());
            assertEquals(1, c.classification().certificate().positive());
            assertEquals(Classification.Kind.MINIMUM_WITH_SYMMETRY_ZERO_MODES, c.classification().kind());
        }
    }

    @Test void l3ConfigurationIsAStrictSaddleAtTheRightLevel() throws Exception {
        Instance in = Instance.of("0", "1", "1", "0", 2, true);
        var c = cp.certify("L3", in, cp.lkConfiguration(in, 3));
        assertTrue(c.gradientZero(), c.gradient());
        assertEquals(new BigFraction(1, 972), CriticalPoints.q(c.loss()));
        var cert = c.classification().certificate();
        assertEquals(Classification.Kind.STRICT_SADDLE, c.classification().kind());
        assertEquals(2, cert.zero(), "one zero mode per kink neuron (rescaling)");
        assertEquals(2, cert.negative());
        assertEquals(3, cert.positive());
    }

    @Test void l5ConfigurationCertifiedExactly() throws Exception {
        Instance in = Instance.of("0", "1", "1", "0", 4, true);
        var c = cp.certify("L5", in, cp.lkConfiguration(in, 5));
        assertTrue(c.gradientZero(), c.gradient());
        assertEquals(new BigFraction(1, 7500), CriticalPoints.q(c.loss()));
        assertEquals(in.lk(5), CriticalPoints.q(c.loss()));
        var cert = c.classification().certificate();
        assertEquals(Classification.Kind.STRICT_SADDLE, c.classification().kind());
        assertEquals(4, cert.negative());
        assertEquals(4, cert.zero());
        assertEquals(5, cert.positive());
    }

    @Test void globalMinimumIsNotASaddle() throws Exception {
        // one active neuron fitting 2x + 1 exactly on [0, 1] (no output bias): zero loss, one symmetry zero mode
        Instance in = Instance.of("0", "1", "2", "1", 1, false);
        var p = Map.of("w1", new BigFraction(2), "b1", new BigFraction(1), "v1", new BigFraction(1));
        var c = cp.certify("global min", in, new java.util.LinkedHashMap<>(p));
        assertTrue(c.gradientZero());
        assertEquals("0", c.loss());
        assertEquals(Classification.Kind.MINIMUM_WITH_SYMMETRY_ZERO_MODES, c.classification().kind());
        assertEquals(1, c.classification().certificate().zero());
        // a point off the critical set is reported with a nonzero gradient
        var off = cp.certify("off", in, new java.util.LinkedHashMap<>(Map.of("w1", new BigFraction(3), "b1", BigFraction.ONE, "v1", BigFraction.ONE)));
        assertFalse(off.gradientZero());
    }

    @Test void descartesCountsOnKnownPolynomial() {
        // (t - 2)(t + 1) t^2 = t^4 - t^3 - 2 t^2: coefficients lowest first 0, 0, -2, -1, 1
        var c = SturmCertificate.fromSigns("t^4-t^3-2*t^2", List.of(0, 0, -1, -1, 1));
        assertEquals(1, c.positive());
        assertEquals(1, c.negative());
        assertEquals(2, c.zero());
    }
}
