package org.pmopulse.snapshot;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test snapshots from JSON files under src/test/resources/snapshots, changed field by field. */
public final class TestSnapshots {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestSnapshots() {
    }

    /** A fresh copy of {@code snapshots/<name>.json}. */
    public static ObjectNode load(String name) {
        try (InputStream in = TestSnapshots.class.getResourceAsStream("/snapshots/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a value at a dotted path ({@code progress.percentComplete}, {@code risks.0.probability}). */
    public static ObjectNode with(ObjectNode root, String path, Object value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode newValue = JSON.valueToTree(value);
        if (node.isArray()) {
            ((ArrayNode) node).set(Integer.parseInt(last), newValue);
        } else {
            ((ObjectNode) node).set(last, newValue);
        }
        return root;
    }

    public static ObjectNode without(ObjectNode root, String field) {
        root.remove(field);
        return root;
    }

    public static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }
}
