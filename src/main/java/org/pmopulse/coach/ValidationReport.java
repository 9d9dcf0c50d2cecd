package org.pmopulse.coach;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.pmopulse.rules.RuleMessage;
import org.pmopulse.rules.RuleSet;

import java.util.List;

/**
 * What validating a candidate rule folder found. {@code valid} when there are no errors: it builds, every rule
 * has a firing and a near-miss scenario, and every scenario passes.
 */
public record ValidationReport(boolean valid, String version, int rules, int scenarios, int scenariosFailed,
                               List<RuleMessage> errors, List<RuleMessage> warnings,
                               @JsonIgnore RuleSet ruleSet) {}
