package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Loss;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.CriticalPoints.Placement;
import org.reluflow.testkit.Instances;

class FiniteCriticalPointsTest {

    static SymjaSession session;

    @BeforeAll static void start() { session = SymjaSession.limitedTo(60); }

    @AfterAll static void stop() { session.close(); }

    static Problem orthogonal(int width, double... labels) {
        double[][] x = new double[labels.length][labels.length];
        for (int i = 0; i < labels.length; i++) x[i][i] = 1;
        return Instances.relu(FiniteDataset.uniform(x, labels), width, Loss.SQUARE);
    }

    static List<FiniteCriticalPoints.Found> certified(FiniteCriticalPoints.Survey s) {
        return s.found().stream().filter(f -> f.certified() != null).toList();
    }

    @Test void oneNeuronOnTwoOrthogonalInputs() throws Exception {
        // L = 1/4 sum_i (a relu(w_i) - y_i)^2 with y = (1, 1/2)
        var survey = new FiniteCriticalPoints(session).survey(orthogonal(1, 1, 0.5), r -> { });
        assertTrue(survey.unresolved().isEmpty(), survey.unresolved().toString());
        var found = certified(survey);
        assertTrue(found.stream().allMatch(f -> f.certified().gradientZero()), found.toString());
        // the interpolator: active on both samples, a = 1, w = (1, 1/2)
        var global = found.stream().filter(f -> f.loss().equals("0")).toList();
        assertEquals(1, global.size(), found.toString());
        assertEquals("1", global.get(0).values().get("w1x1"));
        assertEquals("1/2", global.get(0).values().get("w1x2"));
        assertEquals(Placement.INSIDE, global.get(0).placement());
        // fitting sample 1 alone: loss (1/4)(1/2)^2 = 1/16, a family (w_2 < 0 free), a minimum with its zero modes
        var one = found.stream().filter(f -> f.loss().equals("1/16")).findFirst().orElseThrow();
        assertEquals(Placement.PARTLY_INSIDE, one.placement());
        assertEquals(Classification.Kind.MINIMUM_WITH_SYMMETRY_ZERO_MODES, one.certified().classification().kind());
        // a dead neuron: the constant level (1 + 1/4)/4
        assertTrue(found.stream().anyMatch(f -> f.loss().equals("5/16")), found.toString());
        assertTrue(found.stream().noneMatch(f -> f.certified().classification().kind() == Classification.Kind.STRICT_SADDLE),
                "labels of one sign: no saddle inside a region");
    }

    @Test void labelsOfBothSignsGiveASaddleWithAZeroOutputWeight() throws Exception {
        // y = (1, -1/2): a = 0 with w_2 = 2 w_1 > 0 makes sum_i r_i relu(z_i) = -(w_1 - w_2/2)... vanish: a strict saddle
        var survey = new FiniteCriticalPoints(session).survey(orthogonal(1, 1, -0.5), r -> { });
        var saddles = certified(survey).stream()
                .filter(f -> f.certified().classification().kind() == Classification.Kind.STRICT_SADDLE).toList();
        assertFalse(saddles.isEmpty(), survey.found().toString());
        for (var s : saddles) {
            assertEquals("0", s.outputSigns());
            assertTrue(s.certified().gradientZero());
            assertEquals("5/16", s.loss(), "the output is 0, so the loss is sum y^2 / 4");
        }
    }

    @Test void twoNeuronsFitLabelsOfBothSigns() throws Exception {
        var survey = new FiniteCriticalPoints(session).survey(orthogonal(2, 1, -0.5), r -> { });
        assertTrue(survey.unresolved().isEmpty(), survey.unresolved().toString());
        var zero = certified(survey).stream().filter(f -> f.loss().equals("0")).toList();
        assertFalse(zero.isEmpty());
        // every exact fit has one neuron of each output sign
        assertTrue(zero.stream().allMatch(f -> f.outputSigns().equals("-1, 1")), zero.toString());
    }

    @Test void refusesWhatItCannotSurvey() {
        var fcp = new FiniteCriticalPoints(session);
        assertThrows(IllegalArgumentException.class, () -> fcp.survey(orthogonal(2, 1, 1, 1, 1), r -> { }));
        double[][] x = {{1, 0}, {0, 1}};
        Problem logistic = Instances.relu(FiniteDataset.uniform(x, new double[] {1, -1}), 1, Loss.LOGISTIC);
        assertThrows(IllegalArgumentException.class, () -> fcp.survey(logistic, r -> { }));
    }
}
