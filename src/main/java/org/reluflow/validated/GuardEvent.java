package org.reluflow.validated;

import org.reluflow.interval.Interval;

/**
 * Something that happened at a switching surface during validated integration.
 *
 * @param guard  the surface's expression (the argument of Max[0, .] or UnitStep[.]), e.g. {@code <w_1, x_3>}
 * @param kind   what was certified
 * @param time   an enclosure of the time at which it happened (for a crossing: every member of the set crosses once,
 *               transversally, inside it)
 * @param into   the sign of the guard after the event (+1 or -1; 0 when the set entered convex-hull mode)
 */
public record GuardEvent(String guard, Kind kind, Interval time, int into) {

    public enum Kind {
        /** A unique, transversal crossing, certified by interval Newton on the guard along the Taylor polynomial. */
        CROSSING,
        /** Both one-sided fields point into the surface (Filippov sliding), certified; the sliding field takes over. */
        SLIDING,
        /**
         * The far side's field is tangent to the surface identically (sigma'(0) = 0 with orthogonal data): the
         * pre-activation stays at 0 exactly, integrated as sliding with lambda exactly 0 or 1.
         */
        FROZEN,
        /**
         * Nothing could be certified (grazing, several guards at once, a set straddling the surface): the flow is
         * enclosed through the convex-hull differential inclusion until the set leaves the surfaces.
         */
        CONVEX_HULL
    }
}
