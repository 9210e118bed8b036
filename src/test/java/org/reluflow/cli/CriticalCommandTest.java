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

    @Test void criticalSolvesSmallOrthogonalData(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("o.yaml");
        Files.writeString(spec, """
                name: orth
                network: {width: 1, activation: relu}
                data: {kind: orthogonal, norms: [1, 1], labels: [1, -0.5]}
                loss: square
                init: {scale: 0.001, seed: 3}
                optimizer: {kind: gradient_flow}
                horizon: 10
                """);
        Run r = run("critical", spec.toString(), "--json", "--no-progress");
        assertEquals(0, r.code(), r.err());
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        boolean fit = false, saddle = false;
        for (var f : doc.get("solved")) {
            assertTrue(!f.has("gradient_zero") || f.get("gradient_zero").asBoolean(), f.toString());
            fit |= f.get("loss").asText().equals("1/16"); // the positive label fitted, the negative one left
            saddle |= f.get("classification").asText().equals("STRICT_SADDLE");
        }
        assertTrue(fit && saddle, r.out());
        Files.writeString(spec, Files.readString(spec).replace("norms: [1, 1], labels: [1, -0.5]", "norms: [1, 1, 1, 1], labels: [1, 1, 1, 1]")
                .replace("width: 1", "width: 2"));
        Run big = run("critical", spec.toString());
        assertEquals(2, big.code());
        assertTrue(big.err().contains("n * m <= 6"), big.err());
    }
}
