package org.reluflow.validated;

import org.reluflow.interval.IntervalMatrix;
import org.reluflow.interval.IntervalVector;

/**
 * A set {c + B r : c in center, r in radius} (Lohner's parallelepiped form; B is a point matrix, orthogonal up to
 * rounding after a QR step), together with a box known to contain it; {@link #box()} is the tighter of the two.
 */
record LohnerSet(IntervalVector center, IntervalMatrix matrix, IntervalVector radius, IntervalVector bound) {

    /** The box itself: center its midpoint, B = I. */
    static LohnerSet box(IntervalVector x) {
        IntervalVector.MidpointSplit split = x.split();
        return new LohnerSet(IntervalVector.ofPoints(split.midpoint()), IntervalMatrix.identity(x.dimension()),
                split.centered(), x);
    }

    IntervalVector box() {
        IntervalVector p = center.add(matrix.mul(radius));
        if (bound == null) return p;
        IntervalVector q = p.intersection(bound);
        if (q.isEmpty()) // both contain the true set, so this is a defect, reported as a failed validation
            throw new IllegalStateException("the two enclosures of the set do not intersect");
        return q;
    }

    LohnerSet withBound(IntervalVector b) { return new LohnerSet(center, matrix, radius, b); }
}
