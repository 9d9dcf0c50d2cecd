package org.pmopulse.portfolio;

import org.pmopulse.access.Caller;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.rules.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a reader who sees only some projects (a project manager) reads of the others: "another project", wherever
 * a finding, its evidence or a conflict names one. Portfolio rules look across projects, so a project manager's own
 * findings can name a project that is not theirs.
 */
public final class OtherProjects {
    static final String ANOTHER_PROJECT = "another project";
    private static final OtherProjects NONE = new OtherProjects(null);

    /** Any of the hidden ids as a whole name (not inside a longer id). */
    private final Pattern hidden;

    private OtherProjects(Pattern hidden) {
        this.hidden = hidden;
    }

    /** The projects Pulse knows (its project summaries) that the caller may not read. */
    public static OtherProjects hiddenFrom(Caller caller, ProjectStore projects) {
        return caller.readsEveryProject() ? NONE
                : hiddenFrom(caller, projects.all().stream().map(ProjectSummary::projectId).toList());
    }

    private static OtherProjects hiddenFrom(Caller caller, Collection<String> known) {
        List<String> hidden = known.stream().filter(p -> !caller.reads(p)).distinct().toList();
        if (hidden.isEmpty()) {
            return NONE;
        }
        return new OtherProjects(Pattern.compile("(?<![A-Za-z0-9._-])(?:" + hidden.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![A-Za-z0-9._-])"));
    }

    boolean hides(String projectId) {
        return hidden != null && hidden.matcher(projectId).matches();
    }

    public String text(String text) {
        return hidden == null || text == null ? text
                : hidden.matcher(text).replaceAll(Matcher.quoteReplacement(ANOTHER_PROJECT));
    }

    public Assessment assessment(Assessment assessment) {
        return hidden == null ? assessment
                : assessment.withFindings(assessment.findings().stream().map(this::finding).toList());
    }

    private Finding finding(Finding f) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        f.evidence().forEach((name, value) -> evidence.put(text(name), value(value)));
        return new Finding(f.ruleId(), f.title(), f.kind(), f.dimension(), f.severity(), text(f.because()), evidence,
                f.source());
    }

    private Object value(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Collection<?> many) {
            List<Object> list = new ArrayList<>();
            many.forEach(v -> list.add(value(v)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(value(k), value(v)));
            return copy;
        }
        return value;
    }
}
