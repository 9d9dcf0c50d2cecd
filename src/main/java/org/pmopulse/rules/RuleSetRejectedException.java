package org.pmopulse.rules;

import java.util.List;

/** A candidate rule set failed to build; the messages say which file and line, and why. */
public class RuleSetRejectedException extends RuntimeException {
    private final List<RuleMessage> errors;

    public RuleSetRejectedException(List<RuleMessage> errors) {
        super("rule set rejected: " + errors.stream().map(RuleMessage::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<RuleMessage> errors() {
        return errors;
    }
}
