package org.reluflow.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reluflow.dynamics.ProgressListener;
import org.reluflow.dynamics.Simulator;
import org.reluflow.model.Experiment;
import org.reluflow.model.Method;

/** Time limits that really stop a claim, and the power run's bookkeeping. */
class ClaimRunnerTest {

    static final ClaimContext CTX = new ClaimContext();

    @AfterAll
    static void close() { CTX.close(); }

    /** A claim whose run never ends on its own: a practically endless gradient-descent or gradient-flow run. */
    static final class Endless extends Claim {
        final Method method;
        final double horizon;
        final AtomicBoolean ended = new AtomicBoolean();

        Endless(Method method, double horizon) {
            this.method = method;
            this.horizon = horizon;
        }

        @Override public String id() { return "test.endless"; }
        @Override public String paper() { return "classic"; }
        @Override public String title() { return "runs for ever"; }
        @Override public String hypotheses() { return "none"; }
        @Override public String criterion() { return "none"; }
        @Override public Provenance provenance() { return Provenance.reconstructed("test"); }

        @Override protected Outcome evaluate(ClaimContext ctx) {
            try {
                Experiment base = Catalog.twoLabels();
                Experiment e = new Experiment("endless", ctx.problem(base.problem()), base.theta0(), method, horizon, horizon,
                        Map.of(), false, List.of());
                Simulator.run(e, ProgressListener.NONE);
                return Outcome.of(Verdict.CONSISTENT, "finished");
            } finally {
                ended.set(true);
            }
        }
    }

    @Test
    void anEndlessGradientDescentIsStoppedAtItsTimeLimit() throws InterruptedException {
        assertStoppedWithin(new Endless(new Method.GradientDescent(1e-3, Long.MAX_VALUE / 2), 1e15), 2);
    }

    @Test
    void anEndlessGradientFlowIsStoppedAtItsTimeLimit() throws InterruptedException {
        assertStoppedWithin(new Endless(new Method.GradientFlow(1e-12, 1e-14, Integer.MAX_VALUE), 1e12), 2);
    }

    private static void assertStoppedWithin(Endless claim, double limit) throws InterruptedException {
        long t0 = System.nanoTime();
        ClaimResult r = ClaimRunner.checkWithin(claim, CTX, limit);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.summary());
        assertTrue(r.summary().startsWith("no verdict within 2 s"), r.summary());
        assertFalse(r.summary().contains("did not stop"), r.summary());
        assertTrue(seconds < limit + 1.5, "took " + seconds + " s for a limit of " + limit + " s");
        assertTrue(claim.ended.get(), "the abandoned computation is still running");
    }

    /**
     * A toy claim: the decay of a one-dimensional gradient flow measured against a predicted value, under the
     * context's mutants, so that the power bookkeeping is checked against known answers.
     */
    static final class Toy extends Claim {
        @Override public String id() { return "test.toy"; }
        @Override public String paper() { return "classic"; }
        @Override public String title() { return "loss after one time unit"; }
        @Override public String hypotheses() { return "none"; }
        @Override public String criterion() { return "relative error below 1e-3"; }
        @Override public Provenance provenance() { return Provenance.reconstructed("test"); }

        @Override public List<Mutant> mutants() {
            return List.of(new Mutant.ScaledPrediction(0.95), new Mutant.ScaledPrediction(1.05), new Mutant.FieldScale(0.95),
                    new Mutant.ShiftedExponent(0.1));
        }

        @Override public Map<String, String> cannotKill() { return Map.of("exponent +0.1", "predicts no exponent"); }

        @Override protected Outcome evaluate(ClaimContext ctx) {
            Experiment base = Catalog.twoLabels();
            Experiment e = ctx.experiment(new Experiment("toy", base.problem(), base.theta0(), new Method.GradientFlow(1e-10, 1e-14, 1000),
                    40, 40, Map.of(), false, List.of()));
            Experiment truth = new Experiment("toy", base.problem(), base.theta0(), new Method.GradientFlow(1e-10, 1e-14, 1000),
                    40, 40, Map.of(), false, List.of());
            double measured = org.reluflow.field.Objectives.of(e.problem()).value(Simulator.run(e, ProgressListener.NONE).finalTheta());
            double predicted = ctx.predicted(org.reluflow.field.Objectives.of(truth.problem())
                    .value(Simulator.run(truth, ProgressListener.NONE).finalTheta()));
            boolean ok = Math.abs(measured - predicted) <= 1e-3 * Math.abs(predicted);
            return Outcome.of(ok ? Verdict.CONSISTENT : Verdict.VIOLATED, "measured " + measured + ", predicted " + predicted);
        }
    }

    @Test
    void powerCountsKilledMutantsAndExplainsSurvivors() {
        ClaimRunner runner = new ClaimRunner(2, c -> 60);
        List<ClaimRunner.Run> runs = runner.power(List.of(new Toy(), new Toy()), CTX);
        assertEquals(2, runs.size());
        for (ClaimRunner.Run run : runs) {
            assertEquals(Verdict.CONSISTENT, run.result().verdict(), run.result().summary());
            Power p = run.power();
            assertEquals(4, p.total());
            assertEquals(3, p.killed(), p.reasons().toString());
            assertEquals(List.of("exponent +0.1"), p.survivors());
            assertEquals("cannot kill: predicts no exponent", p.reasons().get("exponent +0.1"));
            assertTrue(p.undeclared(new Toy()).isEmpty());
        }
        assertEquals(2, runner.finished());
    }

    @Test
    void theCatalogRebuildsItsExperimentClaimsOnASpecAndRefusesTheOthers() {
        Experiment e = Catalog.twoLabels();
        for (String id : Catalog.SPEC_CLAIMS) assertEquals(id, Catalog.onExperiment(id, e).orElseThrow().id());
        assertTrue(Catalog.onExperiment("P3.2", e).isEmpty());
        long inCatalog = Catalog.defaults().stream().filter(c -> Catalog.SPEC_CLAIMS.contains(c.id())).count();
        assertEquals(Catalog.SPEC_CLAIMS.size(), inCatalog, "every spec claim is a catalog claim");
    }
}
