package org.reluflow.observe;

import java.util.List;
import java.util.Map;

/**
 * Observables of a run at its recorded times.
 *
 * @param loss             L(theta(t))
 * @param balancedness     per time and neuron, a_j^2 - |w_j|^2 - b_j^2
 * @param maxDrift         per time, max_j |balancedness_j(t) - balancedness_j(0)|
 * @param activePairs      per time, the number of (sample, neuron) pairs with z &gt; 0 (finite data; else 0)
 * @param distinctPatterns per time, the number of distinct activation patterns over neurons (finite data)
 * @param neuronNorms      per time and neuron, |(w_j, b_j)|
 * @param cosines          per named direction, per time and neuron, cos(w_j, direction)
 * @param neuronAngles     per time and neuron, atan2(w_j2, w_j1) for two-dimensional inputs (else null)
 * @param kinks            per time and neuron, the kink -b_j / w_j (scalar input with bias; else null)
 * @param margin           per time, min_i y_i f(x_i) (classification losses; else null)
 * @param normalizedMargin per time, margin / |theta|^2 (classification losses; else null)
 * @param ntkEigenvalues   per sampled time, the NTK Gram eigenvalues in increasing order (on request; else empty)
 */
public record Observation(double[] times, double[] loss, double[][] balancedness, double[] maxDrift, int[] activePairs,
                          int[] distinctPatterns, double[][] neuronNorms, Map<String, double[][]> cosines,
                          double[][] neuronAngles,
                          double[][] kinks, double[] margin, double[] normalizedMargin,
                          Map<Double, double[]> ntkEigenvalues, List<Plateau> plateaus) {

    public int size() { return times.length; }

    public double finalLoss() { return loss[loss.length - 1]; }

    /** max over time of {@link #maxDrift}. */
    public double invariantDrift() {
        double m = 0;
        for (double v : maxDrift) m = Math.max(m, v);
        return m;
    }
}
