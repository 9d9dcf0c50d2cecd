package org.pmopulse.rules;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every number the rules and the scoring read, from {@code rules/thresholds.yaml}, by dotted key
 * ({@code schedule.spi.red}). Rules read them through the global {@code thresholds}:
 * {@code Indicators(spi < thresholds.get("schedule.spi.red"))}. Asking for a key that is not in the file is an
 * error, never a silent default; the rule set build checks every key the DRL files use.
 */
public final class Thresholds {
    public static final String FILE = "thresholds.yaml";

    private final Map<String, Double> values;

    private Thresholds(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Thresholds parse(String text) {
        YamlFile yaml = YamlFile.parse(FILE, text);
        Map<String, Double> values = new LinkedHashMap<>();
        List<RuleMessage> errors = new ArrayList<>();
        flatten("", yaml.root, values, errors);
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        return new Thresholds(values);
    }

    private static void flatten(String prefix, Node node, Map<String, Double> values, List<RuleMessage> errors) {
        if (node instanceof MappingNode) {
            YamlFile.entries(node).forEach((key, child) ->
                    flatten(prefix.isEmpty() ? key : prefix + "." + key, child, values, errors));
        } else if (node instanceof ScalarNode scalar) {
            try {
                double value = Double.parseDouble(scalar.getValue());
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                values.put(prefix, value);
            } catch (NumberFormatException e) {
                errors.add(RuleMessage.error(FILE, YamlFile.line(node),
                        "threshold '" + prefix + "' must be a number, was '" + scalar.getValue() + "'"));
            }
        } else {
            errors.add(RuleMessage.error(FILE, YamlFile.line(node), "threshold '" + prefix + "' must be a number or a mapping"));
        }
    }

    /** The value of a key; throws for an unknown key so a typo in a rule can never read as zero. */
    public double get(String key) {
        Double value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown threshold '" + key + "' (not in rules/" + FILE + ")");
        }
        return value;
    }

    /** The value of a key as a whole number, for thresholds counted in days or weeks. */
    public int getInt(String key) {
        return (int) Math.round(get(key));
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

}
