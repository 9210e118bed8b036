package org.reluflow.dynamics;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Watches every (sample i, neuron j) pair at once. Each pair has a switching function that is positive while its
 * mode is valid and crosses zero when it stops being valid:
 * ON: z + h, OFF: -z + h, SLIDE: distance of the sliding gate from leaving [0, 1] (with margin {@link #GATE_MARGIN}).
 * The detector's function is their minimum (times a parity that flips at every event, because Hipparchus expects
 * the sign it saw just after a crossing to persist), so the first pair to leave its mode triggers the event; one detector
 * instead of n*m matters because Hipparchus interpolates the whole state for every detector at every check.
 * The offset h &gt;= 0 is fixed when a mode is entered so that the pair's function starts positive even if the
 * located switch left z a rounding error on the wrong side; it is never identically zero, which is what makes
 * Hipparchus' event search hang (reference/stack.md, section 3).
 */
final class SwitchDetector implements ODEEventDetector, ODEEventHandler {

    /** Tolerance on a sliding gate before the pair is released. */
    static final double GATE_MARGIN = 1e-9;
    private static final double TINY = 1e-300;
    /** Pairs switched at one located time, at most (several surfaces can be reached together). */
    private static final int MAX_SIMULTANEOUS = 1000;

    private final SwitchingField field;
    private final int n, m;
    private final double[][] offset;
    private final AdaptableInterval maxCheck;
    private final BracketedUnivariateSolver<UnivariateFunction> solver = new BracketingNthOrderBrentSolver(0.0, 1e-13, 0.0, 5);
    private final GradientFlowEngine.EventLog log;
    /** +1 or -1: flipped at every event (see eventOccurred). */
    private double parity = 1;

    private final boolean filippov;

    SwitchDetector(SwitchingField field, double maxCheck, GradientFlowEngine.EventLog log, double[] theta0, boolean filippov) {
        this.filippov = filippov;
        this.field = field;
        this.n = field.samples();
        this.m = field.width();
        this.offset = new double[n][m];
        this.maxCheck = AdaptableInterval.of(maxCheck);
        this.log = log;
        field.prepare(theta0);
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) enter(i, j);
    }

    /** Sets the offset of pair (i, j) for its current mode at the prepared state so that it starts positive. */
    private void enter(int i, int j) {
        double z = field.preact[i][j];
        Mode mode = field.modes[i][j];
        // twice the wrong-side excess, so the pair's function starts at |z| > 0 rather than at a rounding of zero
        offset[i][j] = mode == Mode.ON ? 2 * Math.max(0, -z) + TINY : mode == Mode.OFF ? 2 * Math.max(0, z) + TINY : 0;
    }

    private double pairValue(int i, int j) {
        Mode mode = field.modes[i][j];
        if (mode == Mode.SLIDE) {
            double sg = field.sigma[i][j];
            return Double.isNaN(sg) ? 1 : Math.min(sg + GATE_MARGIN, 1 + GATE_MARGIN - sg);
        }
        double z = field.preact[i][j];
        return (mode == Mode.ON ? z : -z) + offset[i][j];
    }

    @Override public AdaptableInterval getMaxCheckInterval() { return maxCheck; }

    @Override public int getMaxIterationCount() { return 200; }

    @Override public BracketedUnivariateSolver<UnivariateFunction> getSolver() { return solver; }

    @Override public ODEEventHandler getHandler() { return this; }

    @Override public double g(ODEStateAndDerivative state) {
        field.prepareAt(state.getTime(), state.getPrimaryState());
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) min = Math.min(min, pairValue(i, j));
        double gv = parity * min;
        return gv != 0 ? gv : -parity * TINY;
    }

    @Override public Action eventOccurred(ODEStateAndDerivative state, ODEEventDetector detector, boolean increasing) {
        double[] theta = state.getPrimaryState();
        boolean more = true;
        for (int round = 0; round < MAX_SIMULTANEOUS && more; round++) {
            field.prepare(theta);
            int bi = -1, bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++) {
                    double v = pairValue(i, j);
                    if (v < best) { best = v; bi = i; bj = j; }
                }
            // the located pair, and any other pair that reached its surface at the same time within rounding
            if (round > 0 && best > 0) break;
            more = switchPair(state.getTime(), theta, bi, bj);
        }
        field.invalidate();
        // Hipparchus now expects the sign found after the crossing: flip, so that valid modes read as that sign
        parity = -parity;
        return more ? Action.RESET_DERIVATIVES : Action.STOP;
    }

    private boolean switchPair(double t, double[] theta, int i, int j) {
        Mode from = field.modes[i][j];
        Mode to;
        if (from == Mode.SLIDE) {
            to = field.sigma[i][j] > 1 ? Mode.ON : Mode.OFF;
        } else {
            Mode across = from == Mode.ON ? Mode.OFF : Mode.ON;
            double vFrom = field.normalVelocity(theta, i, j, from == Mode.ON ? 1 : 0);
            double vAcross = field.normalVelocity(theta, i, j, across == Mode.ON ? 1 : 0);
            double tol = 1e-9 * Math.abs(vFrom) + TINY;
            boolean leaves = across == Mode.ON ? vAcross > tol : vAcross < -tol;
            to = leaves || !filippov ? across : Mode.SLIDE;
        }
        field.modes[i][j] = to;
        field.gates[i][j] = to == Mode.SLIDE ? Double.NaN : (to == Mode.ON ? 1 : 0);
        field.prepare(theta);
        enter(i, j);
        return log.add(new SwitchEvent(t, i, j, from.label(), to.label()));
    }
}
