package org.reluflow.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.reluflow.RandomProblems;
import org.reluflow.field.IntervalObjective;
import org.reluflow.model.Problem;

/**
 * The square-integral loss integrated exactly piece by piece across the kinks: Symja's field in the region of a
 * random point equals the numeric engine's gradient there to 1e-12, and balancedness holds for every neuron.
 */
class ScalarIntegralLossProperties {

    static final SymjaSession SESSION = SymjaSession.limitedTo(120);

    @AfterContainer
    static void close() { SESSION.close(); }

    @Property(tries = 12, seed = "31")
    void exactPiecewiseFieldMatchesTheNumericGradient(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                      @ForAll @IntRange(min = 1, max = 3) int width) throws SymbolicException {
        Problem p = RandomProblems.interval(seed, width);
        double[] theta = RandomProblems.gaussianTheta(p, seed + 5, 1.0);
        RegionField f = RegionField.scalar(SESSION, p, theta, false);
        double[] symbolic = f.evaluate(theta), numeric = new IntervalObjective(p).gradient(theta);
        double scale = 0;
        for (double v : numeric) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < theta.length; k++)
            assertEquals(-numeric[k], symbolic[k], 1e-12 * Math.max(scale, 1e-300), "component " + f.parameters().get(k) + " in " + f.region());
        Invariants.Check c = Invariants.balancedness(SESSION, p, f);
        assertTrue(c.holds(), c.derivatives().toString());
    }
}
