package org.reluflow.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * The YAML spec as written, bound by Jackson with unknown keys rejected. Boxed fields are optional
 * (null = default); {@link SpecCompiler} checks values and dimensions and builds the model.
 */
public record RawSpec(String name, String description, Network network, Data data, String loss, Init init,
                      Optimizer optimizer, Double horizon, Double recordEvery, Observe observe) {

    public record Network(Integer width, Integer inputDim, Boolean hiddenBias, Boolean outputBias,
                          String outputScale, Boolean trainOutput, String activation, Double leakySlope,
                          Double reluPrimeAtZero) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Data.Orthogonal.class, name = "orthogonal"),
            @JsonSubTypes.Type(value = Data.TwoPoint.class, name = "two_point"),
            @JsonSubTypes.Type(value = Data.Separable.class, name = "separable"),
            @JsonSubTypes.Type(value = Data.Sphere.class, name = "sphere"),
            @JsonSubTypes.Type(value = Data.Interval.class, name = "interval"),
            @JsonSubTypes.Type(value = Data.Points.class, name = "points"),
            @JsonSubTypes.Type(value = Data.File.class, name = "file")})
    public sealed interface Data {
        /** Orthogonal inputs x_k = norm_k e_k (optionally rotated by a random orthogonal matrix) with labels y_k. */
        record Orthogonal(List<Double> norms, List<Double> labels, Integer dim, Boolean rotate, Long seed,
                          List<Double> weights) implements Data {}

        /** x_+ = (1, 0, ...), x_- at angle `angle` from it, labels +1 / -1, class weights p and q. */
        record TwoPoint(Double angle, Double p, Double q, Integer dim) implements Data {}

        /** n points on the unit sphere, labelled by a hidden unit vector with margin at least `margin`. */
        record Separable(Integer n, Integer dim, Double margin, Long seed) implements Data {}

        /** n unit-sphere Gaussian inputs with a regression target (gaussian noise, or a random linear teacher). */
        record Sphere(Integer n, Integer dim, Long seed, String target, Double minSeparation) implements Data {}

        /** Scalar input on [a, b] with Lebesgue measure and the affine target alpha x + beta. */
        record Interval(Double a, Double b, Double alpha, Double beta) implements Data {}

        /** Inline points. */
        record Points(List<List<Double>> x, List<Double> y, List<Double> weights) implements Data {}

        /** Points from files: a CSV with the target in the last column, or .npy files for inputs and targets. */
        record File(String path, String x, String y, Boolean header) implements Data {}
    }

    public record Init(Double scale, Boolean widthNormalized, Boolean balanced, String distribution,
                       String outputInit, Long seed, Explicit explicit, List<Double> theta) {}

    public record Explicit(List<Double> a, List<List<Double>> w, List<Double> b, Double c) {}

    public record Optimizer(String kind, Double step, Long steps, Double momentum, String schedule, Double r,
                            Double gamma, Double rtol, Double atol, Integer maxEvents) {}

    public record Observe(Map<String, List<Double>> directions, Boolean ntkEigenvalues) {}
}
