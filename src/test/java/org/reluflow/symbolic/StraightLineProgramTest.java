package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class StraightLineProgramTest {

    static final SymjaSession SESSION = SymjaSession.limitedTo(60);

    @AfterAll
    static void close() { SESSION.close(); }

    @Test
    void userOdeWithSwitchingTermsCompilesAndFindsItsGuards() throws SymbolicException {
        OdeSystem ode = OdeSystem.parse(SESSION, "{-y + Max[0, x - 1/3], x*UnitStep[y] + Exp[-x]/2 + Sqrt[x^2 + 1]}", List.of("x", "y"));
        assertEquals(List.of("-1/3+x", "y"), ode.guards());
        double x = 0.7, y = -0.2;
        assertArrayEquals(new double[] {-y + Math.max(0, x - 1.0 / 3), 0 + Math.exp(-x) / 2 + Math.sqrt(x * x + 1)},
                ode.evaluate(new double[] {x, y}), 1e-15);
    }

    @Test
    void rationalConstantsAreExactNotIntegerDivision() throws SymbolicException {
        // Symja's JavaForm/Compile turn 1/4*x into integer division (0): the compiler must not
        StraightLineProgram p = StraightLineProgram.compile(SESSION.eval("{1/4*x, x^(-2), 3/7}"), List.of("x"));
        assertArrayEquals(new double[] {0.5, 0.25, 3.0 / 7}, p.evaluate(new double[] {2}), 1e-16);
        List<BigFraction> exact = p.evaluate(RationalArithmetic.INSTANCE, List.of(new BigFraction(2)));
        assertEquals(List.of(new BigFraction(1, 2), new BigFraction(1, 4), new BigFraction(3, 7)), exact);
    }

    @Test
    void sharedSubexpressionsAreComputedOnce() throws SymbolicException {
        StraightLineProgram p = StraightLineProgram.compile(SESSION.eval("{(x + y)^2, Exp[(x + y)^2]}"), List.of("x", "y"));
        assertTrue(p.length() <= 5, "tape of " + p.length()); // x, y, x+y, ()^2, Exp
    }

    @Test
    void badInputIsRejectedClearly() {
        assertThrows(IllegalArgumentException.class, () -> OdeSystem.parse(SESSION, "{x, z}", List.of("x", "y")));
        assertThrows(IllegalArgumentException.class, () -> OdeSystem.parse(SESSION, "{x}", List.of("x", "y")));
        assertThrows(IllegalArgumentException.class, () -> OdeSystem.parse(SESSION, "{BesselJ[0, x]}", List.of("x")));
        assertThrows(SymbolicException.class, () -> OdeSystem.parse(SESSION, "{x, y", List.of("x", "y")));
    }
}
