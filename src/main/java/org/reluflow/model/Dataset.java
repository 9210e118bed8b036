package org.reluflow.model;

/** What the network is trained on: a finite weighted sample, or a scalar interval with an affine target. */
public sealed interface Dataset permits FiniteDataset, IntervalTarget {
    int inputDim();
}
