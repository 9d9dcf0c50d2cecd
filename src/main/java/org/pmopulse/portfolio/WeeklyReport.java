package org.pmopulse.portfolio;

import org.pmopulse.advice.Recommendation;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.FindingKind;
import org.pmopulse.rules.Subjects;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.system.CsvTable;

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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final PortfolioView view;
    private final Map<String, Assessment> assessments;

    WeeklyReport(PortfolioView view, Map<String, Assessment> assessments) {
        this.view = view;
        this.assessments = assessments;
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
    public record Conflict(List<String> projects, List<String> rules, String because) {}

    List<Conflict> conflicts() {
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

    String markdown() {
        StringBuilder md = new StringBuilder();
        PortfolioView.Summary s = view.summary();
        md.append("# Portfolio health, week ").append(view.week()).append(" (").append(range()).append(")\n\n");
        md.append(s.projects()).append(s.projects() == 1 ? " project: " : " projects: ").append(s.byRag().get(Rag.GREEN)).append(" GREEN, ")
                .append(s.byRag().get(Rag.AMBER)).append(" AMBER, ").append(s.byRag().get(Rag.RED)).append(" RED")
                .append(s.byRag().get(Rag.NO_DATA) > 0 ? ", " + s.byRag().get(Rag.NO_DATA) + " NO_DATA" : "")
                .append("; mean score ").append(s.meanScore()).append(".\n\n");
        md.append("- Newly red: ").append(list(s.newlyRed())).append('\n');
        md.append("- Newly amber: ").append(list(s.newlyAmber())).append('\n');
        md.append("- Improved: ").append(list(s.improved())).append('\n');
        md.append("- Biggest drops: ").append(movers(s.biggestDrops())).append('\n');
        md.append("- Biggest rises: ").append(movers(s.biggestRises())).append("\n\n");
        for (Rag rag : List.of(Rag.RED, Rag.AMBER, Rag.NO_DATA)) {
            md.append("## ").append(rag == Rag.RED ? "Red projects" : rag == Rag.AMBER ? "Amber projects"
                    : "Projects Pulse could not judge (NO DATA)").append("\n\n");
            List<PortfolioView.Entry> these = view.projects().stream().filter(e -> e.rag() == rag).toList();
            if (these.isEmpty()) {
                md.append("None.\n\n");
            }
            for (PortfolioView.Entry e : these) {
                Assessment a = assessments.get(e.projectId());
                md.append("### ").append(e.projectId()).append(e.name() == null ? "" : ": " + e.name())
                        .append(" (").append(rag).append(", score ").append(score(e)).append(change(e))
                        .append(", data completeness ").append(completeness(e)).append(")\n\n");
                md.append("Why:\n");
                for (Finding f : a.findings().stream().limit(TOP).toList()) {
                    md.append("- ").append(f.ruleId()).append(' ').append(f.title()).append(": ").append(f.because()).append('\n');
                }
                md.append("\nFirst actions:\n");
                for (Recommendation r : a.recommendations().stream().limit(TOP).toList()) {
                    md.append(r.rank()).append(". ").append(r.title()).append(" (").append(r.ownerRole()).append(", ")
                            .append(r.urgency()).append(")\n");
                }
                md.append('\n');
            }
        }
        md.append("## Cross-project conflicts\n\n");
        List<Conflict> conflicts = conflicts();
        if (conflicts.isEmpty()) {
            md.append("None.\n");
        }
        conflicts.forEach(c -> md.append("- ").append(String.join(", ", c.projects())).append(" (")
                .append(String.join(", ", c.rules())).append("): ").append(c.because()).append('\n'));
        md.append("\n## Forecasts\n\n");
        List<PortfolioView.Entry> forecasts = view.projects().stream().filter(e -> e.forecastSlipDays() != null).toList();
        if (forecasts.isEmpty()) {
            md.append("No forecast model is installed: assessments run on rules alone.\n");
        } else {
            md.append("| project | expected slip (days) | RAG |\n|---|---|---|\n");
            forecasts.forEach(e -> md.append("| ").append(e.projectId()).append(" | ").append(e.forecastSlipDays())
                    .append(" | ").append(e.rag()).append(" |\n"));
        }
        md.append("\n## All projects, worst first\n\n| rank | project | RAG | score | data completeness | change | top finding |"
                + "\n|---|---|---|---|---|---|---|\n");
        for (PortfolioView.Entry e : view.projects()) {
            md.append("| ").append(e.rank()).append(" | ").append(e.projectId()).append(" | ").append(e.rag()).append(" | ")
                    .append(score(e)).append(" | ").append(completeness(e)).append(" | ")
                    .append(e.change() == null ? "" : signed(e.change())).append(" | ")
                    .append(e.topFinding() == null ? "" : e.topFinding().ruleId() + " " + e.topFinding().title()).append(" |\n");
        }
        return md.toString();
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

    String html() {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Portfolio health ")
                .append(esc(view.week())).append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}")
                .append(".rag{font-weight:600;padding:0 .4em;border-radius:3px;color:#fff}")
                .append(".GREEN{background:#1b7f3b}.AMBER{background:#b35c00}.RED{background:#b00020}")
                .append(".NO_DATA{background:#fff;color:#333;border:1px dashed #555}")
                .append("</style></head><body>");
        boolean inTable = false;
        for (String line : markdown().split("\n")) {
            boolean row = line.startsWith("|");
            if (row && !inTable) {
                h.append("<table>");
            } else if (!row && inTable) {
                h.append("</table>");
            }
            h.append(htmlLine(line, row && !inTable));
            inTable = row;
        }
        return h.append(inTable ? "</table>" : "").append("</body></html>").toString();
    }

    /** Renders the Markdown line by line into simple HTML, with RAG words as coloured labels that keep their text. */
    private static String htmlLine(String line, boolean header) {
        String text = esc(line).replaceAll("\\b(GREEN|AMBER|RED|NO_DATA)\\b", "<span class=\"rag $1\">$1</span>");
        if (line.startsWith("### ")) {
            return "<h3>" + text.substring(4) + "</h3>";
        }
        if (line.startsWith("## ")) {
            return "<h2>" + text.substring(3) + "</h2>";
        }
        if (line.startsWith("# ")) {
            return "<h1>" + text.substring(2) + "</h1>";
        }
        if (line.startsWith("|---")) {
            return "";
        }
        if (line.startsWith("| ")) {
            String cell = header ? "th" : "td";
            String[] cells = text.substring(2, text.length() - 2).split(" \\| ", -1);
            return "<tr><" + cell + ">" + String.join("</" + cell + "><" + cell + ">", cells) + "</" + cell + "></tr>";
        }
        if (line.startsWith("- ")) {
            return "<div>&bull; " + text.substring(2) + "</div>";
        }
        return line.isBlank() ? "" : "<p>" + text + "</p>";
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

    private static String movers(List<PortfolioView.Mover> movers) {
        return movers.isEmpty() ? "none" : String.join(", ", movers.stream()
                .map(m -> m.projectId() + " " + signed(m.change()) + " (now " + m.score() + ")").toList());
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
