package org.reluflow.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.reluflow.claims.ClaimContext;
import org.reluflow.claims.ClaimResult;
import org.reluflow.claims.CriticalFamilyClaim;
import org.reluflow.claims.Verdict;
import org.reluflow.symbolic.CriticalPoints;

/** The README's example of a user's own regression property (kept compiling and passing here). */
class ExampleRegressionProperties {
    static final ClaimContext CTX = new ClaimContext();

    @AfterContainer static void close() { CTX.close(); }

    @Property(tries = 3)
    void l3AndL5AreStrictSaddlesForMyTargets(@ForAll("targets") CriticalPoints.Instance in) {
        ClaimResult r = new CriticalFamilyClaim(in, true, 4).check(CTX);
        assertEquals(Verdict.CERTIFIED, r.verdict(), r.summary());
    }

    @Provide Arbitrary<CriticalPoints.Instance> targets() { return Instances.scalarAffine(4); }
}
