package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.*;
import org.hipparchus.fraction.BigFraction;
import org.reluflow.symbolic.OpenRegion.Affine;

/** Fourier-Motzkin feasibility of strict affine systems, against exact evaluation and a brute-force search. */
class OpenRegionProperties {

    static final List<String> VARS = List.of("x", "y", "z");

    @Provide Arbitrary<List<Affine>> systems() {
        Arbitrary<BigFraction> small = Arbitraries.integers().between(-3, 3).map(BigFraction::new);
        Arbitrary<Affine> form = Combinators.combine(small, small, small, small)
                .as((c, a, b, d) -> new Affine(c, new LinkedHashMap<>(Map.of("x", a, "y", b, "z", d))));
        return form.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 400)
    void aReturnedPointSatisfiesEveryConditionAndNoneMeansNoGridPointDoes(@ForAll("systems") List<Affine> forms) {
        Map<String, BigFraction> p = OpenRegion.feasible(forms, VARS);
        if (p != null) {
            for (Affine f : forms) assertTrue(f.at(p).signum() > 0, "violated at " + p + ": " + f);
            return;
        }
        // infeasible: no point of a fine rational grid may satisfy the system
        for (int i = -12; i <= 12; i++)
            for (int j = -12; j <= 12; j++)
                for (int k = -12; k <= 12; k++) {
                    Map<String, BigFraction> g = Map.of("x", new BigFraction(i, 4), "y", new BigFraction(j, 4), "z", new BigFraction(k, 4));
                    boolean all = true;
                    for (Affine f : forms) all &= f.at(g).signum() > 0;
                    assertFalse(all, "reported infeasible, but " + g + " satisfies " + forms);
                }
    }

    @Example
    void knownCases() {
        // x > 0, y > 0, 1 - x - y > 0: feasible; adding x + y - 1 > 0 makes it empty
        List<Affine> tri = new ArrayList<>(List.of(form(0, 1, 0), form(0, 0, 1), form(1, -1, -1)));
        assertNotNull(OpenRegion.feasible(tri, List.of("x", "y")));
        tri.add(form(-1, 1, 1));
        assertNull(OpenRegion.feasible(tri, List.of("x", "y")));
        // strictness: x > 0 and -x > 0 has no solution, though x >= 0 and -x >= 0 would
        assertNull(OpenRegion.feasible(List.of(form(0, 1, 0), form(0, -1, 0)), List.of("x", "y")));
    }

    @Example
    void radicalsAreSignedByRigorousEnclosureAndExactZerosStayUndecided() throws Exception {
        try (SymjaSession s = SymjaSession.limitedTo(30)) {
            assertEquals(1, OpenRegion.sign(s.eval("Sqrt[2] - 7/5")));
            assertEquals(-1, OpenRegion.sign(s.eval("7/5 - Sqrt[2]")));
            assertEquals(-1, OpenRegion.sign(s.eval("(1 - Sqrt[5])/2")));
            // exactly 0, which Symja's numeric Sign calls positive
            assertEquals(2, OpenRegion.sign(s.eval("Sqrt[2] + Sqrt[3] - Sqrt[5 + 2*Sqrt[6]]")));
            assertEquals(0, OpenRegion.sign(s.eval("0")));
            assertEquals(2, OpenRegion.sign(s.eval("c + 1")), "free symbol");
        }
    }

    static Affine form(int c, int a, int b) {
        return new Affine(new BigFraction(c), new LinkedHashMap<>(Map.of("x", new BigFraction(a), "y", new BigFraction(b))));
    }
}
