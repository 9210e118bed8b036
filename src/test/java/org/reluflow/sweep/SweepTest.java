package org.reluflow.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluflow.dynamics.RunStatus;
import org.reluflow.model.Method;
import org.reluflow.report.SweepReport;
import org.reluflow.spec.Examples;
import org.reluflow.spec.SpecException;
import org.reluflow.spec.SpecLoader;

class SweepTest {

    private static final Path HERE = Path.of(".");

    /** The orthogonal-input example, narrowed to 12 neurons so that a run takes a fraction of a second. */
    private static ObjectNode boursier() throws SpecException {
        return SpecLoader.tree(Examples.text("boursier-orthogonal").replace("width: 50", "width: 12"));
    }

    @Test
    void axesParseListsAndRangesWithExactEnds() {
        Axis list = Axis.parse("data.labels.1=0.1, 0.5,2");
        assertEquals("data.labels.1", list.key());
        assertArrayEquals(new double[] {0.1, 0.5, 2}, list.values());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Axis.parse("init.scale=0:1:5").values(), 1e-15);
        Axis log = Axis.parse("init.scale=1e-4:1e-1:4:log");
        assertTrue(log.geometric());
        // decades come out exactly, not as 0.0010000000000000002
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2, 1e-1}, log.values());
        assertArrayEquals(new double[] {3}, Axis.parse("network.width=3:3:1").values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"init.scale", "=1,2", "init.scale=", "init..scale=1", "init.scale=1,x", "init.scale=1,NaN",
            "init.scale=0:1:0", "init.scale=0:1:2.5", "init.scale=0:1:3:lin", "init.scale=0:1:3:log",
            "init.scale=1:2", "init.scale=1:2:3:log:4", "init.scale=0:1:401"})
    void badAxesAreRejectedWithAReason(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Axis.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void compactNumbersReadAsWritten() {
        assertEquals("0.001", Axis.compact(1e-3));
        assertEquals("1e-06", Axis.compact(1e-6));
        assertEquals("2.5", Axis.compact(2.5));
        assertEquals("40", Axis.compact(40));
        assertEquals("0.3333", Axis.compact(1.0 / 3));
    }

    @Test
    void patchesReachNestedKeysAndListEntries() throws SpecException {
        ObjectNode spec = boursier();
        ObjectNode p = SpecPatch.with(spec, "data.labels.1", 0.25);
        assertEquals(0.25, p.at("/data/labels/1").asDouble());
        assertEquals(0.5, spec.at("/data/labels/1").asDouble(), "the base spec is left alone");
        assertTrue(SpecPatch.with(spec, "network.width", 7).at("/network/width").isIntegralNumber());
        assertEquals(7, SpecLoader.parse(SpecPatch.with(spec, "network.width", 7), HERE).problem().architecture().width());
        // a missing mapping on the way is created, and the binding judges the key
        ObjectNode noObserve = spec.deepCopy();
        noObserve.remove("init");
        assertEquals(0.125, SpecPatch.with(noObserve, "init.scale", 0.125).at("/init/scale").asDouble());
        SpecException e = assertThrows(SpecException.class, () -> SpecPatch.with(spec, "data.labels.9", 1));
        assertEquals("data.labels.9", e.path());
        e = assertThrows(SpecException.class, () -> SpecPatch.with(spec, "data.labels.first", 1));
        assertEquals("data.labels.first", e.path());
        e = assertThrows(SpecException.class, () -> SpecPatch.with(spec, "horizon.x", 1));
        assertEquals("horizon", e.path());
    }

    @Test
    void planCompilesEveryPointFirstAndNamesTheOneThatDoesNotFit() throws SpecException {
        Sweep sweep = Sweep.plan(boursier(), HERE, List.of(Axis.parse("init.scale=1e-3,1e-2"), Axis.parse("data.labels.1=0.1:0.3:3")));
        assertEquals(6, sweep.points().size());
        // the first axis varies slowest
        assertArrayEquals(new double[] {1e-3, 0.1}, sweep.points().get(0).coordinates());
        assertArrayEquals(new double[] {1e-3, 0.2}, sweep.points().get(1).coordinates(), 1e-15);
        assertArrayEquals(new double[] {1e-2, 0.1}, sweep.points().get(3).coordinates());
        assertEquals(0.2, sweep.experiment(sweep.points().get(1)).problem().data() instanceof org.reluflow.model.FiniteDataset f
                ? f.y()[1] : Double.NaN, 1e-15);

        SpecException e = assertThrows(SpecException.class,
                () -> Sweep.plan(boursier(), HERE, List.of(Axis.parse("network.width=4,6.5"))));
        assertEquals("network.width", e.path());
        assertTrue(e.getMessage().contains("network.width = 6.5"), e.getMessage());
        e = assertThrows(SpecException.class, () -> Sweep.plan(boursier(), HERE, List.of(Axis.parse("init.scael=1,2"))));
        assertTrue(e.getMessage().contains("unknown key 'scael'"), e.getMessage());
        assertThrows(SpecException.class, () -> Sweep.plan(boursier(), HERE,
                List.of(Axis.parse("init.scale=1,2"), Axis.parse("init.scale=3"))));
    }

    /**
     * At small initialization the first escape time is affine in ln(1/lambda) (papers.md, orthogonal inputs): equal
     * steps of the scale in decades give equal steps of the escape time. The sweep must reproduce that, which it
     * cannot if the patched scale does not reach the runs.
     */
    @Test
    void escapeTimesStepEvenlyAcrossDecadesOfTheInitScale() throws SpecException {
        Sweep sweep = Sweep.plan(boursier(), HERE, List.of(Axis.parse("init.scale=1e-7:1e-5:3:log")));
        List<Outcome> out = sweep.run(f -> { });
        for (Outcome o : out) assertEquals(RunStatus.COMPLETED, o.status(), o.message());
        double e0 = out.get(0).firstEscape(), e1 = out.get(1).firstEscape(), e2 = out.get(2).firstEscape();
        double d1 = e0 - e1, d2 = e1 - e2;
        assertTrue(d1 > 5 && d2 > 5, "escape times " + e0 + ", " + e1 + ", " + e2);
        assertEquals(d1, d2, 0.02 * d1, "escape times " + e0 + ", " + e1 + ", " + e2);
    }

    @Test
    void reportsWriteATableAPhaseDiagramAndJson(@TempDir Path dir) throws Exception {
        Sweep sweep = Sweep.plan(SpecLoader.tree(Examples.text("boursier-orthogonal").replace("width: 50", "width: 6")
                        .replace("horizon: 400", "horizon: 40")), HERE,
                List.of(Axis.parse("init.scale=1e-3,1e-2"), Axis.parse("data.labels.1=0.2,0.4")));
        List<Outcome> out = sweep.run(f -> { });
        SweepReport.Summary s = SweepReport.write(dir, "b", "gradient_flow", sweep.axes(), out, Metric.ESCAPE_TIME, 1.0);
        assertEquals(4, s.points());
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(0).startsWith("init.scale,data.labels.1,status,final_loss"), csv.get(0));
        assertTrue(Files.size(dir.resolve("sweep.png")) > 1000);
        // no run escapes its first plateau by t = 40: the table says so with empty cells, the plot says so too
        for (Outcome o : out) assertTrue(Double.isNaN(o.firstEscape()), "escape at " + o.firstEscape());
        assertTrue(csv.get(1).contains(",,"), csv.get(1));
        JsonNode json = SpecLoader.json().readTree(dir.resolve("sweep.json").toFile());
        assertEquals("escape_time", json.get("metric").asText());
        assertEquals(4, json.get("results").size());
        // a quantity that does not exist is null, not NaN: the regression loss has no margin
        assertTrue(json.get("results").get(0).get("margin").isNull());
        assertEquals(out.get(3).finalLoss(), json.get("results").get(3).get("final_loss").asDouble());
    }

    @Test
    void aPhaseDiagramIsDrawnEvenWhenTheMetricExistsNowhere(@TempDir Path dir) throws Exception {
        Sweep sweep = Sweep.plan(SpecLoader.tree(Examples.text("boursier-orthogonal").replace("width: 50", "width: 4")
                .replace("horizon: 400", "horizon: 5")), HERE, List.of(Axis.parse("init.scale=1e-3,1e-2")));
        List<Outcome> out = sweep.run(f -> { });
        SweepReport.write(dir, "b", "gradient_flow", sweep.axes(), out, Metric.ESCAPE_TIME, 1.0);
        assertTrue(Files.size(dir.resolve("sweep.png")) > 1000);
        assertEquals(3, Files.readAllLines(dir.resolve("sweep.csv")).size());
    }

    @Test
    void aDivergingPointIsAResultNotAnError() throws SpecException {
        String gd = Examples.text("boursier-orthogonal").replace("width: 50", "width: 4")
                .replace("kind: gradient_flow", "kind: gd\n  step: 1\n  steps: 50").replace("horizon: 400", "")
                .replace("scale: 1.0e-3", "scale: 1.0");
        Sweep sweep = Sweep.plan(SpecLoader.tree(gd), HERE, List.of(Axis.parse("optimizer.step=0.1,1e6")));
        assertTrue(sweep.experiment(sweep.points().get(0)).method() instanceof Method.GradientDescent);
        List<Outcome> out = sweep.run(f -> { });
        assertEquals(RunStatus.COMPLETED, out.get(0).status());
        assertEquals(RunStatus.DIVERGED, out.get(1).status());
        assertTrue(out.get(1).message().contains("diverged at step"), out.get(1).message());
        assertEquals(0, out.get(1).value(Metric.COMPLETED));
    }

    /** Runs share no state: on two threads the outcomes are bit for bit those of the sequential sweep, in grid order. */
    @Test
    void threadsChangeNothingButTheWallClock() throws SpecException {
        Sweep sweep = Sweep.plan(boursier(), HERE, List.of(Axis.parse("init.scale=1e-4:1e-2:3:log"),
                Axis.parse("data.labels.1=0.2,0.6")));
        List<Outcome> one = sweep.run(f -> { }, 1), two = sweep.run(f -> { }, 2);
        assertEquals(one.size(), two.size());
        for (int q = 0; q < one.size(); q++) {
            assertArrayEquals(one.get(q).coordinates(), two.get(q).coordinates());
            assertEquals(one.get(q).finalLoss(), two.get(q).finalLoss());
            assertEquals(one.get(q).firstEscape(), two.get(q).firstEscape());
            assertEquals(one.get(q).switches(), two.get(q).switches());
        }
    }
}
