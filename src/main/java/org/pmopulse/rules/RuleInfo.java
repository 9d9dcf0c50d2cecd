package org.pmopulse.rules;

import org.pmopulse.snapshot.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule as the catalogue lists it: where it is, what it protects against (the comment line above the rule),
 * what it reports and which thresholds it reads.
 */
public record RuleInfo(String id, String name, String title, String protects, String pack, String file, int line,
                       FindingKind kind, Dimension dimension, Severity severity, List<String> thresholds) {

    /** Where a rule was found in the DRL text, gathered before Drools compiles it. */
    static final class Builder {
        final String name;
        final String file;
        final int line;
        final String protects;
        final List<String> thresholds = new ArrayList<>();

        Builder(String name, String file, int line, String protects) {
            this.name = name;
            this.file = file;
            this.line = line;
            this.protects = protects;
        }
    }
}
