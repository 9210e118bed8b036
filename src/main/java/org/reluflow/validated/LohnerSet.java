package org.reluflow.validated;

import org.reluflow.interval.IntervalMatrix;
import org.reluflow.interval.IntervalVector;

/**
 * A set {c + B r : c in center, r in radius} (Lohner's parallelepiped form; B is a point matrix, orthogonal up to
 * rounding after a QR step), together with a box known to contain it; {@link #box()} is the tighter of the two.
 * A null B stands for the identity (boxes and balls), which spares the O(n²) product in high dimension.
 */
record LohnerSet(IntervalVector center, IntervalMatrix matrix, IntervalVector radius, IntervalVector bound) {

    /** The box itself: center its midpoint, B = I. */
    static LohnerSet box(IntervalVector x) {
        IntervalVector.MidpointSplit split = x.split();
        return new LohnerSet(IntervalVector.ofPoints(split.midpoint()), null, split.centered(), x);
    }

    /** B (the identity when stored as null). */
    @Override
    public IntervalMatrix matrix() {
        return matrix == null ? IntervalMatrix.identity(center.dimension()) : matrix;
    }

    IntervalVector box() {
        IntervalVector p = matrix == null ? center.add(radius) : center.add(matrix.mul(radius));
        if (bound == null) return p;
        IntervalVector q = p.intersection(bound);
        if (q.isEmpty()) // both contain the true set, so this is a defect, reported as a failed validation
            throw new IllegalStateException("the two enclosures of the set do not intersect");
        return q;
    }

    /**
     * The image {y + A r : r in radius} of this set's parameters under a map whose mean-value form is y + A r,
     * re-expressed as c' + Q r' with Q from a pivoted QR of mid(A) diag(rad r) (Lohner's method 4: the first column
     * follows the set's longest direction) and r' = Q^{-1} A r + Q^{-1} (y - c'), Q^{-1} enclosed. {@code bound} is
     * another enclosure of the image. Null if Q^{-1} cannot be enclosed.
     */
    LohnerSet image(IntervalMatrix a, IntervalVector y, IntervalVector bound) {
        double[] c = y.midpoint();
        return image(a, c, y.sub(IntervalVector.ofPoints(c)), bound);
    }

    /**
     * The same with the image's centre given as the point c' and the rest y - c' as {@code offset} (a small interval
     * when the centre was evaluated in higher precision).
     */
    LohnerSet image(IntervalMatrix a, double[] c, IntervalVector offset, IntervalVector bound) {
        int n = c.length;
        double[][] am = a.midpoint();
        for (int j = 0; j < n; j++) {
            double w = Math.max(radius.get(j).radius(), Double.MIN_NORMAL);
            for (int i = 0; i < n; i++) am[i][j] *= w;
        }
        org.reluflow.interval.HouseholderQr.Decomposition qr = org.reluflow.interval.HouseholderQr.decompose(am, true);
        var inv = org.reluflow.interval.OrthogonalInverse.enclose(qr.q());
        if (!(inv instanceof org.reluflow.interval.LinearResult.Enclosed<IntervalMatrix> e)) return null;
        IntervalVector r = e.value().product(a).mul(radius).add(e.value().mul(offset));
        return new LohnerSet(IntervalVector.ofPoints(c), IntervalMatrix.ofPoints(qr.q()), r, bound);
    }
}
