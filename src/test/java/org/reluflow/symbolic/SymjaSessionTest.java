package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymjaSessionTest {

    @Test
    void strictSyntaxEvaluates() throws SymbolicException {
        try (SymjaSession s = SymjaSession.limitedTo(60)) {
            assertEquals("a^2+2*a*b+b^2", s.eval("Expand[(a+b)^2]").toString());
            // case-sensitive identifiers: W1 and w1 are different symbols
            assertEquals("w1-W1", s.eval("w1 - W1").toString());
        }
    }

    @Test
    void aRunawayComputationIsStoppedWithAClearError() throws SymbolicException {
        try (SymjaSession s = SymjaSession.limitedTo(2)) {
            s.eval("1+1"); // start-up is not part of the limit under test
            SymbolicException e = assertThrows(SymbolicException.class, () -> s.eval("While[True, x = 1]"));
            assertTrue(e.timedOut(), e.getMessage());
            assertEquals("3", s.eval("1+2").toString()); // the session recovers
        }
    }
}
