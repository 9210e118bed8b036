package org.reluflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.Experiment;
import org.reluflow.spec.SpecLoader;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.SymjaSession;
import org.reluflow.validated.Enclosure;
import org.reluflow.validated.NetworkFields;
import org.reluflow.validated.SwitchedField;
import org.reluflow.validated.ValidatedIntegrator;

/**
 * Steady-state time of the validated-integration targets with default settings: Lorenz (15,15,36) to T = 10,
 * and the ReLU gradient flow of src/bench/specs/relu-gf-50.yaml (150 parameters) to T = 0.5. Steps per second are the
 * enclosure's step count (printed at tear-down) over this time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ValidatedIntegrationBenchmark {

    @Param({"lorenz", "relu50"}) String problem;

    ValidatedIntegrator integrator;
    IntervalVector x0;
    double horizon;
    Enclosure last;

    @Setup(Level.Trial) public void setup() throws Exception {
        if (problem.equals("lorenz")) {
            try (SymjaSession s = SymjaSession.limitedTo(60)) {
                OdeSystem lorenz = OdeSystem.parse(s, "{10*(y - x), x*(28 - z) - y, x*y - 8/3*z}", List.of("x", "y", "z"));
                SwitchedField f = SwitchedField.of(lorenz);
                integrator = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f));
            }
            x0 = IntervalVector.ofPoints(15, 15, 36);
            horizon = 10;
        } else {
            Experiment e = SpecLoader.load(Path.of("src/bench/specs/relu-gf-50.yaml"));
            SwitchedField f = NetworkFields.switchedField(e.problem());
            integrator = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f));
            x0 = IntervalVector.ofPoints(e.theta0());
            horizon = 0.5;
        }
    }

    @Benchmark public Enclosure integrate() {
        last = integrator.integrate(x0, horizon);
        return last;
    }

    @TearDown(Level.Trial) public void report() {
        System.out.printf("%n%s: %s, %d steps, widest crossing %.3g, final width %.3g%n", problem, last.status(), last.steps(),
                last.maxCrossingWidth(), last.box().maxWidth());
    }
}
