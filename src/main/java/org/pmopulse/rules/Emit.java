package org.pmopulse.rules;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import org.pmopulse.snapshot.Severity;

import java.util.Locale;
import java.util.Map;

/**
 * Functions the DRL files import to create findings. The rule's id, title, kind, dimension and default severity
 * come from the rule itself (its name {@code "EW-SCH-001 SPI below band"} and its {@code @kind}, {@code @dimension}
 * and {@code @severity} metadata), so a rule body only says why it fired:
 * <pre>insert(finding(drools, "SPI is %.2f, below %.2f", $spi, $limit).with("spi", $spi).with("threshold", $limit));</pre>
 */
public final class Emit {
    private Emit() {
    }

    /** A finding at the rule's declared severity; {@code because} is a {@link String#format} pattern. */
    public static Finding finding(RuleContext context, String because, Object... args) {
        Rule rule = context.getRule();
        return create(rule, RuleMetadata.severity(rule), because, args);
    }

    /** A finding at a severity decided by the rule (for rules with an amber and a red band). */
    public static Finding finding(RuleContext context, Severity severity, String because, Object... args) {
        return create(context.getRule(), severity, because, args);
    }

    private static Finding create(Rule rule, Severity severity, String because, Object[] args) {
        RuleName name = RuleName.parse(rule.getName());
        return new Finding(name.id(), name.title(), RuleMetadata.kind(rule), RuleMetadata.dimension(rule), severity,
                String.format(Locale.ROOT, because, args), Map.of(), null);
    }
}
