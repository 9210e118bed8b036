package org.reluflow.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.ParameterLayout;

class SpecLoaderTest {

    static java.util.List<String> examples() { return Examples.names(); }

    @ParameterizedTest
    @MethodSource("examples")
    void everyBuiltInExampleCompiles(String name) throws SpecException {
        Experiment e = Examples.load(name);
        assertEquals(name, e.name());
        assertEquals(e.problem().layout().size(), e.theta0().length);
    }

    @Test
    void balancedInitHasZeroBalancedness() throws SpecException {
        Experiment e = Examples.load("boursier-orthogonal");
        ParameterLayout layout = e.problem().layout();
        double[] theta = e.theta0();
        for (int j = 0; j < layout.width(); j++) assertEquals(0.0, layout.balancedness(theta, j), 1e-18);
    }

    @Test
    void twoPointDataHasTheDeclaredAngleAndWeights() throws SpecException {
        FiniteDataset d = (FiniteDataset) Examples.load("wang-ma-two-point").problem().data();
        assertEquals(Math.cos(0.3), d.x()[0][0] * d.x()[1][0] + d.x()[0][1] * d.x()[1][1], 1e-15);
        assertArrayEquals(new double[] {0.9, 0.1}, d.weights());
    }

    private static final String BASE = "network: {width: 2}\ndata: {kind: orthogonal, norms: [1, 2], labels: [1, -1]}\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "network: {width: 2, widht: 3}\\ndata: {kind: orthogonal, norms: [1], labels: [1]}|network.widht",
            "network: {width: 2}\\ndata: {kind: orthogonal, norms: [1, 2], labels: [1]}|data.labels",
            "network: {width: two}\\ndata: {kind: orthogonal, norms: [1], labels: [1]}|network.width",
            "network: {width: 2, input_dim: 3}\\ndata: {kind: orthogonal, norms: [1, 2], labels: [1, -1]}|network.input_dim",
            "network: {width: 2}\\ndata: {kind: spiral}|data.kind",
            "network: {width: 2}\\ndata: {kind: orthogonal, norms: [1, 2], labels: [1, -1]}\\noptimizer: {kind: gd}|optimizer.step",
            "network: {width: 2}\\ndata: {kind: orthogonal, norms: [1, 2], labels: [1, 0.5]}\\nloss: exponential|loss",
            "network: {width: 2}\\ndata: {kind: orthogonal, norms: [1, 2], labels: [1, -1]}\\ninit: {explicit: {a: [1, 1], w: [[1, 0]]}}|init.explicit.w",
            "network: {width: 2}\\ndata: {kind: orthogonal, norms: [1, 2], labels: [1, -1]}\\nhorizon: -1|horizon",
    })
    void badSpecsNameTheOffendingKey(String yaml, String path) {
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(yaml.replace("\\n", "\n"), Path.of(".")));
        assertEquals(path, e.path(), e.getMessage());
    }

    @Test
    void nonMappingAndEmptyTextAreRejected() {
        assertTrue(assertThrows(SpecException.class, () -> SpecLoader.parse("- 1\n- 2\n", Path.of(".")))
                .getMessage().endsWith("mapping (key: value), got a list"));
        assertTrue(assertThrows(SpecException.class, () -> SpecLoader.parse("just words\n", Path.of(".")))
                .getMessage().endsWith("got a string"));
        assertTrue(assertThrows(SpecException.class, () -> SpecLoader.parse("  \n", Path.of(".")))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(SpecException.class, () -> SpecLoader.parse("a: [1, 2\n", Path.of(".")))
                .getMessage().contains("malformed YAML"));
    }

    @Test
    void notANumberIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(
                "network: {width: 2}\ndata: {kind: orthogonal, norms: [1, .nan], labels: [1, 1]}\n", Path.of(".")));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void minimalSpecGetsDefaults() throws SpecException {
        Experiment e = SpecLoader.parse(BASE, Path.of("."));
        assertEquals("gradient_flow", e.method().specName());
        assertEquals(10.0, e.horizon());
    }

    @Test
    void anExplicitStepCountSetsTheHorizonAndMustAgreeWithAGivenOne() throws SpecException {
        String gd = BASE + "optimizer: {kind: gd, step: 0.5, steps: 30}\n";
        assertEquals(15.0, SpecLoader.parse(gd, Path.of(".")).horizon());
        assertEquals(15.0, SpecLoader.parse(gd + "horizon: 15.2\n", Path.of(".")).horizon());
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(gd + "horizon: 400\n", Path.of(".")));
        assertEquals("optimizer.steps", e.path(), e.getMessage());
        assertTrue(e.getMessage().contains("reach t = 15.0"), e.getMessage());
        // without steps the horizon sets the count
        assertEquals(40, ((org.reluflow.model.Method.GradientDescent) SpecLoader.parse(
                BASE + "optimizer: {kind: gd, step: 0.5}\nhorizon: 20\n", Path.of(".")).method()).steps());
    }
}
