package org.pmopulse.portfolio;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmopulse.access.Caller;
import org.pmopulse.access.Role;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSources;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.portfolio.Ties;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.support.InMemoryMongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which week a view shows when none is asked for, and how it says what it lacks: the portfolio read model on the
 * embedded MongoDB, without the web application.
 */
class PortfolioServiceTest {
    private static final LocalDate W10 = LocalDate.of(2026, 3, 2);
    private static final LocalDate W11 = W10.plusWeeks(1);
    private static final PortfolioService.Filter ALL = new PortfolioService.Filter(null, null, null, null);
    private static final Caller PMO = new Caller("pmo", EnumSet.of(Role.PMO_LEAD), null, null, Caller.Via.PASSWORD);

    private InMemoryMongo mongo;
    private PortfolioWeeks weeks;
    private AssessmentStore assessments;
    private PortfolioService service;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        weeks = new PortfolioWeeks(mongo.template());
        assessments = new AssessmentStore(mongo.template());
        service = new PortfolioService(weeks, assessments,
                new LiveRules(Path.of("rules"), Clock.systemUTC()), new ProjectStore(mongo.template()));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private void line(LocalDate monday, String project, Integer score, Rag rag, Phase phase) {
        String week = IsoWeek.of(monday);
        weeks.record(week, new ProjectWeek(project, project + " name", null, phase, null, monday.plusDays(4), score, rag,
                rag, null, 0, null, null, null, score == null ? 0.0 : 1.0, project + "/" + week + "/v1", "v",
                Instant.parse("2026-03-06T07:00:00Z"), Ties.NONE));
    }

    private static Caller managerOf(String... projects) {
        return new Caller("pm", EnumSet.of(Role.PROJECT_MANAGER), Set.of(projects), null, Caller.Via.PASSWORD);
    }

    @Test
    void oneEarlyReportOpensTheNewWeekAndTheViewNamesEveryProjectThatHasNotReportedYet() {
        line(W10, "ALPHA", 80, Rag.GREEN, Phase.EXECUTION);
        line(W10, "BETA", 55, Rag.AMBER, Phase.EXECUTION);
        line(W10, "DONE", 90, Rag.GREEN, Phase.CLOSED);
        line(W11, "ALPHA", 78, Rag.GREEN, Phase.EXECUTION);

        PortfolioView view = service.view(null, ALL, PMO);

        assertThat(view.week()).isEqualTo(IsoWeek.of(W11));
        assertThat(view.projects()).extracting(PortfolioView.Entry::projectId).containsExactly("ALPHA");
        // a closed project is not expected to report
        assertThat(view.notReported()).extracting(PortfolioView.NotReported::projectId, PortfolioView.NotReported::lastWeek,
                PortfolioView.NotReported::lastRag).containsExactly(tuple("BETA", IsoWeek.of(W10), Rag.AMBER));
    }

    @Test
    void aProjectManagerSeesTheLatestWeekOfTheirOwnProjectsNotAnotherProjectsNewerOne() {
        line(W10, "ALPHA", 80, Rag.GREEN, Phase.EXECUTION);
        line(W10, "BETA", 55, Rag.AMBER, Phase.EXECUTION);
        line(W11, "ALPHA", 78, Rag.GREEN, Phase.EXECUTION);

        PortfolioView view = service.view(null, ALL, managerOf("BETA"));

        assertThat(view.week()).isEqualTo(IsoWeek.of(W10));
        assertThat(view.projects()).extracting(PortfolioView.Entry::projectId).containsExactly("BETA");
        assertThat(view.notReported()).isEmpty();
        assertThat(service.trend(1, managerOf("BETA"))).extracting(TrendPoint::week).containsExactly(IsoWeek.of(W10));
    }

    @Test
    void aProjectManagersWeeklyReportIsOfTheirWeekEvenWhenAnotherProjectReportedANewerOne() throws IOException {
        // a real assessment of the demo's ERP-2026 (RED), so the report has findings and actions to show
        Snapshot erp = new SnapshotReader().read(Files.readAllBytes(Path.of("data/demo/ERP-2026_2026-11-20.json")));
        RuleSet rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));
        Assessment assessed = new Assessor(Forecaster.rulesOnly("not needed here"), Clock.systemUTC())
                .assess(rules, erp, List.of(), null);
        assessments.save(assessed, "hash");
        LocalDate w47 = IsoWeek.monday(assessed.week());
        String week = IsoWeek.of(w47);
        weeks.record(week, new ProjectWeek("ERP-2026", "ERP", null, Phase.EXECUTION, null, erp.asOf(),
                assessed.health().score(), assessed.health().rag(), assessed.health().rag(), null, 0, null, null, null,
                1.0, AssessmentStore.idOf(assessed), "v", assessed.assessedAt(), Ties.NONE));
        line(w47.plusWeeks(1), "ALPHA", 78, Rag.GREEN, Phase.EXECUTION);

        String report = service.report(null, managerOf("ERP-2026")).markdown();

        assertThat(report).startsWith("# Portfolio health, week " + week)
                .contains("### ERP-2026: ERP (" + assessed.health().rag() + ", score " + assessed.health().score());
    }

    @Test
    void aProjectManagerIsNotToldWhichOtherProjectsHaveNotReported() {
        line(W10, "ALPHA", 80, Rag.GREEN, Phase.EXECUTION);
        line(W10, "BETA", 55, Rag.AMBER, Phase.EXECUTION);
        line(W11, "BETA", 60, Rag.AMBER, Phase.EXECUTION);

        assertThat(service.view(null, ALL, managerOf("BETA")).notReported()).isEmpty();
        assertThat(service.view(null, ALL, PMO).notReported()).extracting(PortfolioView.NotReported::projectId)
                .containsExactly("ALPHA");
    }

    @Test
    void aProjectThatClosedLastWeekIsNotExpectedWhateverItWasBefore() {
        line(W10.minusWeeks(1), "GAMMA", 60, Rag.AMBER, Phase.EXECUTION);
        line(W10, "GAMMA", 90, Rag.GREEN, Phase.CLOSED);
        line(W10, "ALPHA", 80, Rag.GREEN, Phase.EXECUTION);
        line(W11, "ALPHA", 78, Rag.GREEN, Phase.EXECUTION);

        assertThat(service.view(null, ALL, PMO).notReported()).isEmpty();
    }

    @Test
    void aWeekLeftEmptyByADeletionIsNotTheLatestWeek() {
        line(W10, "ALPHA", 80, Rag.GREEN, Phase.EXECUTION);
        line(W11, "ALPHA", 78, Rag.GREEN, Phase.EXECUTION);
        weeks.remove(IsoWeek.of(W11), "ALPHA");

        assertThat(service.view(null, ALL, PMO).week()).isEqualTo(IsoWeek.of(W10));
    }

    @Test
    void aWeekWhereNoProjectCouldBeScoredHasNoMeanScoreRatherThanZero() {
        line(W10, "ALPHA", null, Rag.NO_DATA, Phase.EXECUTION);

        PortfolioView view = service.view(null, ALL, PMO);

        assertThat(view.summary().byRag().get(Rag.NO_DATA)).isEqualTo(1);
        assertThat(view.summary().meanScore()).isNull();
        assertThat(service.trend(1, PMO)).singleElement().satisfies(p -> assertThat(p.meanScore()).isNull());
    }
}
