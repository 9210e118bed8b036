package org.reluflow.interval;

/**
 * Rigorous enclosure of the inverse of a point matrix {@code Q} that is orthogonal up to rounding, such as the
 * {@code Q} of a floating-point {@link HouseholderQr}: the change of basis in Lohner QR sets.
 *
 * <p>Method: enclose {@code E = I - Q^T Q} in interval arithmetic and bound {@code e >= ||E||_inf} from above.
 * If {@code e < 1}, {@code Q^T Q = I - E} is invertible, hence so is {@code Q}, and
 * {@code Q^{-1} = (I - E)^{-1} Q^T} with the Neumann series
 * {@code (I - E)^{-1} = I + E + E^2 (I - E)^{-1}}, whose last term has every entry bounded by
 * {@code e^2 / (1 - e)}. So {@code Q^{-1}} lies in {@code (I + [E] + [-d, d]) Q^T} with {@code d = e^2/(1-e)}
 * rounded up; for a Householder {@code Q}, {@code e} is about {@code n * 1e-16} and {@code d} is negligible.
 */
public final class OrthogonalInverse {

    private OrthogonalInverse() {
    }

    /**
     * Encloses {@code Q^{-1}}; {@link LinearResult.Failed} if {@code Q} is not square, not finite, or so far
     * from orthogonal that {@code ||I - Q^T Q||_inf >= 1} (the message states the bound).
     */
    public static LinearResult<IntervalMatrix> enclose(double[][] q) {
        int n = q.length;
        for (double[] row : q) {
            if (row.length != n) {
                return new LinearResult.Failed<>("Q is not square");
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return new LinearResult.Failed<>("Q has a non-finite entry");
                }
            }
        }
        IntervalMatrix qi = IntervalMatrix.ofPoints(q);
        IntervalMatrix qt = qi.transpose();
        IntervalMatrix id = IntervalMatrix.identity(n);
        IntervalMatrix e = id.sub(qt.product(qi));
        double norm = e.normInf();
        if (!(norm < 1)) {
            return new LinearResult.Failed<>("||I - Q^T Q||_inf <= " + norm + " is not < 1: Q is not orthogonal enough");
        }
        double tail = DirectedRounding.divUp(DirectedRounding.mulUp(norm, norm), DirectedRounding.subDown(1.0, norm));
        Interval[][] s = e.toArray();
        Interval pad = Interval.of(-tail, tail);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = s[i][j].add(pad);
            }
            s[i][i] = s[i][i].add(Interval.ONE);
        }
        return new LinearResult.Enclosed<>(IntervalMatrix.wrap(s, n, n).product(qt));
    }
}
