package org.pmopulse.rules;

import org.pmopulse.system.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** No rule set has built since start, so nothing can be assessed; the last rejection says why. */
public class NoRuleSetException extends ProblemException {
    private final transient LiveRules.Rejection rejection;

    public NoRuleSetException(LiveRules.Rejection rejection) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "no-rules", "No valid rule set", rejection == null
                ? "no rule set is loaded yet" : "no valid rule set is loaded: " + rejection.errors().stream()
                .map(RuleMessage::toString).reduce((a, b) -> a + "; " + b).orElse(""), List.of());
        this.rejection = rejection;
    }

    public LiveRules.Rejection rejection() {
        return rejection;
    }
}
