package org.reluflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {

    @TempDir Path dir;

    @Test
    void listsTheFiveFigures() {
        CliTest.Result r = CliTest.run("reproduce", "--list");
        assertEquals(0, r.code());
        for (String f : List.of("boursier-plateaus", "boursier-alignment", "wang-ma-phases", "cheridito-escape", "bu-hb-nag"))
            assertTrue(r.out().contains(f), f);
    }

    @Test
    void theSaddleEscapeFigureFollowsItsPredictedRate() throws Exception {
        CliTest.Result r = CliTest.run("reproduce", "cheridito-escape", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(dir.resolve("cheridito-escape.png")) > 1000);
        // the data: GD distance and the predicted eps (1 - gamma lambda_min)^n agree within 1% while the distance < 1e-2
        List<String> lines = Files.readAllLines(dir.resolve("cheridito-escape.csv"));
        java.util.Map<String, java.util.Map<Double, Double>> series = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int q = line.lastIndexOf("\",");
            String name = line.substring(1, q);
            String[] xy = line.substring(q + 2).split(",");
            series.computeIfAbsent(name, k -> new java.util.HashMap<>()).put(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
        }
        var gd = series.get("GD");
        var predicted = series.get("eps (1 - gamma lambda_min)^n");
        int compared = 0;
        for (var e : gd.entrySet())
            if (e.getValue() < 1e-2) {
                assertEquals(predicted.get(e.getKey()), e.getValue(), 0.01 * e.getValue(), "iteration " + e.getKey());
                compared++;
            }
        assertTrue(compared > 100 && gd.values().stream().anyMatch(v -> v > 0.1), "the run must leave the saddle");
    }

    @Test
    void anUnknownFigureIsABadInput() {
        assertEquals(2, CliTest.run("reproduce", "nope").code());
    }
}
