package org.reluflow.model;

import java.util.List;
import java.util.Map;

/**
 * Everything a run needs: the problem, the initial parameters, the method, how long to run and what to record.
 *
 * @param horizon     final time T (for discrete methods the run stops at step ceil(T / eta) unless steps is given)
 * @param recordEvery time between recorded samples of the trajectory
 * @param directions  named reference directions in input space (for neuron cosines), e.g. D+ and beta+
 * @param ntkEigenvalues whether to record the NTK Gram eigenvalues along the run
 */
public record Experiment(String name, Problem problem, double[] theta0, Method method, double horizon,
                         double recordEvery, Map<String, double[]> directions, boolean ntkEigenvalues,
                         List<String> notes) {
    public Experiment {
        if (theta0.length != problem.layout().size())
            throw new IllegalArgumentException("initial parameters have length " + theta0.length
                    + ", the layout needs " + problem.layout().size());
        theta0 = theta0.clone();
        directions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(directions));
        notes = List.copyOf(notes);
    }

    @Override public double[] theta0() { return theta0.clone(); }
}
