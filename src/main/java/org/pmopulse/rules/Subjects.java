package org.pmopulse.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * What a finding is about when several rules, on one project or on several, can see the same thing: a dependency
 * of one project on another's deliverable. The waiting project's rules name the provider ({@code onProject}) and
 * the deliverable in their evidence; the provider's name the waiting project ({@code waitingProject}) and the
 * deliverable. Findings about the same subject count once in a score and are one conflict in the portfolio view.
 */
public final class Subjects {
    private Subjects() {
    }

    /** The subject of {@code finding} on {@code projectId}'s assessment, if it is about a dependency. */
    public static Optional<String> of(String projectId, Finding finding) {
        Object deliverable = finding.evidence().get("deliverable");
        if (deliverable == null) {
            return Optional.empty();
        }
        Object provider = finding.evidence().get("onProject");
        if (provider == null && finding.evidence().get("waitingProject") != null) {
            provider = projectId;
        }
        return provider == null ? Optional.empty()
                : Optional.of("dependency on " + normal(provider) + ": " + normal(deliverable));
    }

    private static String normal(Object name) {
        return String.valueOf(name).strip().toLowerCase(Locale.ROOT);
    }
}
