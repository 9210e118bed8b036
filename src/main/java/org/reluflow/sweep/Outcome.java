package org.reluflow.sweep;

import org.reluflow.dynamics.RunStatus;

/**
 * What one grid point's run gave. NaN where a quantity does not exist (no escape within the run; no margin for a
 * regression loss).
 *
 * @param coordinates     the swept values, in axis order
 * @param firstEscape     the escape time of the first plateau that was left, as in simulate's summary
 * @param invariantDrift  max over time and neurons of |balancedness_j(t) - balancedness_j(0)|
 * @param message         why the run stopped early, empty when it completed
 */
public record Outcome(double[] coordinates, RunStatus status, double finalLoss, double tReached, int plateaus,
                      double firstEscape, int switches, int slidingEpisodes, double invariantDrift, double finalMargin,
                      double seconds, String message) {

    public Outcome {
        coordinates = coordinates.clone();
    }

    @Override public double[] coordinates() { return coordinates.clone(); }

    /** The value of a metric, for tables and phase diagrams. */
    public double value(Metric metric) {
        return switch (metric) {
            case FINAL_LOSS -> finalLoss;
            case ESCAPE_TIME -> firstEscape;
            case PLATEAUS -> plateaus;
            case SWITCHES -> switches;
            case DRIFT -> invariantDrift;
            case MARGIN -> finalMargin;
            case T_REACHED -> tReached;
            case COMPLETED -> status == RunStatus.COMPLETED ? 1 : 0;
        };
    }
}
