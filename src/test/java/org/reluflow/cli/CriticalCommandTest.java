package org.reluflow.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        var cl = Main.commandLine();
        StringWriter o = new StringWriter(), e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        return new Run(cl.execute(args), o.toString(), e.toString());
    }

    @Test void criticalCertifiesTheLkLevels(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, """
                name: crit
                network: {width: 2, hidden_bias: true, output_bias: true, activation: relu}
                data: {kind: interval, a: 0, b: 1, alpha: 1, beta: 0}
                loss: square_integral
                init: {scale: 0.5, seed: 5}
                optimizer: {kind: gradient_flow}
                horizon: 10
                """);
        Run r = run("critical", spec.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"loss\":\"1/12\"") && r.out().contains("\"loss\":\"1/972\""), r.out());
        assertTrue(r.out().contains("STRICT_SADDLE"), r.out());
        // width 2: the region survey runs by default and finds L_3 by solving, certified inside its region
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(11, doc.get("regions_solved").asInt());
        assertEquals(0, doc.get("unresolved_regions").size());
        boolean l3 = false;
        for (var f : doc.get("solved"))
            l3 |= f.get("loss").asText().equals("1/972") && f.get("placement").asText().equals("INSIDE")
                    && f.get("classification").asText().equals("STRICT_SADDLE") && f.get("gradient_zero").asBoolean();
        assertTrue(l3, r.out());
        assertTrue(r.err().contains("solving region"), "progress on stderr");
        Run quiet = run("critical", spec.toString(), "--json", "--no-survey");
        assertEquals(0, new com.fasterxml.jackson.databind.ObjectMapper().readTree(quiet.out()).get("regions_solved").asInt());
        assertEquals(2, run("critical", dir.resolve("missing.yaml").toString()).code());
    }
}
