package org.pmopulse.rules;

/** No rule set has built since start, so nothing can be assessed; the last rejection says why. */
public class NoRuleSetException extends RuntimeException {
    private final transient LiveRules.Rejection rejection;

    public NoRuleSetException(LiveRules.Rejection rejection) {
        super(rejection == null ? "no rule set is loaded yet"
                : "no valid rule set is loaded: " + rejection.errors().stream().map(RuleMessage::toString)
                .reduce((a, b) -> a + "; " + b).orElse(""));
        this.rejection = rejection;
    }

    public LiveRules.Rejection rejection() {
        return rejection;
    }
}
