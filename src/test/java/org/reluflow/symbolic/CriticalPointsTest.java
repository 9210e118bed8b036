package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reluflow.symbolic.CriticalPoints.Instance;
import org.reluflow.symbolic.CriticalPoints.Placement;
import org.reluflow.symbolic.ScalarIntegralLoss.Kind;
import org.reluflow.symbolic.ScalarIntegralLoss.Region;

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
        var fams = cp.solveRegion(in, new Region(List.of(Kind.ACTIVE), List.of()));
        var fam = fams.stream().filter(f -> f.gaugePoint().get("w1").equals("2")).findFirst().orElseThrow();
        assertEquals("-1", fam.gaugePoint().get("b1"));
        assertTrue(fam.parametrization().contains("w1 = (2)/s1") && fam.parametrization().contains("b1 = (-1)/s1"), fam.parametrization());
        assertTrue(fam.loss().isZero(), fam.loss().toString()); // the polynomial's global minimum: a*w = 2, a*b = -1
        assertEquals(Placement.OUTSIDE, fam.placement(), "w x + b = 2x - 1 has a zero in [0, 1]");
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

    @Test void l3IsFoundBySolvingEveryRegionOfTwoNeurons() throws Exception {
        // target x on [0, 1]: no configuration is typed in; the survey solves each region's system
        Instance in = Instance.of("0", "1", "1", "0", 2, true);
        var survey = cp.survey(in, r -> { });
        assertTrue(survey.unresolved().isEmpty(), survey.unresolved().toString());
        assertEquals(11, survey.regions(), "4 kinds for 2 neurons, with kink orders, up to relabelling");
        var l3 = survey.found().stream().filter(f -> f.family().loss().isRational()
                && CriticalPoints.q(f.family().loss().toString()).equals(in.lk(3))).toList();
        assertEquals(1, l3.size(), survey.found().toString());
        var found = l3.get(0);
        assertEquals(new Region(List.of(Kind.RIGHT, Kind.LEFT), List.of(0, 1)), found.family().region());
        assertEquals("-1/3", found.family().gaugePoint().get("b1"), "first kink at 1/3");
        assertEquals("2/3", found.family().gaugePoint().get("b2"), "second kink at 2/3");
        assertTrue(found.certified().gradientZero());
        assertEquals(Classification.Kind.STRICT_SADDLE, found.certified().classification().kind());
        assertEquals(2, found.certified().classification().certificate().negative());
        // the constant fit (both neurons dead) and an exact fit (loss 0) are found too; every certified point is critical
        assertTrue(survey.found().stream().anyMatch(f -> f.family().loss().toString().equals("1/12")
                && f.family().region().kinds().equals(List.of(Kind.INACTIVE, Kind.INACTIVE))));
        assertTrue(survey.found().stream().anyMatch(f -> f.family().loss().isZero() && f.certified() != null));
        assertTrue(survey.found().stream().filter(f -> f.certified() != null).allMatch(f -> f.certified().gradientZero()));
        // the L_3 saddle is the only certified critical level strictly between 0 and the constant fit
        assertTrue(survey.found().stream().filter(f -> f.certified() != null && f.family().loss().isRational())
                .map(f -> CriticalPoints.q(f.family().loss().toString()))
                .allMatch(l -> l.signum() == 0 || l.equals(in.lk(1)) || l.equals(in.lk(3))));
    }

    @Test void floatsFromSolveAreRationalizedAndVerifiedNeverCertifiedAsFloats() throws Exception {
        // without an output bias Symja's Solve answers one (LEFT, LEFT) branch with v2 -> -2.0: the survey must
        // still report only exact points (that one rationalized to -2 and checked exactly)
        Instance in = Instance.of("0", "1", "2", "-1", 2, false);
        var survey = cp.survey(in, r -> { });
        assertTrue(survey.unresolved().isEmpty(), survey.unresolved().toString());
        for (var f : survey.found()) {
            assertNotNull(f.certified(), f.toString());
            assertTrue(f.certified().gradientZero(), f.toString());
            assertTrue(f.certified().loss().matches("-?\\d+(/\\d+)?"), "exact loss: " + f.certified().loss());
            assertTrue(f.certified().point().values().stream().noneMatch(v -> v.contains(".")), f.certified().point().toString());
            assertNotEquals(Classification.Kind.UNCERTIFIED, f.certified().classification().kind(), f.toString());
        }
        assertTrue(survey.found().stream().anyMatch(f -> f.certified().loss().equals("1/6")), "one LEFT neuron fitting [0, 1/2]");
    }

    @Test void regionsAreCountedUpToRelabelling() {
        // one neuron: 4 kinds; two neurons: 10 unordered pairs of kinds plus the second order of (RIGHT, LEFT)
        assertEquals(4, CriticalPoints.regions(1).size());
        assertEquals(11, CriticalPoints.regions(2).size());
        assertEquals(List.of(0, 1), CriticalPoints.regions(2).stream()
                .filter(r -> r.kinds().equals(List.of(Kind.RIGHT, Kind.RIGHT))).findFirst().orElseThrow().kinkOrder());
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

    @Test void algebraicHessiansAreClassifiedWithRigorousSigns() throws Exception {
        // eigenvalues sqrt(2) +- 1: both positive; 1 +- sqrt(2): one of each sign
        var pd = Classification.certify(session, session.eval("{{Sqrt[2], 1}, {1, Sqrt[2]}}"));
        assertTrue(pd.certified());
        assertEquals(2, pd.positive());
        var indefinite = Classification.certify(session, session.eval("{{1, Sqrt[2]}, {Sqrt[2], 1}}"));
        assertTrue(indefinite.certified());
        assertEquals(1, indefinite.negative());
        assertEquals(1, indefinite.positive());
        // a singular algebraic matrix (eigenvalues 0 and 3): det = 0 exactly, found by simplification
        var singular = Classification.certify(session, session.eval("{{2, Sqrt[2]}, {Sqrt[2], 1}}"));
        assertTrue(singular.certified());
        assertEquals(1, singular.zero());
    }

    @Test void descartesCountsOnKnownPolynomial() {
        // (t - 2)(t + 1) t^2 = t^4 - t^3 - 2 t^2: coefficients lowest first 0, 0, -2, -1, 1
        var c = SturmCertificate.fromSigns("t^4-t^3-2*t^2", List.of(0, 0, -1, -1, 1));
        assertEquals(1, c.positive());
        assertEquals(1, c.negative());
        assertEquals(2, c.zero());
    }
}
