package org.reluflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluflow.spec.SpecLoader;

class CheckCommandTest {

    @TempDir Path dir;

    @Test
    void oneClaimAsJsonWithItsReport() throws Exception {
        CliTest.Result r = CliTest.run("check", "--claim", "P4.5", "--json", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode claims = SpecLoader.json().readTree(r.out()).get("claims");
        assertEquals(1, claims.size());
        JsonNode c = claims.get(0);
        assertEquals("P4.5", c.get("id").asText());
        assertEquals("bu-2021", c.get("paper").asText());
        assertEquals("CERTIFIED", c.get("verdict").asText());
        assertTrue(c.get("provenance").asText().startsWith("reconstructed"));
        assertTrue(c.has("evidence"));
        assertTrue(Files.readString(dir.resolve("report.md")).contains("## P4.5"));
        assertTrue(Files.exists(dir.resolve("claims.json")));
    }

    @Test
    void aVerdictWorseThanTheBaselineIsARegression() throws Exception {
        // a baseline in which P4.6 was CERTIFIED: today's CONSISTENT is worse
        Path base = dir.resolve("base.json");
        Files.writeString(base, "{\"claims\": [{\"id\": \"P4.6\", \"verdict\": \"CERTIFIED\"}]}");
        CliTest.Result r = CliTest.run("check", "--claim", "P4.6", "--baseline", base.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("regression: P4.6"), r.out());
        Files.writeString(base, "{\"claims\": [{\"id\": \"P4.6\", \"verdict\": \"CONSISTENT\"}]}");
        assertEquals(0, CliTest.run("check", "--claim", "P4.6", "--baseline", base.toString(), "--out", dir.resolve("o").toString()).code());
    }

    @Test
    void badFiltersAndBaselinesAreUserErrors() throws Exception {
        assertEquals(2, CliTest.run("check", "--paper", "nope", "--out", dir.toString()).code());
        assertEquals(2, CliTest.run("check", "--claim", "P9.9", "--out", dir.toString()).code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"claims\": [{\"id\": \"P4.6\", \"verdict\": \"MAYBE\"}]}");
        CliTest.Result r = CliTest.run("check", "--claim", "P4.6", "--baseline", bad.toString(), "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(!r.err().contains("\tat "), r.err());
    }
}
