package org.pmopulse.rules;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mitigation playbook, {@code rules/advice/playbook.yaml}: which mitigation answers which finding.
 * A coach edits it like the DRL files; it is part of the rule set and of its version.
 */
public final class Playbook {
    public static final String FILE = "advice/playbook.yaml";
    public static final String FORECAST = "forecast";
    private static final Pattern ID = Pattern.compile("REC-[A-Z0-9-]+");

    private final Map<String, List<Mitigation>> byFinding;

    private Playbook(List<Mitigation> mitigations) {
        Map<String, List<Mitigation>> index = new LinkedHashMap<>();
        for (Mitigation m : mitigations) {
            for (String answer : m.answers()) {
                index.computeIfAbsent(answer, k -> new ArrayList<>()).add(m);
            }
        }
        this.byFinding = index;
    }

    /** Mitigations that answer a rule id (or {@link #FORECAST}), in file order. */
    public List<Mitigation> answering(String ruleId) {
        return byFinding.getOrDefault(ruleId, List.of());
    }

    public Set<String> answered() {
        return byFinding.keySet();
    }

    public static Playbook parse(String text) {
        YamlFile yaml = YamlFile.parse(FILE, text);
        Node list = YamlFile.entries(yaml.root).get("mitigations");
        List<RuleMessage> errors = new ArrayList<>();
        if (list == null) {
            throw new RuleSetRejectedException(List.of(RuleMessage.error(FILE, 1, "expected a 'mitigations' list")));
        }
        List<Mitigation> mitigations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node item : YamlFile.items(list)) {
            int line = YamlFile.line(item);
            Map<String, Node> fields = YamlFile.entries(item);
            String id = text(fields, "id");
            String title = text(fields, "title");
            String owner = text(fields, "ownerRole");
            String urgency = text(fields, "urgency");
            List<String> actions = texts(fields.get("actions"));
            List<String> answers = texts(fields.get("answers"));
            if (id == null || !ID.matcher(id).matches()) {
                errors.add(RuleMessage.error(FILE, line, "mitigation id must look like REC-SOMETHING, was '" + id + "'"));
            } else if (!ids.add(id)) {
                errors.add(RuleMessage.error(FILE, line, "mitigation id '" + id + "' appears twice"));
            }
            if (title == null || owner == null) {
                errors.add(RuleMessage.error(FILE, line, "mitigation '" + id + "' needs a title and an ownerRole"));
            }
            if (actions.size() < 2 || actions.size() > 5) {
                errors.add(RuleMessage.error(FILE, line, "mitigation '" + id + "' needs 2 to 5 actions, has " + actions.size()));
            }
            if (answers.isEmpty()) {
                errors.add(RuleMessage.error(FILE, line, "mitigation '" + id + "' answers no finding"));
            }
            Urgency level = null;
            try {
                level = Urgency.valueOf(String.valueOf(urgency));
            } catch (IllegalArgumentException e) {
                errors.add(RuleMessage.error(FILE, line, "mitigation '" + id + "' urgency must be one of "
                        + Arrays.toString(Urgency.values()) + ", was '" + urgency + "'"));
            }
            mitigations.add(new Mitigation(id, title, actions, owner, level, answers));
        }
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        return new Playbook(mitigations);
    }

    private static String text(Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        String value = node == null ? null : YamlFile.scalar(node);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> texts(Node node) {
        return node == null ? List.of() : YamlFile.items(node).stream().map(YamlFile::scalar)
                .filter(v -> v != null && !v.isBlank()).toList();
    }
}
