package org.pmopulse.rules;

import org.kie.api.definition.rule.Rule;
import org.pmopulse.snapshot.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and checks the {@code @kind}, {@code @dimension} and {@code @severity} metadata every rule declares. */
final class RuleMetadata {
    private RuleMetadata() {
    }

    static FindingKind kind(Rule rule) {
        return FindingKind.valueOf(text(rule, "kind").toUpperCase(Locale.ROOT));
    }

    static Dimension dimension(Rule rule) {
        return Dimension.fromKey(text(rule, "dimension").toLowerCase(Locale.ROOT));
    }

    static Severity severity(Rule rule) {
        return Severity.valueOf(text(rule, "severity").toUpperCase(Locale.ROOT));
    }

    /** Everything wrong with a rule's name and metadata, empty when it is complete. */
    static List<String> problems(Rule rule) {
        List<String> problems = new ArrayList<>();
        if (!RuleName.isValid(rule.getName())) {
            problems.add("rule name must start with a stable id such as 'EW-SCH-003' followed by a title");
        }
        check(problems, () -> kind(rule), "@kind must be one of COMPLIANCE, EARLY_WARNING, SCHEDULE_QUALITY");
        check(problems, () -> dimension(rule), "@dimension must be one of schedule, cost, scope, risk, resources, governance, stakeholders");
        check(problems, () -> severity(rule), "@severity must be one of LOW, MEDIUM, HIGH, CRITICAL");
        return problems;
    }

    private static void check(List<String> problems, Runnable read, String message) {
        try {
            read.run();
        } catch (RuntimeException e) {
            problems.add(message);
        }
    }

    private static String text(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            throw new IllegalStateException("rule '" + rule.getName() + "' has no @" + key);
        }
        return value.toString().replace("\"", "").trim();
    }
}
