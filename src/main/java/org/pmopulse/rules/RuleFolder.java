package org.pmopulse.rules;

import org.pmopulse.system.FieldProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The coaches' folder as text: every rule file, the thresholds, the playbook, the scenarios and the
 * documentation, keyed by relative path with '/' separators. Hidden entries (starting with '.') are Pulse's own
 * and left out. A candidate change is this folder with some files replaced, added or removed.
 */
public record RuleFolder(Map<String, String> files) {
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\\.(drl|yaml|md)");
    public static final String SCENARIOS = "scenarios/";

    public RuleFolder {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static RuleFolder read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return new RuleFolder(files);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (isCoachFile(relative)) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + dir, e);
        }
        return new RuleFolder(files);
    }

    /** A file a coach may keep in the folder: a relative path without '..' or hidden parts, ending .drl, .yaml or .md. */
    public static boolean isCoachFile(String relative) {
        return SAFE_PATH.matcher(relative).matches() && !relative.contains("..");
    }

    /** Problems with a candidate's paths, each naming the path; empty when every path is a coach file. */
    public static List<FieldProblem> pathProblems(Map<String, String> candidate) {
        List<FieldProblem> problems = new ArrayList<>();
        candidate.keySet().stream().filter(p -> !isCoachFile(p)).forEach(p -> problems.add(new FieldProblem("files." + p,
                "must be a relative path of .drl, .yaml or .md files without '..' or hidden parts")));
        return problems;
    }

    /** This folder with the candidate laid over it: a file's new content, or null to remove it. */
    public RuleFolder with(Map<String, String> candidate) {
        Map<String, String> merged = new TreeMap<>(files);
        candidate.forEach((path, content) -> {
            if (content == null) {
                merged.remove(path);
            } else {
                merged.put(path, content);
            }
        });
        return new RuleFolder(merged);
    }

    /** The files that make the rule set (and its version). */
    public RuleSources ruleSources(String origin) {
        Map<String, String> rules = new TreeMap<>();
        files.forEach((path, content) -> {
            if (RuleSources.isRuleFile(path)) {
                rules.put(path, content);
            }
        });
        return new RuleSources(origin, rules);
    }

    /** The scenario files, keyed relative to {@code scenarios/}. */
    public Map<String, String> scenarioFiles() {
        Map<String, String> scenarios = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(SCENARIOS)) {
                scenarios.put(path.substring(SCENARIOS.length()), content);
            }
        });
        return scenarios;
    }
}
