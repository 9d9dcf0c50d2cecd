package org.pmopulse.portfolio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.support.InMemoryMongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The assessing service on its real stores and the embedded MongoDB, without the web application. */
class AssessmentServiceTest {
    private static InMemoryMongo mongo;
    private static SnapshotStore snapshots;
    private static AssessmentStore assessments;
    private static ProjectStore projects;
    private static PortfolioWeeks weeks;
    private static AssessmentService service;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
        Clock clock = Clock.systemUTC();
        LiveRules rules = new LiveRules(Path.of("rules"), clock);
        rules.load();
        snapshots = new SnapshotStore(mongo.template(), clock);
        assessments = new AssessmentStore(mongo.template());
        projects = new ProjectStore(mongo.template());
        weeks = new PortfolioWeeks(mongo.template());
        service = new AssessmentService(new Assessor(Forecaster.rulesOnly("not needed here"), clock), rules, snapshots,
                assessments, projects, weeks);
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static Snapshot stored(String file) throws IOException {
        Snapshot s = new SnapshotReader().read(Files.readAllBytes(Path.of("data/demo", file)));
        snapshots.save(s, "test");
        return s;
    }

    @Test
    void assessingAWeekKeepsTheAssessmentThePortfolioLineAndTheSummaryOfTheLatestWeek() throws IOException {
        Snapshot week = stored("ERP-2026_2026-11-20.json");

        Assessment a = service.assessAndFollowing(week);

        String isoWeek = IsoWeek.of(week.asOf());
        Assessment kept = assessments.find("ERP-2026", isoWeek).orElseThrow();
        assertThat(kept.health()).isEqualTo(a.health());
        assertThat(kept.findings()).extracting(Finding::ruleId, Finding::because)
                .isEqualTo(a.findings().stream().map(f -> tuple(f.ruleId(), f.because())).toList());
        assertThat(weeks.week(isoWeek)).singleElement().satisfies(line -> {
            assertThat(line.projectId()).isEqualTo("ERP-2026");
            assertThat(line.score()).isEqualTo(a.health().score());
            assertThat(line.rag()).isEqualTo(a.health().rag());
        });
        assertThat(projects.find("ERP-2026").orElseThrow().week()).isEqualTo(isoWeek);
        assertThat(service.latest("ERP-2026").orElseThrow().ruleSet().live()).isTrue();
    }

    @Test
    void anEarlierWeekSentLateIsAssessedAndTheWeeksAfterItAreAssessedAgainWithItAsHistory() throws IOException {
        Snapshot later = stored("BILLING_2026-11-20.json");
        Assessment alone = service.assessAndFollowing(later);
        Snapshot earlier = stored("BILLING_2026-11-13.json");

        service.assessAndFollowing(earlier);

        Assessment again = assessments.find("BILLING", IsoWeek.of(later.asOf())).orElseThrow();
        Assessment before = assessments.find("BILLING", IsoWeek.of(earlier.asOf())).orElseThrow();
        assertThat(alone.health().previousScore()).isNull();
        assertThat(again.health().previousScore()).isEqualTo(before.health().score());
        assertThat(projects.find("BILLING").orElseThrow().week()).isEqualTo(IsoWeek.of(later.asOf()));
    }
}
