package org.reluflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluflow.field.Objectives;
import org.reluflow.model.Experiment;
import org.reluflow.spec.Examples;
import org.reluflow.spec.SpecLoader;

/** The command line in-process: exit codes, one-line errors without stack traces, and the files simulate writes. */
class CliTest {

    record Result(int code, String out, String err) {}

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static void assertCleanError(Result r, String mustMention) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("reluflow:"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("at org."), r.err());
        assertTrue(r.err().toLowerCase().contains(mustMention.toLowerCase()), "'" + mustMention + "' not in: " + r.err());
    }

    @Test
    void helpIsAvailableForEveryCommand() {
        for (String cmd : List.of("example", "simulate", "derive", "critical", "boundary", "enclose", "check", "reproduce", "sweep")) {
            Result r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: reluflow " + cmd), r.out());
        }
    }

    @Test
    void exampleListNamesEveryExample() {
        Result r = run("example", "--list");
        assertEquals(0, r.code());
        for (String name : Examples.names()) assertTrue(r.out().contains(name), name);
        assertTrue(run("example", "saxe-linear").out().contains("kind: points"));
        assertCleanError(run("example", "no-such-example"), "no example named");
    }

    @Test
    void emptyBinaryAndNonMappingFilesAreRejected(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertCleanError(run("simulate", empty.toString(), "--out", dir.resolve("o").toString()), "empty");
        Path binary = Files.write(dir.resolve("bin.yaml"), new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, 3});
        assertCleanError(run("simulate", binary.toString()), "binary");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- 1\n- 2\n");
        assertCleanError(run("simulate", list.toString()), "mapping");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "network: {width: [1\n");
        assertCleanError(run("simulate", broken.toString()), "malformed YAML");
        assertCleanError(run("simulate", dir.resolve("missing.yaml").toString()), "no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "network: {width: 2, depth: 3}\ndata: {kind: orthogonal, norms: [1], labels: [1]}\n|network.depth",
            "network: {width: 2}\ndata: {kind: orthogonal, norms: [1, 1], labels: [1]}\n|data.labels",
            "network: {width: 2}\ndata: {kind: orthogonal, norms: [1, .nan], labels: [1, 1]}\n|NaN",
            "network: {width: 2, input_dim: 5}\ndata: {kind: orthogonal, norms: [1, 1], labels: [1, 1]}\n|network.input_dim",
            "network: {width: 2}\ndata: {kind: file, path: nowhere.csv}\n|no such file"})
    void badSpecsGiveOneLineErrors(String caseText, @TempDir Path dir) throws Exception {
        String[] parts = caseText.split("\\|");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), parts[0]);
        Result r = run("simulate", spec.toString(), "--out", dir.resolve("o").toString());
        assertCleanError(r, parts[1]);
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aDivergentStepSizeIsReportedAndWhatWasComputedIsKept(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("gd.yaml"), """
                name: too-big
                network: {width: 1, activation: linear}
                data: {kind: points, x: [[1, 0], [0, 1]], y: [1, -1], weights: [2, 2]}
                init: {scale: 0.5, balanced: true, seed: 1}
                optimizer: {kind: gd, step: 3.0, steps: 5000}
                record_every: 3
                """);
        Path out = dir.resolve("out");
        Result r = run("simulate", spec.toString(), "--out", out.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("diverged at step"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        JsonNode s = SpecLoader.json().readTree(r.out());
        assertEquals("DIVERGED", s.get("status").asText());
        assertTrue(Files.exists(out.resolve("summary.json")) && Files.exists(out.resolve("trajectory.csv")));
    }

    @Test
    void simulateWritesConsistentOutputs(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("s.yaml"), Examples.text("boursier-orthogonal")
                .replace("horizon: 400", "horizon: 60").replace("width: 50", "width: 12"));
        Path out = dir.resolve("run");
        Result r = run("simulate", spec.toString(), "--out", out.toString(), "--json", "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode printed = SpecLoader.json().readTree(r.out());
        JsonNode summary = SpecLoader.json().readTree(out.resolve("summary.json").toFile());
        assertEquals(printed, summary);
        assertEquals("COMPLETED", summary.get("status").asText());
        // the reported final loss is the objective at the last row of trajectory.csv
        List<String> rows = Files.readAllLines(out.resolve("trajectory.csv"));
        String[] header = rows.get(0).split(","), last = rows.get(rows.size() - 1).split(",");
        Experiment e = SpecLoader.load(spec);
        assertEquals(4 + e.problem().layout().size(), header.length);
        double[] theta = new double[e.problem().layout().size()];
        for (int k = 0; k < theta.length; k++) theta[k] = Double.parseDouble(last[4 + k]);
        double loss = Objectives.of(e.problem()).value(theta);
        assertEquals(loss, summary.get("final_loss").asDouble(), 1e-15 + 1e-12 * loss);
        assertEquals(60.0, Double.parseDouble(last[0]), 1e-12);
        assertEquals(summary.get("switch_events").asInt(), summary.get("events").size());
        for (String png : List.of("loss.png", "directions.png", "balancedness.png")) {
            byte[] head = Files.readAllBytes(out.resolve(png));
            assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', png);
        }
    }

    @Test
    void deriveGivesTheFieldHessianAndVerifiedBalancedness(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), """
                name: tiny
                network: {width: 2, hidden_bias: true}
                data: {kind: points, x: [[1, 0], [0.5, 1]], y: [1, -0.5]}
                loss: square
                init: {scale: 1, seed: 3}
                """);
        Result r = run("derive", spec.toString(), "--format", "json", "--region", "11/10");
        assertEquals(0, r.code(), r.err());
        JsonNode o = SpecLoader.json().readTree(r.out());
        assertEquals("11/10", o.get("region").asText());
        assertEquals(8, o.get("field").size());
        assertTrue(o.get("balancedness").get("verified").asBoolean());
        assertTrue(o.get("hessian").get("tex").asText().length() > 10);
        assertCleanError(run("derive", spec.toString(), "--region", "1/1"), "needs 2 bits");
        Path interval = Files.writeString(dir.resolve("interval.yaml"), Examples.text("cheridito-scalar"));
        Result ri = run("derive", interval.toString(), "--format", "json");
        assertEquals(0, ri.code(), ri.err());
        JsonNode oi = SpecLoader.json().readTree(ri.out());
        assertEquals(13, oi.get("field").size());
        assertTrue(oi.get("balancedness").get("verified").asBoolean(), oi.get("balancedness").toString());
        assertCleanError(run("derive", interval.toString(), "--region", "1/1"), "--region applies to finite data");
    }

    @Test
    void sweepWritesItsOutputsAndPrintsOneJsonObject(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("s.yaml"), Examples.text("boursier-orthogonal")
                .replace("width: 50", "width: 6").replace("horizon: 400", "horizon: 80"));
        Path out = dir.resolve("sw");
        Result r = run("sweep", spec.toString(), "--param", "init.scale=1e-3,1e-2", "--param", "data.labels.0=0.8,1",
                "--metric", "escape_time", "--out", out.toString(), "--json", "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode s = SpecLoader.json().readTree(r.out());
        assertEquals(4, s.get("points").asInt());
        assertEquals("init.scale", s.get("axes").get(0).get("key").asText());
        assertTrue(Files.exists(out.resolve("sweep.png")) && Files.exists(out.resolve("sweep.csv")));
        // the larger initialization escapes first, at either label
        JsonNode rows = s.get("results");
        assertTrue(rows.get(0).get("escape_time").asDouble() > rows.get(2).get("escape_time").asDouble(), rows.toString());
    }

    @Test
    void sweepRejectsBadParametersCleanly(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("s.yaml"), Examples.text("boursier-orthogonal"));
        assertCleanError(run("sweep", spec.toString(), "--param", "init.scale=1e-3:1e-1"), "lo:hi:n");
        assertCleanError(run("sweep", spec.toString(), "--param", "network.width=4,4.5"), "grid point");
        assertCleanError(run("sweep", spec.toString(), "--param", "init.scale=1", "--metric", "speed"), "no metric");
        assertCleanError(run("sweep", spec.toString(), "--param", "a=1", "--param", "b=1", "--param", "c=1"), "one or two");
        assertCleanError(run("sweep", spec.toString()), "--param");
    }
}
