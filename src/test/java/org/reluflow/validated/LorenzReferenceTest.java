package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.reluflow.interval.IntervalVector;

/**
 * Lorenz (sigma 10, rho 28, beta 8/3) from (15, 15, 36): the Lohner enclosures at t = 2.5, 5, 7.5, 10 contain a
 * 60-digit Taylor reference (order 30, step 1/128), whose own error is checked against a second reference (order 36,
 * step 1/256) to lie far below the enclosure widths. The enclosures are ~1e-10 wide while an ulp of error in the
 * centre's arithmetic, amplified along the orbit, would move the truth by ~1e-7: any unsound step in the
 * double-double centre shows here.
 */
class LorenzReferenceTest {

    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    static final BigDecimal BETA = new BigDecimal(8).divide(new BigDecimal(3), MC);

    /** Fixed-step Taylor integration in BigDecimal; returns the states at the multiples of {@code every} steps. */
    static BigDecimal[][] reference(int order, int stepsPerUnit, int every, int samples) {
        BigDecimal h = BigDecimal.ONE.divide(new BigDecimal(stepsPerUnit), MC);
        BigDecimal[] s = {new BigDecimal(15), new BigDecimal(15), new BigDecimal(36)};
        BigDecimal[][] out = new BigDecimal[samples][];
        for (int step = 1; step <= every * samples; step++) {
            BigDecimal[][] c = new BigDecimal[order + 1][];
            c[0] = s;
            for (int k = 0; k < order; k++) {
                BigDecimal xz = BigDecimal.ZERO, xy = BigDecimal.ZERO;
                for (int j = 0; j <= k; j++) {
                    xz = xz.add(c[j][0].multiply(c[k - j][2], MC), MC);
                    xy = xy.add(c[j][0].multiply(c[k - j][1], MC), MC);
                }
                BigDecimal kk = new BigDecimal(k + 1);
                c[k + 1] = new BigDecimal[] {
                    c[k][1].subtract(c[k][0]).multiply(BigDecimal.TEN).divide(kk, MC),
                    c[k][0].multiply(new BigDecimal(28)).subtract(xz).subtract(c[k][1]).divide(kk, MC),
                    xy.subtract(BETA.multiply(c[k][2], MC)).divide(kk, MC)};
            }
            BigDecimal[] next = new BigDecimal[3];
            for (int i = 0; i < 3; i++) {
                BigDecimal acc = c[order][i];
                for (int k = order - 1; k >= 0; k--) acc = acc.multiply(h, MC).add(c[k][i], MC);
                next[i] = acc;
            }
            s = next;
            if (step % every == 0) out[step / every - 1] = s;
        }
        return out;
    }

    @Test
    void enclosuresContainTheHighPrecisionReference() throws Exception {
        double[] times = {2.5, 5, 7.5, 10};
        BigDecimal[][] ref = reference(30, 128, 320, 4);
        BigDecimal[][] check = reference(36, 256, 640, 4);
        ValidatedIntegrator vi = new ValidatedIntegrator(
                ClosedFormSoundnessTest.field("{10*(y - x), x*(28 - z) - y, x*y - 8/3*z}", "x", "y", "z"),
                ValidatedIntegrator.Settings.defaultsFor(3));
        for (int s = 0; s < times.length; s++) {
            Enclosure e = vi.integrate(IntervalVector.ofPoints(15, 15, 36), times[s]);
            assertEquals(EnclosureStatus.VALID, e.status(), e.reason());
            for (int i = 0; i < 3; i++) {
                BigDecimal err = ref[s][i].subtract(check[s][i]).abs();
                double width = e.box().get(i).width();
                assertTrue(err.doubleValue() < 1e-3 * width, "reference error " + err + " not far below the width " + width);
                assertTrue(ClosedFormSoundnessTest.contains(e.box().get(i), ref[s][i]),
                        "t=" + times[s] + " component " + i + ": " + ref[s][i] + " not in " + e.box().get(i));
            }
        }
    }
}
