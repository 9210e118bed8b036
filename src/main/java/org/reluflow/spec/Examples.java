package org.reluflow.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reluflow.model.Experiment;

/** The built-in, commented example specs shipped in the jar under {@code /examples}. */
public final class Examples {
    private Examples() {}

    /** Example names with one-line descriptions, in catalog order. */
    public static Map<String, String> list() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : resource("index.txt").split("\n")) {
            if (line.isBlank()) continue;
            String[] parts = line.split("\t", 2);
            out.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
        }
        return out;
    }

    public static List<String> names() { return new ArrayList<>(list().keySet()); }

    /** The commented YAML text of an example. */
    public static String text(String name) throws SpecException {
        if (!list().containsKey(name))
            throw new SpecException("", "no example named '" + name + "'; try one of " + String.join(", ", names()));
        return resource(name + ".yaml");
    }

    public static Experiment load(String name) throws SpecException {
        return SpecLoader.parse(text(name), Path.of("."));
    }

    /** A built-in example; they are part of the build and valid, so a failure is a defect, not bad input. */
    public static Experiment loadUnchecked(String name) {
        try {
            return load(name);
        } catch (SpecException e) {
            throw new IllegalStateException("built-in example " + name + " does not load: " + e.getMessage(), e);
        }
    }

    private static String resource(String file) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + file)) {
            if (in == null) throw new IllegalStateException("missing resource /examples/" + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
