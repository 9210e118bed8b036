package org.reluflow.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.reluflow.model.Experiment;

/**
 * Reads a YAML spec strictly: the file must be UTF-8 text holding a mapping, every key must be known, every value
 * of the right type. Errors are {@link SpecException}s that name the offending key.
 */
public final class SpecLoader {

    private static final ObjectMapper YAML = configure(com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build());

    private SpecLoader() {}

    public static Experiment load(Path file) throws SpecException {
        return parse(readTree(file), file.toAbsolutePath().getParent());
    }

    /** The YAML tree of a spec file, checked as {@link #load} checks it (exists, UTF-8 text, a mapping). */
    public static ObjectNode readTree(Path file) throws SpecException {
        if (!Files.exists(file)) throw new SpecException("", "no such file: " + file);
        if (!Files.isRegularFile(file)) throw new SpecException("", "not a regular file: " + file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SpecException("", "cannot read " + file + ": " + e.getMessage());
        }
        return tree(decode(bytes, file.toString()));
    }

    /** Parses spec text; relative data paths resolve against {@code baseDir}. */
    public static Experiment parse(String text, Path baseDir) throws SpecException {
        return new SpecCompiler(baseDir).compile(bind(text));
    }

    public static RawSpec bind(String text) throws SpecException { return bind(tree(text)); }

    /** Parses spec text from an already validated tree (see {@link #tree}); relative paths resolve against baseDir. */
    public static Experiment parse(ObjectNode tree, Path baseDir) throws SpecException {
        return new SpecCompiler(baseDir).compile(bind(tree));
    }

    /** The YAML tree of spec text: a mapping, or a {@link SpecException} saying what the text is instead. */
    public static ObjectNode tree(String text) throws SpecException {
        if (text.isBlank()) throw new SpecException("", "the spec is empty");
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().toLowerCase();
            if (msg.contains("'.nan'") || msg.contains(".inf'"))
                throw new SpecException("", "NaN and infinite values are not allowed"
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
            throw new SpecException("", "malformed YAML: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) throw new SpecException("", "the spec is empty");
        if (!tree.isObject()) throw new SpecException("", "the spec must be a YAML mapping (key: value), got " + yamlKind(tree));
        return (ObjectNode) tree;
    }

    private static RawSpec bind(JsonNode tree) throws SpecException {
        try {
            return YAML.treeToValue(tree, RawSpec.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new SpecException(path(e), "unknown key '" + e.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known keys: " + known));
        } catch (InvalidTypeIdException e) {
            throw new SpecException(path(e) + (path(e).isEmpty() ? "" : ".") + "kind",
                    e.getTypeId() == null ? "missing; one of " + String.join(", ", SpecCompiler.dataKinds())
                            : "unknown kind '" + e.getTypeId() + "'; one of " + String.join(", ", SpecCompiler.dataKinds()));
        } catch (JsonMappingException e) {
            throw new SpecException(path(e), "wrong type: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new SpecException("", "malformed spec: " + firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * An experiment written back as a spec that {@link #parse} reads to the same experiment: data as inline points,
     * parameters as a flat {@code init.theta}. Finite data sets and scalar interval targets; used to print shrunk
     * counterexamples that reluflow can rerun.
     */
    public static String toYaml(Experiment e) {
        var arch = e.problem().architecture();
        var act = arch.activation();
        String activation = act.isLinear() ? "linear" : act.isRelu() ? "relu" : "leaky_relu";
        RawSpec.Network net = new RawSpec.Network(arch.width(), arch.inputDim(), arch.hiddenBias(), arch.outputBias(),
                arch.outputScale().label(), arch.trainOutputLayer(), activation, act.isRelu() || act.isLinear() ? null : act.negativeSlope(),
                act.isLinear() ? null : act.derivativeAtZero());
        RawSpec.Data data;
        if (e.problem().data() instanceof org.reluflow.model.FiniteDataset d) {
            java.util.List<java.util.List<Double>> x = new java.util.ArrayList<>();
            for (double[] row : d.x()) x.add(java.util.Arrays.stream(row).boxed().toList());
            data = new RawSpec.Data.Points(x, java.util.Arrays.stream(d.y()).boxed().toList(), java.util.Arrays.stream(d.weights()).boxed().toList());
        } else {
            var t = (org.reluflow.model.IntervalTarget) e.problem().data();
            data = new RawSpec.Data.Interval(t.a(), t.b(), t.alpha(), t.beta());
        }
        RawSpec.Init init = new RawSpec.Init(null, null, null, null, null, null, null, java.util.Arrays.stream(e.theta0()).boxed().toList());
        RawSpec.Optimizer opt;
        if (e.method() instanceof org.reluflow.model.Method.GradientFlow g)
            opt = new RawSpec.Optimizer("gradient_flow", null, null, null, null, null, null, g.rtol(), g.atol(), g.maxEvents());
        else if (e.method() instanceof org.reluflow.model.Method.GradientDescent g)
            opt = new RawSpec.Optimizer("gd", g.step(), g.steps(), null, null, null, null, null, null, null);
        else throw new IllegalArgumentException("toYaml supports gradient_flow and gd, not " + e.method().specName());
        RawSpec raw = new RawSpec(e.name().replaceAll("[^A-Za-z0-9_-]", "-"), "written by reluflow", net, data, e.problem().loss().specName(), init, opt,
                e.method() instanceof org.reluflow.model.Method.GradientFlow ? e.horizon() : null, e.recordEvery(), null);
        try {
            ObjectMapper out = configure(com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
                    .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.USE_NATIVE_TYPE_ID).build());
            out.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
            return out.writeValueAsString(raw);
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("cannot write the spec: " + ex.getMessage(), ex);
        }
    }

    /** The JSON form used for summary files and --json output. */
    public static ObjectMapper json() {
        return configure(JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build());
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // "3" is not a number and 3.5 is not an integer
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String decode(byte[] bytes, String name) throws SpecException {
        if (bytes.length == 0) throw new SpecException("", name + " is empty");
        for (byte b : bytes) if (b == 0) throw new SpecException("", name + " is a binary file, not a YAML spec");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SpecException("", name + " is not UTF-8 text (a binary file?)");
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The YAML name of a node's kind, for messages. */
    private static String yamlKind(JsonNode node) {
        if (node.isArray()) return "a list";
        if (node.isTextual()) return "a string";
        if (node.isNumber()) return "a number";
        if (node.isBoolean()) return "a boolean";
        if (node.isNull() || node.isMissingNode()) return "nothing (null)";
        return "a " + node.getNodeType().toString().toLowerCase();
    }
}
