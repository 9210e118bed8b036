package org.reluflow.validated;

import org.reluflow.interval.IntervalMatrix;
import org.reluflow.interval.IntervalVector;

/**
 * A set {c + C r0 + B r : c in center, r0 in initialRadius, r in radius} (Lohner's parallelepiped form; B is a point
 * matrix, orthogonal up to rounding after a QR step), together with a box known to contain it; {@link #box()} is the
 * tighter of the two. The doubleton part C r0 (CAPD's Rect2 set; null when absent) carries the initial box through
 * the propagated point matrix C without re-wrapping it each step; B r holds the errors made on the way. A null B
 * stands for the identity (boxes and balls), which spares the O(n²) product in high dimension. A tripleton (CAPD's
 * C0TripletonSet; see {@link #tripletonImage}) also holds the error part as Q q (second, secondRadius; null when
 * absent): every member is c + C r0 + e with e in B r ∩ Q q.
 */
record LohnerSet(IntervalVector center, IntervalMatrix initial, IntervalVector initialRadius, IntervalMatrix matrix,
                 IntervalVector radius, IntervalMatrix second, IntervalVector secondRadius, IntervalVector bound) {

    LohnerSet(IntervalVector center, IntervalMatrix matrix, IntervalVector radius, IntervalVector bound) {
        this(center, null, null, matrix, radius, null, null, bound);
    }

    LohnerSet(IntervalVector center, IntervalMatrix initial, IntervalVector initialRadius, IntervalMatrix matrix,
              IntervalVector radius, IntervalVector bound) {
        this(center, initial, initialRadius, matrix, radius, null, null, bound);
    }

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
        IntervalVector e = matrix == null ? radius : matrix.mul(radius);
        if (second != null) {
            IntervalVector both = e.intersection(second.mul(secondRadius));
            if (both.isEmpty()) throw new IllegalStateException("the two enclosures of the error part do not intersect");
            e = both;
        }
        IntervalVector p = center.add(e);
        if (initial != null) p = p.add(initial.mul(initialRadius));
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
        if (initial != null) throw new IllegalStateException("a doubleton moves by doubletonImage");
        Basis q = Basis.of(a, radius);
        if (q == null) return null;
        IntervalVector r = q.inverse().product(a).mul(radius).add(q.inverse().mul(offset));
        return new LohnerSet(IntervalVector.ofPoints(c), q.matrix(), r, bound);
    }

    /**
     * Lohner's method 4: the orthonormal Q of a pivoted QR of mid(A) diag(rad r) (its first column follows the set's
     * longest direction) with an enclosure of Q^{-1}; null if that cannot be enclosed.
     */
    private record Basis(IntervalMatrix matrix, IntervalMatrix inverse) {
        static Basis of(IntervalMatrix a, IntervalVector r) {
            double[][] am = a.midpoint();
            for (int col = 0; col < am[0].length; col++) {
                double w = Math.max(r.get(col).radius(), Double.MIN_NORMAL);
                for (double[] row : am) row[col] *= w;
            }
            org.reluflow.interval.HouseholderQr.Decomposition qr = org.reluflow.interval.HouseholderQr.decompose(am, true);
            var inv = org.reluflow.interval.OrthogonalInverse.enclose(qr.q());
            return inv instanceof org.reluflow.interval.LinearResult.Enclosed<IntervalMatrix> e
                    ? new Basis(IntervalMatrix.ofPoints(qr.q()), e.value()) : null;
        }
    }

    /**
     * The doubleton image {c' + offset + J (C r0 + B r)} under a map with Jacobian enclosure J over the set: C' =
     * mid(J C) keeps r0; the rest (J C - C') r0, the offset and J B r go into r' in the basis of a pivoted QR of
     * mid(J B) diag(rad r), as in {@link #image}. A plain set becomes a doubleton here (C = B, r0 = r, r = 0). Null if
     * Q^{-1} cannot be enclosed.
     */
    LohnerSet doubletonImage(IntervalMatrix j, double[] c, IntervalVector offset, IntervalVector bound) {
        Propagated p = propagate(j, offset);
        return p == null ? null
                : new LohnerSet(IntervalVector.ofPoints(c), IntervalMatrix.ofPoints(p.cNext()), p.r0(), p.bNext(), p.rn(), bound);
    }

    /** The doubleton step's pieces: C', r0, the rest (J C - C') r0 + offset, B' with its enclosed inverse, r'. */
    private record Propagated(double[][] cNext, IntervalVector r0, IntervalVector rest, IntervalMatrix bNext,
                              IntervalMatrix bInv, IntervalVector rn) {}

    /** The error radius r before the step (zero for a plain set, which becomes a doubleton: C = B, r0 = r). */
    private IntervalVector errorRadius() {
        return initial == null ? IntervalVector.ofPoints(new double[center.dimension()]) : radius;
    }

    /** See {@link #doubletonImage}; null if Q^{-1} cannot be enclosed. */
    private Propagated propagate(IntervalMatrix j, IntervalVector offset) {
        IntervalMatrix b = matrix(), cm = initial == null ? b : initial;
        IntervalVector r0 = initial == null ? radius : initialRadius, r = errorRadius();
        IntervalMatrix jc = j.product(cm), jb = j.product(b);
        double[][] cNext = jc.midpoint();
        IntervalVector rest = jc.sub(IntervalMatrix.ofPoints(cNext)).mul(r0).add(offset);
        Basis q = Basis.of(jb, r);
        if (q == null) return null;
        IntervalVector rn = q.inverse().product(jb).mul(r).add(q.inverse().mul(rest));
        return new Propagated(cNext, r0, rest, q.matrix(), q.inverse(), rn);
    }

    /**
     * The tripleton image (CAPD's C0TripletonSet): the doubleton image of {@link #doubletonImage}, whose error part
     * B' r' comes from a QR basis, together with a second enclosure Q' q' of the same error part, Q' = mid(J Q)
     * carried without re-orthogonalisation (Lohner's parallelepiped method: it follows the flow's own shearing, which
     * the QR basis cuts across) and q' = (Q'^{-1} J Q) q + Q'^{-1} rest with Q'^{-1} enclosed by interval Gauss.
     * Every member is c' + C' r0 + e with the same e in both, so e lies in B' r' ∩ Q' q' ({@link #box}), and r', q'
     * are narrowed by each other: r' ∩ (B'^{-1} Q') q', q' ∩ (Q'^{-1} B') r'. Where Q'^{-1} cannot be enclosed the
     * second enclosure restarts from the first (Q' = B', q' = r'). Null if B'^{-1} cannot be enclosed.
     */
    LohnerSet tripletonImage(IntervalMatrix j, double[] c, IntervalVector offset, IntervalVector bound) {
        Propagated p = propagate(j, offset);
        if (p == null) return null;
        IntervalMatrix q = second == null ? matrix() : second;
        IntervalVector qr = second == null ? errorRadius() : secondRadius;
        IntervalMatrix jq = j.product(q), bNext = p.bNext();
        IntervalVector rn = p.rn(), qn;
        IntervalMatrix qNext = IntervalMatrix.ofPoints(jq.midpoint());
        var qInv = org.reluflow.interval.IntervalGauss.inverse(qNext);
        if (qInv instanceof org.reluflow.interval.LinearResult.Enclosed<IntervalMatrix> qe && Double.isFinite(qe.value().normInf())) {
            qn = qe.value().product(jq).mul(qr).add(qe.value().mul(p.rest()));
            IntervalVector rt = rn.intersection(p.bInv().product(qNext).mul(qn));
            IntervalVector qt = qn.intersection(qe.value().product(bNext).mul(rn));
            if (rt.isEmpty() || qt.isEmpty()) // both contain the true error: a defect, reported as a failed validation
                throw new IllegalStateException("the two enclosures of the error part do not intersect");
            rn = rt;
            qn = qt;
        } else {
            qNext = bNext; qn = rn;
        }
        return new LohnerSet(IntervalVector.ofPoints(c), IntervalMatrix.ofPoints(p.cNext()), p.r0(), bNext, rn, qNext, qn, bound);
    }
}
