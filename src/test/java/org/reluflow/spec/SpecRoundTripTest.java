package org.reluflow.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;

class SpecRoundTripTest {

    @Test
    void anExperimentWrittenAsASpecReadsBackTheSame() throws Exception {
        for (String name : new String[] {"boursier-orthogonal", "wang-ma-two-point", "saxe-linear", "cheridito-scalar"}) {
            Experiment e = Examples.load(name);
            if (!(e.method() instanceof org.reluflow.model.Method.GradientFlow)) continue;
            Experiment back = SpecLoader.parse(SpecLoader.toYaml(e), Path.of("."));
            assertArrayEquals(e.theta0(), back.theta0(), name);
            assertEquals(e.problem().architecture(), back.problem().architecture(), name);
            assertEquals(e.problem().loss(), back.problem().loss(), name);
            assertEquals(e.horizon(), back.horizon(), name);
            if (e.problem().data() instanceof FiniteDataset d) {
                FiniteDataset b = (FiniteDataset) back.problem().data();
                for (int i = 0; i < d.size(); i++) assertArrayEquals(d.x()[i], b.x()[i], name);
                assertArrayEquals(d.y(), b.y(), name);
                assertArrayEquals(d.weights(), b.weights(), name);
            } else {
                assertEquals(e.problem().data(), back.problem().data(), name);
            }
        }
    }
}
