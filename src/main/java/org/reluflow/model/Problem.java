package org.reluflow.model;

/**
 * A training problem: network shape, data and loss, and (for mutation testing only) a {@link Perturbation} of the
 * dynamics, {@link Perturbation#NONE} for every real run. Validated for consistency on construction.
 */
public record Problem(Architecture architecture, Dataset data, Loss loss, Perturbation perturbation) {
    public Problem(Architecture architecture, Dataset data, Loss loss) { this(architecture, data, loss, Perturbation.NONE); }

    public Problem {
        java.util.Objects.requireNonNull(perturbation);
        if (architecture.inputDim() != data.inputDim())
            throw new IllegalArgumentException("network input dimension " + architecture.inputDim()
                    + " does not match the data dimension " + data.inputDim());
        boolean integral = data instanceof IntervalTarget;
        if (integral != (loss == Loss.SQUARE_INTEGRAL))
            throw new IllegalArgumentException(integral
                    ? "scalar interval data needs loss square_integral"
                    : "loss square_integral needs scalar interval data (kind: interval)");
    }

    public Problem withPerturbation(Perturbation p) { return new Problem(architecture, data, loss, p); }

    public ParameterLayout layout() { return architecture.layout(); }
}
