package org.pmopulse.snapshot;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.StrictJson;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what a user sent into a {@link Snapshot}, or into the list of problems that stop it, each naming its field.
 * Strict on purpose ({@link StrictJson}): unknown fields, duplicate keys, numbers in strings, fractions in
 * whole-number fields and date-times in date fields are refused rather than guessed, so nothing a user sent is
 * silently changed.
 */
public final class SnapshotReader {
    private final SnapshotValidator validator;

    /** Most tasks a snapshot may hold unless configured otherwise ({@code pulse.api.max-tasks}). */
    public static final int DEFAULT_MAX_TASKS = 50_000;

    /** With the default date window (1990-01-01 to a year from today, plans up to 20 years ahead) and task limit. */
    public SnapshotReader() {
        this(DateWindow.defaults(java.time.Clock.systemUTC()), DEFAULT_MAX_TASKS);
    }

    public SnapshotReader(DateWindow dates, int maxTasks) {
        this.validator = new SnapshotValidator(dates, maxTasks);
    }

    /** Parses a JSON text; the whole text must be one JSON value. */
    public JsonNode parse(byte[] body) {
        return StrictJson.parse(body);
    }

    /** Binds and validates one snapshot; throws {@link InvalidInputException} listing every problem found. */
    public Snapshot read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw InvalidInputException.body(List.of(new FieldProblem("$", "a snapshot must be a JSON object")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        checkKeys(node, "", problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.body(problems);
        }
        Snapshot snapshot = StrictJson.bind(node, Snapshot.class);
        problems.addAll(validator.validate(snapshot));
        if (!problems.isEmpty()) {
            throw InvalidInputException.body(problems);
        }
        return snapshot;
    }

    /** Parses and reads in one go, for files and single request bodies. */
    public Snapshot read(byte[] body) {
        return read(parse(body));
    }

    /** Keys that MongoDB would treat as operators or paths never get past this point. */
    private static void checkKeys(JsonNode node, String at, List<FieldProblem> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                String here = at.isEmpty() ? key : at + "." + key;
                if (key.startsWith("$") || key.contains(".") || key.contains("\0")) {
                    problems.add(new FieldProblem(here, "field names may not start with '$' or contain '.' or NUL"));
                } else {
                    checkKeys(entry.getValue(), here, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkKeys(node.get(i), at + "[" + i + "]", problems);
            }
        }
    }
}
