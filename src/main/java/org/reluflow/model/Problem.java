package org.reluflow.model;

/** A training problem: network shape, data and loss. Validated for consistency on construction. */
public record Problem(Architecture architecture, Dataset data, Loss loss) {
    public Problem {
        if (architecture.inputDim() != data.inputDim())
            throw new IllegalArgumentException("network input dimension " + architecture.inputDim()
                    + " does not match the data dimension " + data.inputDim());
        boolean integral = data instanceof IntervalTarget;
        if (integral != (loss == Loss.SQUARE_INTEGRAL))
            throw new IllegalArgumentException(integral
                    ? "scalar interval data needs loss square_integral"
                    : "loss square_integral needs scalar interval data (kind: interval)");
    }

    public ParameterLayout layout() { return architecture.layout(); }
}
