package org.reluflow.claims;

import java.util.List;

/**
 * A deliberate error that a claim must reject: either in the prediction (the claim predicts a wrong value) or in
 * the dynamics (the engine integrates a wrong flow). A claim kills a mutant when, checked under it, its verdict is
 * VIOLATED. Claims read the active mutant through {@link ClaimContext}: {@link ClaimContext#predicted},
 * {@link ClaimContext#exponent} and {@link ClaimContext#alternative} for prediction mutants,
 * {@link ClaimContext#problem} / {@link ClaimContext#experiment} (and {@link ClaimContext#fieldScale} for claims
 * that integrate their own ODE) for dynamics mutants.
 */
public sealed interface Mutant {

    /** Stable name, used in {@code --power} output and in a claim's list of mutants it cannot kill. */
    String name();

    /** A wrong prediction. */
    sealed interface OfPrediction extends Mutant {}

    /** A wrong flow. */
    sealed interface OfDynamics extends Mutant {}

    /** Every predicted value (level, time, rate, slope, bound, probability) multiplied by {@code factor}. */
    record ScaledPrediction(double factor) implements OfPrediction {
        public String name() { return "prediction x" + factor; }
    }

    /** Every predicted exponent (of a power law or a scaling slope) shifted by {@code delta}. */
    record ShiftedExponent(double delta) implements OfPrediction {
        public String name() { return "exponent " + (delta > 0 ? "+" : "") + delta; }
    }

    /**
     * The nearest plausible wrong alternative that a claim's note names (D+- instead of beta+-, 1/q instead of
     * (1 - r_I/r)/q, a one-sided test instead of a two-sided one...). {@code key} is what the claim asks for in
     * {@link ClaimContext#alternative(String)}.
     */
    record Alternative(String key, String description) implements OfPrediction {
        public String name() { return "alternative: " + key; }
    }

    /** theta' = -factor grad L (a wrong loss normalization in the gradient only); losses are reported unscaled. */
    record FieldScale(double factor) implements OfDynamics {
        public String name() { return "field x" + factor; }
    }

    /** sigma'(0) = value instead of the declared one (ReLU's subgradient choice at a kink). */
    record ReluPrimeAtZero(double value) implements OfDynamics {
        public String name() { return "sigma'(0) = " + value; }
    }

    /** The Filippov sliding gates solved by the gradient-flow engine multiplied by {@code factor}. */
    record SlidingGate(double factor) implements OfDynamics {
        public String name() { return "sliding gate x" + factor; }
    }

    /** The sample weights 1/n replaced by factor/n (1/(2n) for factor 1/2): loss and field alike. */
    record LossNormalization(double factor) implements OfDynamics {
        public String name() { return "loss normalization x" + factor; }
    }

    /** The prediction mutants every claim is run against (alternatives and exponent shifts are per claim). */
    static List<Mutant> standardPrediction() { return List.of(new ScaledPrediction(0.95), new ScaledPrediction(1.05)); }

    /** Exponent shifts, for claims that predict an exponent. */
    static List<Mutant> exponentShifts() { return List.of(new ShiftedExponent(-0.1), new ShiftedExponent(0.1)); }

    /** The dynamics mutants every claim is run against. */
    static List<Mutant> standardDynamics() {
        return List.of(new FieldScale(0.95), new ReluPrimeAtZero(1), new SlidingGate(1.1), new LossNormalization(0.5));
    }
}
