package org.pmopulse.portfolio;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.pmopulse.advice.Recommendation;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.FindingKind;
import org.pmopulse.rules.Subjects;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.system.CsvTable;
import org.pmopulse.system.Templates;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Monday report of a week, written three ways from the same view: Markdown for the e-mail, CSV for a
 * spreadsheet, HTML for a browser or an HTML e-mail. Red and amber projects come with their top findings and
 * recommendations; cross-project conflicts are the dependency findings between projects of the portfolio and
 * the findings of the portfolio rules.
 */
final class WeeklyReport {
    static final int TOP = 3;
    /** Markdown: a '|' in a value would end a table cell, a line break the row. */
    private static final Template MARKDOWN = Templates.compile("report/weekly.md.mustache", Mustache.compiler()
            .withEscaper(Escapers.simple(new String[][] {{"|", "\\|"}, {"\n", " "}})));
    private static final Template HTML = Templates.compile("report/weekly.html.mustache", Mustache.compiler()
            .withEscaper(Escapers.HTML));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final PortfolioView view;
    private final Map<String, Assessment> assessments;
    private final List<Conflict> conflicts;

    /**
     * @param view        the projects the reader may see
     * @param assessments their assessments
     * @param conflicts   the conflicts that involve them, found over the whole portfolio ({@link #conflicts})
     */
    WeeklyReport(PortfolioView view, Map<String, Assessment> assessments, List<Conflict> conflicts) {
        this.view = view;
        this.assessments = assessments;
        this.conflicts = conflicts;
    }

    List<Conflict> conflicts() {
        return conflicts;
    }

    /**
     * Something between projects of the portfolio: a dependency of one project on another's deliverable (every
     * rule that saw it, on the waiting project and on the provider, in one conflict), or a portfolio rule's finding
     * (once, though every project involved carries it).
     *
     * @param projects every project involved
     * @param rules    the rules that saw it
     * @param because  what the most severe of them says
     */
    public record Conflict(List<String> projects, List<String> rules, String because) {
        /**
         * The conflict as a reader who sees only some projects may read it: null when it involves none of theirs,
         * otherwise with every other project named "another project", in the list and in the text.
         */
        Conflict seenBy(OtherProjects others) {
            if (projects.stream().allMatch(others::hides)) {
                return null;
            }
            List<String> named = projects.stream().map(others::text).distinct().toList();
            return new Conflict(named, rules, others.text(because));
        }
    }

    /** The conflicts between projects of a week, found in every project's findings. */
    static List<Conflict> conflicts(PortfolioView view, Map<String, Assessment> assessments) {
        record Seen(Set<String> projects, Set<String> rules, Finding worst) {}
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (PortfolioView.Entry e : view.projects()) {
            for (Finding f : assessments.get(e.projectId()).findings()) {
                Optional<String> subject = Subjects.of(e.projectId(), f);
                if (subject.isEmpty() && f.kind() != FindingKind.PORTFOLIO) {
                    continue; // the project's own business
                }
                String key = subject.orElse(f.ruleId() + "\n" + f.because());
                Seen s = seen.computeIfAbsent(key, k -> new Seen(new TreeSet<>(), new TreeSet<>(), f));
                s.projects().addAll(involved(e.projectId(), f));
                s.rules().add(f.ruleId());
                if (f.severity().compareTo(s.worst().severity()) > 0) {
                    seen.put(key, new Seen(s.projects(), s.rules(), f));
                }
            }
        }
        return seen.values().stream().map(s -> new Conflict(List.copyOf(s.projects()), List.copyOf(s.rules()),
                s.worst().because())).toList();
    }

    /** The projects a finding names in its evidence ({@code projects}, {@code onProject}, {@code waitingProject}). */
    private static List<String> involved(String projectId, Finding f) {
        Set<String> projects = new TreeSet<>(Set.of(projectId));
        if (f.evidence().get("projects") instanceof Collection<?> named) {
            named.forEach(p -> projects.add(String.valueOf(p)));
        }
        for (String key : List.of("onProject", "waitingProject")) {
            if (f.evidence().get(key) != null) {
                projects.add(String.valueOf(f.evidence().get(key)));
            }
        }
        return List.copyOf(projects);
    }

    /** The report as Markdown, for the e-mail. */
    String markdown() {
        return MARKDOWN.execute(model());
    }

    /** The report as a standalone HTML page, for a browser or an HTML e-mail. */
    String html() {
        return HTML.execute(model());
    }

    /** What the templates show, worked out here so they stay free of logic. */
    record Model(String week, String range, String counts, String newlyRed, String newlyAmber, String improved,
                 String drops, String rises, String notReported, List<Section> sections, List<ConflictLine> conflicts,
                 List<ForecastRow> forecasts, boolean hasForecasts, List<Row> rows) {}

    record Section(String heading, List<ProjectBlock> projects) {}

    record ProjectBlock(String projectId, String name, Rag rag, String score, String change, String completeness,
                        List<Finding> why, List<Recommendation> actions) {}

    record ConflictLine(String projects, String rules, String because) {}

    record ForecastRow(String projectId, int slipDays, Rag rag) {}

    record Row(int rank, String projectId, Rag rag, String score, String completeness, String change, String topFinding) {}

    Model model() {
        PortfolioView.Summary s = view.summary();
        String counts = s.projects() + (s.projects() == 1 ? " project: " : " projects: ") + s.byRag().get(Rag.GREEN)
                + " GREEN, " + s.byRag().get(Rag.AMBER) + " AMBER, " + s.byRag().get(Rag.RED) + " RED"
                + (s.byRag().get(Rag.NO_DATA) > 0 ? ", " + s.byRag().get(Rag.NO_DATA) + " NO_DATA" : "")
                + (s.meanScore() == null ? "; no project has a score." : "; mean score " + s.meanScore() + ".");
        List<Section> sections = new ArrayList<>();
        for (Rag rag : List.of(Rag.RED, Rag.AMBER, Rag.NO_DATA)) {
            sections.add(new Section(rag == Rag.RED ? "Red projects" : rag == Rag.AMBER ? "Amber projects"
                    : "Projects Pulse could not judge (NO DATA)", view.projects().stream().filter(e -> e.rag() == rag)
                    .map(e -> {
                        Assessment a = assessments.get(e.projectId());
                        return new ProjectBlock(e.projectId(), e.name() == null ? "" : e.name(), rag, score(e),
                                change(e), completeness(e), a.findings().stream().limit(TOP).toList(),
                                a.recommendations().stream().limit(TOP).toList());
                    }).toList()));
        }
        List<ConflictLine> conflicts = conflicts().stream().map(c -> new ConflictLine(String.join(", ", c.projects()),
                String.join(", ", c.rules()), c.because())).toList();
        List<ForecastRow> forecasts = view.projects().stream().filter(e -> e.forecastSlipDays() != null)
                .map(e -> new ForecastRow(e.projectId(), e.forecastSlipDays(), e.rag())).toList();
        List<Row> rows = view.projects().stream().map(e -> new Row(e.rank(), e.projectId(), e.rag(), score(e),
                completeness(e), e.change() == null ? "" : signed(e.change()),
                e.topFinding() == null ? "" : e.topFinding().ruleId() + " " + e.topFinding().title())).toList();
        return new Model(view.week(), range(), counts, list(s.newlyRed()), list(s.newlyAmber()), list(s.improved()),
                movers(s.biggestDrops()), movers(s.biggestRises()), notReported(view.notReported()), sections,
                conflicts, forecasts, !forecasts.isEmpty(), rows);
    }

    String csv() {
        List<List<?>> rows = new ArrayList<>();
        for (PortfolioView.Entry e : view.projects()) {
            rows.add(Arrays.asList(e.rank(), e.projectId(), e.name(), e.methodology(), e.phase(), e.sponsor(), e.rag(),
                    e.score(), e.completeness(), e.change(), e.previousRag(), e.newlyRed(), e.newlyAmber(), e.findings(),
                    e.topFinding() == null ? null : e.topFinding().ruleId() + " " + e.topFinding().title(),
                    e.topRecommendation() == null ? null : e.topRecommendation().title(), e.forecastSlipDays()));
        }
        return CsvTable.of(List.of("rank", "projectId", "name", "methodology", "phase", "sponsor", "rag", "score",
                "completeness", "change", "previousRag", "newlyRed", "newlyAmber", "findings", "topFinding", "topRecommendation",
                "forecastSlipDays"), rows);
    }

    private static String score(PortfolioView.Entry e) {
        return e.score() == null ? "n/a" : String.valueOf(e.score());
    }

    private static String completeness(PortfolioView.Entry e) {
        return e.completeness() == null ? "n/a" : Math.round(100 * e.completeness()) + " %";
    }

    private String range() {
        return DAY.format(view.weekStart()) + " to " + DAY.format(view.weekStart().plusDays(6));
    }

    private static String change(PortfolioView.Entry e) {
        return e.change() == null ? "" : ", " + signed(e.change()) + " since last week";
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static String notReported(List<PortfolioView.NotReported> missing) {
        return missing.isEmpty() ? "none" : String.join(", ", missing.stream()
                .map(m -> m.projectId() + " (last " + m.lastWeek() + ", " + m.lastRag() + ")").toList());
    }

    private static String movers(List<PortfolioView.Mover> movers) {
        return movers.isEmpty() ? "none" : String.join(", ", movers.stream()
                .map(m -> m.projectId() + " " + signed(m.change()) + " (now " + m.score() + ")").toList());
    }
}
