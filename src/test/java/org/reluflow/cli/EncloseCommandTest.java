package org.reluflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reluflow.spec.SpecLoader;

class EncloseCommandTest {

    @Test
    void encloseAUserOdeAcrossASwitchAsJson() throws Exception {
        CliTest.Result r = CliTest.run("enclose", "--ode", "{-y*(1 + UnitStep[y]), x*(1 + UnitStep[y])}", "--vars", "x,y",
                "--x0", "1,0.1", "--t", "3", "--json", "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode j = SpecLoader.json().readTree(r.out());
        assertEquals("VALID", j.get("status").asText());
        assertEquals(3.0, j.get("t").asDouble());
        assertEquals(2, j.get("box").size());
        JsonNode ev = j.get("events").get(0);
        assertEquals("CROSSING", ev.get("kind").asText());
        // the crossing of y = 0 happens at (pi - atan(0.1)) / 2
        double exact = (Math.PI - Math.atan(0.1)) / 2;
        assertTrue(ev.get("time").get(0).asDouble() <= exact + 1e-15 && exact - 1e-15 <= ev.get("time").get(1).asDouble(), ev.toString());
        assertTrue(j.get("seconds").asDouble() >= 0);
        assertTrue(j.has("hull") && j.has("steps"));
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        for (String[] args : new String[][] {
                {"enclose", "--ode", "{-y, x}", "--vars", "x,y", "--x0", "1", "--t", "1"},
                {"enclose", "--ode", "{-y, x}", "--vars", "x,y", "--x0", "1,NaN", "--t", "1"},
                {"enclose", "--ode", "{-y, x}", "--vars", "x,y", "--x0", "1,[2,1]", "--t", "1"},
                {"enclose", "--ode", "{-y, Foo[x]}", "--vars", "x,y", "--x0", "1,0", "--t", "1"},
                {"enclose", "--ode", "{-y, x}", "--vars", "x,y", "--x0", "1,0"},
                {"enclose"}}) {
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void aBlowUpIsAValidationFailureWithTheLastEnclosure() throws Exception {
        CliTest.Result r = CliTest.run("enclose", "--ode", "{x^2}", "--vars", "x", "--x0", "1", "--t", "2", "--json", "--no-progress");
        assertEquals(1, r.code(), r.err());
        JsonNode j = SpecLoader.json().readTree(r.out());
        assertEquals("VALIDATION_FAILED", j.get("status").asText());
        assertTrue(j.get("t").asDouble() < 1.0, "x' = x^2 from 1 blows up at t = 1");
        assertTrue(j.has("reason") && j.get("box").size() == 1);
    }
}
