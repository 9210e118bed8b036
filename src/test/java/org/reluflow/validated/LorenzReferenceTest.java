package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.reluflow.interval.IntervalVector;

/**
 * Van der Pol and Lorenz from boxes (the doubleton c + C r0 + B r carries the box): every sampled initial point's
 * 60-digit trajectory (corners, where the image's hull is attained, and random interior points) lies in the
 * enclosures. And Lorenz (sigma 10, rho 28, beta 8/3) from (15, 15, 36): the Lohner enclosures at t = 2.5, 5, 7.5, 10 contain a
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

    /** One Taylor coefficient step: c[k+1] from c[0..k] (the field's recurrence). */
    interface Recurrence { BigDecimal[] next(BigDecimal[][] c, int k); }

    static final Recurrence VAN_DER_POL = (c, k) -> { // x' = y, y' = (1 - x^2) y - x
        BigDecimal p = BigDecimal.ZERO;
        for (int j = 0; j <= k; j++) {
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i <= j; i++) s = s.add(c[i][0].multiply(c[j - i][0], MC), MC);
            p = p.add(s.multiply(c[k - j][1], MC), MC);
        }
        BigDecimal kk = new BigDecimal(k + 1);
        return new BigDecimal[] {c[k][1].divide(kk, MC), c[k][1].subtract(p).subtract(c[k][0]).divide(kk, MC)};
    };

    static final Recurrence LORENZ = (c, k) -> {
        BigDecimal xz = BigDecimal.ZERO, xy = BigDecimal.ZERO;
        for (int j = 0; j <= k; j++) {
            xz = xz.add(c[j][0].multiply(c[k - j][2], MC), MC);
            xy = xy.add(c[j][0].multiply(c[k - j][1], MC), MC);
        }
        BigDecimal kk = new BigDecimal(k + 1);
        return new BigDecimal[] {
            c[k][1].subtract(c[k][0]).multiply(BigDecimal.TEN).divide(kk, MC),
            c[k][0].multiply(new BigDecimal(28)).subtract(xz).subtract(c[k][1]).divide(kk, MC),
            xy.subtract(BETA.multiply(c[k][2], MC)).divide(kk, MC)};
    };

    /** Fixed-step Taylor flow of {@code f} from s over {@code steps} steps of 1/stepsPerUnit. */
    static BigDecimal[] flow(Recurrence f, BigDecimal[] s, int order, int stepsPerUnit, int steps) {
        BigDecimal h = BigDecimal.ONE.divide(new BigDecimal(stepsPerUnit), MC);
        for (int step = 0; step < steps; step++) {
            BigDecimal[][] c = new BigDecimal[order + 1][];
            c[0] = s;
            for (int k = 0; k < order; k++) c[k + 1] = f.next(c, k);
            BigDecimal[] next = new BigDecimal[s.length];
            for (int i = 0; i < s.length; i++) {
                BigDecimal acc = c[order][i];
                for (int k = order - 1; k >= 0; k--) acc = acc.multiply(h, MC).add(c[k][i], MC);
                next[i] = acc;
            }
            s = next;
        }
        return s;
    }

    /** Corners, centre and random points of the box; each one's flow at the times must lie in the enclosures. */
    static void checkBox(String field, String[] vars, Recurrence f, int order, int stepsPerUnit, double[] lo, double[] hi,
                         double[] times, int randomPoints) throws Exception {
        int n = lo.length;
        ValidatedIntegrator vi = new ValidatedIntegrator(ClosedFormSoundnessTest.field(field, vars), ValidatedIntegrator.Settings.defaultsFor(n));
        org.reluflow.interval.Interval[] box = new org.reluflow.interval.Interval[n];
        for (int i = 0; i < n; i++) box[i] = org.reluflow.interval.Interval.of(lo[i], hi[i]);
        Enclosure[] e = new Enclosure[times.length];
        for (int s = 0; s < times.length; s++) {
            e[s] = vi.integrate(IntervalVector.of(box), times[s]);
            assertEquals(EnclosureStatus.VALID, e[s].status(), e[s].reason());
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        java.util.List<double[]> points = new java.util.ArrayList<>();
        for (int corner = 0; corner < 1 << n; corner++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) p[i] = (corner >> i & 1) == 1 ? hi[i] : lo[i];
            points.add(p);
        }
        for (int k = 0; k < randomPoints; k++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) p[i] = lo[i] + (hi[i] - lo[i]) * rnd.nextDouble();
            points.add(p);
        }
        BigDecimal[] a = new BigDecimal[n], b = new BigDecimal[n]; // the reference's own error, far below the widths
        for (int i = 0; i < n; i++) a[i] = b[i] = new BigDecimal(lo[i]);
        double last = times[times.length - 1];
        a = flow(f, a, order, stepsPerUnit, (int) Math.round(last * stepsPerUnit));
        b = flow(f, b, order + 6, 2 * stepsPerUnit, (int) Math.round(last * 2 * stepsPerUnit));
        for (int i = 0; i < n; i++)
            assertTrue(a[i].subtract(b[i]).abs().doubleValue() < 1e-3 * e[times.length - 1].box().get(i).width(), "reference error");
        for (double[] p : points) {
            BigDecimal[] s = new BigDecimal[n];
            for (int i = 0; i < n; i++) s[i] = new BigDecimal(p[i]);
            double at = 0;
            for (int t = 0; t < times.length; t++) {
                s = flow(f, s, order, stepsPerUnit, (int) Math.round((times[t] - at) * stepsPerUnit));
                at = times[t];
                for (int i = 0; i < n; i++)
                    assertTrue(ClosedFormSoundnessTest.contains(e[t].box().get(i), s[i]),
                            field + " from " + java.util.Arrays.toString(p) + " at t=" + times[t] + ": " + s[i] + " not in " + e[t].box().get(i));
            }
        }
    }

    @Test
    void vanDerPolBoxImagesContainTheSampledTrajectories() throws Exception {
        checkBox("{y, (1 - x^2)*y - x}", new String[] {"x", "y"}, VAN_DER_POL, 20, 128,
                new double[] {1.40, 2.38}, new double[] {1.43, 2.41}, new double[] {1, 2, 3}, 12);
    }

    @Test
    void lorenzBoxImagesContainTheSampledTrajectories() throws Exception {
        checkBox("{10*(y - x), x*(28 - z) - y, x*y - 8/3*z}", new String[] {"x", "y", "z"}, LORENZ, 30, 256,
                new double[] {15 - 1e-5, 15 - 1e-5, 36 - 1e-5}, new double[] {15 + 1e-5, 15 + 1e-5, 36 + 1e-5}, new double[] {0.5, 1}, 16);
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
