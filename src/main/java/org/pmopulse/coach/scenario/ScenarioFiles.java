package org.pmopulse.coach.scenario;

import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.rules.portfolio.PortfolioMember;
import org.pmopulse.rules.portfolio.Ties;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Severity;
import org.pmopulse.system.PulseJson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.pmopulse.rules.RuleFolder;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the scenario folder: {@code base.yaml}, the healthy snapshot every scenario starts from, and every other
 * {@code .yaml} file below it, each a list of scenarios:
 * <pre>
 * scenarios:
 *   - rule: EW-CST-001
 *     fires: true
 *     name: CPI 0.90 is below the amber band 0.95
 *     given: {progress: {earnedValue: 810000}}
 * </pre>
 * Dates stay text (YAML would otherwise turn them into timestamps), so the snapshot reader checks them as it
 * checks a snapshot sent over HTTP.
 */
public final class ScenarioFiles {
    public static final String BASE = "base.yaml";

    /** A scenario file that cannot be read, and why. */
    public static final class ScenarioFileException extends RuntimeException {
        public ScenarioFileException(String file, String message) {
            super(file + ": " + message);
        }
    }

    private final JsonNode base;
    private final List<Scenario> scenarios;

    private ScenarioFiles(JsonNode base, List<Scenario> scenarios) {
        this.base = base;
        this.scenarios = scenarios;
    }

    public JsonNode base() {
        return base;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Reads a scenarios folder ({@code rules/scenarios}). */
    public static ScenarioFiles read(Path dir) {
        return parse(RuleFolder.read(dir).files());
    }

    /**
     * Parses scenario files given as relative path (below {@code scenarios/}, or the scenarios folder itself)
     * to content.
     */
    public static ScenarioFiles parse(Map<String, String> files) {
        String baseText = files.get(BASE);
        if (baseText == null) {
            throw new ScenarioFileException(BASE, "missing: every scenario starts from this snapshot");
        }
        JsonNode base = PulseJson.mapper().valueToTree(load(baseText, BASE));
        List<Scenario> scenarios = new ArrayList<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            if (file.getKey().endsWith(".yaml") && !file.getKey().equals(BASE)) {
                scenarios.addAll(parse(file.getKey(), load(file.getValue(), file.getKey())));
            }
        }
        return new ScenarioFiles(base, List.copyOf(scenarios));
    }

    private static List<Scenario> parse(String file, Object document) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("scenarios") instanceof List<?> list)) {
            throw new ScenarioFileException(file, "expected a 'scenarios' list");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new ScenarioFileException(file, "scenario " + (i + 1) + " is not a mapping");
            }
            String where = "scenario " + (i + 1);
            Object rule = entry.get("rule");
            Object fires = entry.get("fires");
            Object name = entry.get("name");
            Rag expectRag = rag(file, where, entry.get("expectRag"));
            if (!(name instanceof String) || (expectRag == null
                    && (!(rule instanceof String) || !(fires instanceof Boolean)))) {
                throw new ScenarioFileException(file, where + " needs 'name' and either 'rule' (an id) and 'fires' (true"
                        + " or false), or 'expectRag' (a scoring scenario)");
            }
            JsonNode given = PulseJson.mapper().valueToTree(entry.get("given") == null ? Map.of() : entry.get("given"));
            if (!given.isObject()) {
                throw new ScenarioFileException(file, where + ": 'given' must be a mapping of snapshot fields");
            }
            List<JsonNode> weeksBefore = new ArrayList<>();
            if (entry.get("weeksBefore") instanceof List<?> weeks) {
                weeks.forEach(w -> weeksBefore.add(PulseJson.mapper().valueToTree(w == null ? Map.of() : w)));
            }
            List<OtherProject> others = new ArrayList<>();
            if (entry.get("otherProjects") instanceof List<?> projects) {
                for (Object p : projects) {
                    Map<?, ?> m = (Map<?, ?>) p;
                    others.add(new OtherProject(String.valueOf(m.get("projectId")),
                            m.get("forecastFinish") == null ? null : LocalDate.parse(String.valueOf(m.get("forecastFinish"))),
                            m.get("rag") == null ? null : Rag.valueOf(String.valueOf(m.get("rag")))));
                }
            }
            List<PortfolioMember> peers = new ArrayList<>();
            if (entry.get("peers") instanceof List<?> members) {
                for (Object p : members) {
                    peers.add(peer(file, where, p));
                }
            }
            Severity severity = entry.get("severity") == null ? null : Severity.valueOf(String.valueOf(entry.get("severity")));
            Object previousScore = entry.get("previousScore");
            scenarios.add(new Scenario(file, (String) name, expectRag == null ? (String) rule : null,
                    Boolean.TRUE.equals(fires), severity, given, List.copyOf(weeksBefore), List.copyOf(others),
                    List.copyOf(peers), previousScore instanceof Integer n ? n : null,
                    rag(file, where, entry.get("previousRag")), expectRag));
        }
        return scenarios;
    }

    private static Rag rag(String file, String where, Object value) {
        try {
            return value == null ? null : Rag.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ScenarioFileException(file, where + ": '" + value + "' is not one of GREEN, AMBER, RED, NO_DATA");
        }
    }

    /** A peer as the coach writes it: {@code {projectId, rag, people, suppliers, awaits, forecastFinish}}. */
    private static PortfolioMember peer(String file, String where, Object entry) {
        if (!(entry instanceof Map<?, ?> m) || !(m.get("projectId") instanceof String id) || m.get("rag") == null) {
            throw new ScenarioFileException(file, where + ": each peer needs 'projectId' and 'rag'");
        }
        Map<Object, Object> ties = new LinkedHashMap<>(m);
        ties.remove("projectId");
        ties.remove("rag");
        try {
            return new PortfolioMember(id, Rag.valueOf(String.valueOf(m.get("rag"))),
                    PulseJson.mapper().convertValue(ties, Ties.class));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new ScenarioFileException(file, where + ": peer " + id + ": " + e.getMessage());
        }
    }

    private static Object load(String text, String file) {
        try {
            return yaml().load(text);
        } catch (YAMLException e) {
            throw new ScenarioFileException(file, e.getMessage());
        }
    }

    /** Plain YAML without timestamp resolution: a date stays the text the coach wrote. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(1000); // scenario files reuse tasks by alias; they are local files
        Resolver noTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, noTimestamps);
    }

    /** {@code base} with {@code overrides} laid over it: mappings merge field by field, anything else replaces. */
    static JsonNode merge(JsonNode base, JsonNode overrides) {
        ObjectNode merged = (ObjectNode) base.deepCopy();
        for (Map.Entry<String, JsonNode> field : overrides.properties()) {
            JsonNode current = merged.get(field.getKey());
            if (current != null && current.isObject() && field.getValue().isObject()) {
                merged.set(field.getKey(), merge(current, field.getValue()));
            } else {
                merged.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return merged;
    }
}
