package org.pmopulse.portfolio;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSources;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Monday report from a view and its assessments, in each format, without a server. */
class WeeklyReportTest {
    private static RuleSet rules;
    private static Assessor assessor;

    @BeforeAll
    static void build() {
        rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));
        assessor = new Assessor(Forecaster.rulesOnly("not needed here"), Clock.systemUTC());
    }

    private static Assessment assess(String file) throws IOException {
        Snapshot s = new SnapshotReader().read(Files.readAllBytes(Path.of("data/demo", file)));
        return assessor.assess(rules, s, List.of(), null);
    }

    private static PortfolioView.Entry entry(int rank, Assessment a, String name) {
        return new PortfolioView.Entry(rank, a.projectId(), name, null, null, null, a.asOf(), a.health().score(),
                a.health().rag(), -4, Rag.GREEN, a.health().rag() == Rag.RED, false, a.findings().size(), null, null,
                null, a.health().completeness(), true);
    }

    private static WeeklyReport report(String redName) throws IOException {
        Assessment red = assess("ERP-2026_2026-11-20.json");
        Assessment green = assess("HR-PORTAL_2026-11-20.json");
        Map<Rag, Integer> byRag = new EnumMap<>(Map.of(Rag.GREEN, 1, Rag.AMBER, 0, Rag.RED, 1, Rag.NO_DATA, 0));
        PortfolioView view = new PortfolioView("2026-W47", LocalDate.of(2026, 11, 16), new PortfolioView.Summary(2,
                byRag, 70.5, List.of("ERP-2026"), List.of(), List.of(), List.of(new PortfolioView.Mover("ERP-2026", -4,
                red.health().score())), List.of()), List.of(entry(1, red, redName), entry(2, green, "HR portal")),
                List.of(new PortfolioView.NotReported("CRM-2026", "CRM", "2026-W46", LocalDate.of(2026, 11, 13), Rag.AMBER)));
        Map<String, Assessment> assessments = Map.of("ERP-2026", red, "HR-PORTAL", green);
        return new WeeklyReport(view, assessments, WeeklyReport.conflicts(view, assessments));
    }

    @Test
    void theMarkdownHasTheSummaryEachRedProjectWithItsFirstFindingsAndActionsAndTheTable() throws IOException {
        WeeklyReport report = report("ERP | Finance");
        Assessment red = assess("ERP-2026_2026-11-20.json");

        String md = report.markdown();

        assertThat(md).startsWith("# Portfolio health, week 2026-W47 (16 Nov 2026 to 22 Nov 2026)\n\n"
                + "2 projects: 1 GREEN, 0 AMBER, 1 RED; mean score 70.5.\n\n- Newly red: ERP-2026\n");
        assertThat(md).contains("- Not reported yet: CRM-2026 (last 2026-W46, AMBER)\n");
        assertThat(md).contains("## Amber projects\n\nNone.\n");
        assertThat(md).contains("### ERP-2026: ERP \\| Finance (RED, score " + red.health().score() + ", -4 since last week");
        assertThat(md).contains("- " + red.findings().get(0).ruleId() + " " + red.findings().get(0).title() + ": ");
        assertThat(md).contains("1. " + red.recommendations().get(0).title() + " (");
        assertThat(md).contains("No forecast model is installed");
        List<String> tableRows = md.lines().filter(l -> l.startsWith("| 1 |") || l.startsWith("| 2 |")).toList();
        assertThat(tableRows).hasSize(2).allSatisfy(row ->
                assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(8));
    }

    @Test
    void theHtmlEscapesWhatUsersSentAndShowsEachRagAsALabel() throws IOException {
        String html = report("<script>alert(1)</script>").html();

        assertThat(html).startsWith("<!doctype html>").contains("</html>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("<span class=\"rag RED\">RED</span>").contains("<span class=\"rag GREEN\">GREEN</span>");
        assertThat(html).contains("<h2>Amber projects</h2>\n<p>None.</p>");
        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 2); // the header row and one row a project
    }
}
