package org.pmopulse.rules;

import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code rules/data.yaml}: which inputs feed each health dimension, which of them a dimension must have to be
 * scored at all, and which dimensions a project must report, by methodology and phase, before it can be GREEN.
 * A coach tunes it like the thresholds; it is part of the rule set and of its version.
 */
public final class DataMap {
    public static final String FILE = "data.yaml";
    private static final String DEFAULT = "default";

    /** A dimension's inputs, and those of which at least one makes it scoreable. */
    public record Feeds(List<DataItem> inputs, List<DataItem> scoredWith) {}

    private final Map<Dimension, Feeds> feeds;
    private final Map<Methodology, Map<Phase, Set<Dimension>>> required;
    private final Set<Dimension> requiredByDefault;

    private DataMap(Map<Dimension, Feeds> feeds, Map<Methodology, Map<Phase, Set<Dimension>>> required,
                    Set<Dimension> requiredByDefault) {
        this.feeds = feeds;
        this.required = required;
        this.requiredByDefault = requiredByDefault;
    }

    public Feeds feeds(Dimension dimension) {
        return feeds.get(dimension);
    }

    /** The dimensions a project of this methodology and phase must have data for to be GREEN. */
    public Set<Dimension> required(Methodology methodology, Phase phase) {
        Map<Phase, Set<Dimension>> byPhase = methodology == null ? null : required.get(methodology);
        Set<Dimension> dimensions = byPhase == null || phase == null ? null : byPhase.get(phase);
        return dimensions != null ? dimensions : requiredByDefault;
    }

    public static DataMap parse(String text) {
        YamlFile yaml = YamlFile.parse(FILE, text);
        Map<String, Node> top = YamlFile.entries(yaml.root);
        List<RuleMessage> errors = new ArrayList<>();
        Map<Dimension, Feeds> feeds = new EnumMap<>(Dimension.class);
        Map<String, Node> dimensions = YamlFile.entries(top.get("dimensions"));
        for (Dimension d : Dimension.values()) {
            Node node = dimensions.get(d.key());
            if (node == null) {
                errors.add(RuleMessage.error(FILE, top.get("dimensions") == null ? 1 : YamlFile.line(top.get("dimensions")),
                        "dimension '" + d.key() + "' needs its inputs"));
                continue;
            }
            Map<String, Node> fields = YamlFile.entries(node);
            List<DataItem> inputs = items(fields.get("inputs"), errors);
            List<DataItem> scoredWith = items(fields.get("scoredWith"), errors);
            if (inputs.isEmpty() || scoredWith.isEmpty() || !inputs.containsAll(scoredWith)) {
                errors.add(RuleMessage.error(FILE, YamlFile.line(node), "dimension '" + d.key()
                        + "' needs inputs and scoredWith, and scoredWith must be among its inputs"));
            }
            feeds.put(d, new Feeds(inputs, scoredWith));
        }
        dimensions.keySet().stream().filter(k -> Arrays.stream(Dimension.values()).noneMatch(d -> d.key().equals(k)))
                .forEach(k -> errors.add(RuleMessage.error(FILE, YamlFile.line(dimensions.get(k)), "unknown dimension '" + k + "'")));
        Map<Methodology, Map<Phase, Set<Dimension>>> required = new EnumMap<>(Methodology.class);
        Set<Dimension> byDefault = Set.of();
        for (Map.Entry<String, Node> entry : YamlFile.entries(top.get("required")).entrySet()) {
            if (entry.getKey().equals(DEFAULT)) {
                byDefault = dimensionList(entry.getValue(), errors);
                continue;
            }
            Methodology methodology = value(Methodology.class, entry.getKey(), entry.getValue(), errors);
            Map<Phase, Set<Dimension>> byPhase = new EnumMap<>(Phase.class);
            YamlFile.entries(entry.getValue()).forEach((phase, list) -> {
                Phase p = value(Phase.class, phase, list, errors);
                if (p != null) {
                    byPhase.put(p, dimensionList(list, errors));
                }
            });
            if (methodology != null) {
                required.put(methodology, byPhase);
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        return new DataMap(feeds, required, byDefault);
    }

    private static List<DataItem> items(Node list, List<RuleMessage> errors) {
        List<DataItem> items = new ArrayList<>();
        for (Node item : list == null ? List.<Node>of() : YamlFile.items(list)) {
            DataItem found = DataItem.named(YamlFile.scalar(item));
            if (found == null) {
                errors.add(RuleMessage.error(FILE, YamlFile.line(item), "unknown input '" + YamlFile.scalar(item)
                        + "'; one of " + Arrays.stream(DataItem.values()).map(DataItem::key).toList()));
            } else {
                items.add(found);
            }
        }
        return items;
    }

    private static Set<Dimension> dimensionList(Node list, List<RuleMessage> errors) {
        Map<String, Dimension> byKey = Arrays.stream(Dimension.values())
                .collect(Collectors.toMap(Dimension::key, d -> d, (a, b) -> a, LinkedHashMap::new));
        Set<Dimension> dimensions = new java.util.LinkedHashSet<>();
        for (Node item : YamlFile.items(list)) {
            Dimension d = byKey.get(YamlFile.scalar(item));
            if (d == null) {
                errors.add(RuleMessage.error(FILE, YamlFile.line(item), "unknown dimension '" + YamlFile.scalar(item) + "'"));
            } else {
                dimensions.add(d);
            }
        }
        return Set.copyOf(dimensions);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name, Node at, List<RuleMessage> errors) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            errors.add(RuleMessage.error(FILE, YamlFile.line(at), "'" + name + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
