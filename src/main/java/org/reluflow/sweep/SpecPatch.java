package org.reluflow.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reluflow.spec.SpecException;

/** Sets a number at a dotted key of a spec tree; the strict spec binding then judges whether it belongs there. */
final class SpecPatch {
    private SpecPatch() {}

    /**
     * Writes {@code value} at {@code key} in a copy of {@code spec}: missing mappings on the way are created (the
     * binding rejects keys the spec does not know), list entries must exist. An integral value is written as an
     * integer, so that integer keys such as network.width or init.seed accept it.
     */
    static ObjectNode with(ObjectNode spec, String key, double value) throws SpecException {
        ObjectNode root = spec.deepCopy();
        String[] parts = key.split("\\.");
        JsonNode node = root;
        for (int k = 0; k < parts.length; k++) {
            boolean last = k == parts.length - 1;
            String part = parts[k];
            String where = String.join(".", java.util.Arrays.copyOf(parts, k + 1));
            if (node instanceof ObjectNode obj) {
                if (last) {
                    obj.set(part, number(value));
                } else {
                    JsonNode next = obj.get(part);
                    if (next == null || next.isNull()) {
                        next = obj.putObject(part);
                    }
                    node = next;
                }
            } else if (node instanceof ArrayNode arr) {
                int index = index(part, where);
                if (index >= arr.size())
                    throw new SpecException(where, "the list has " + arr.size() + " entries (indices from 0)");
                if (last) arr.set(index, number(value));
                else node = arr.get(index);
            } else {
                throw new SpecException(String.join(".", java.util.Arrays.copyOf(parts, k)),
                        "is a value, not a mapping or a list, so it has no key '" + part + "'");
            }
        }
        return root;
    }

    private static int index(String part, String where) throws SpecException {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw new SpecException(where, "is in a list: index it by position from 0, not by '" + part + "'");
        }
    }

    private static JsonNode number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return JsonNodeFactory.instance.numberNode((long) v);
        return JsonNodeFactory.instance.numberNode(v);
    }
}
