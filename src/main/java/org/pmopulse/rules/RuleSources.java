package org.pmopulse.rules;

import org.pmopulse.system.Sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files that make a rule set, read into memory once (editors save in several steps): every {@code .drl} file,
 * the thresholds file and the playbook, keyed by path relative to the rules folder with '/' separators.
 * Scenarios and documentation are not part of the rule set and not of its version.
 *
 * @param files relative path to content, sorted by path
 */
public record RuleSources(String origin, Map<String, String> files) {
    public RuleSources {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static RuleSources read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetRejectedException(java.util.List.of(RuleMessage.error(dir.toString(), 0,
                    "rules folder does not exist")));
        }
        return RuleFolder.read(dir).ruleSources(dir.toAbsolutePath().normalize().toString());
    }

    static boolean isRuleFile(String relative) {
        return !relative.startsWith(RuleFolder.SCENARIOS) && RuleFolder.isCoachFile(relative)
                && (relative.endsWith(".drl") || relative.equals(Thresholds.FILE) || relative.equals(Playbook.FILE)
                || relative.equals(DataMap.FILE));
    }

    /** sha256 over every file's path and content: the rule-set version stored with each assessment. */
    public String version() {
        byte[] separator = {0};
        return "sha256:" + Sha256.hex(files.entrySet().stream().flatMap(file -> Stream.of(
                file.getKey().getBytes(StandardCharsets.UTF_8), separator,
                file.getValue().getBytes(StandardCharsets.UTF_8), separator)).toArray(byte[][]::new));
    }
}
