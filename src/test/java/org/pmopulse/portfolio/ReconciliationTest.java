package org.pmopulse.portfolio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.snapshot.TestSnapshots.bytes;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;

/**
 * What a crash can leave half-done, made on purpose through the stores, and the reconciliation repairing it: every
 * test breaks one link between a snapshot, its assessment, the project summary and the portfolio line.
 */
class ReconciliationTest {
    private static RunningPulse pulse;
    private static Http http;
    private static Reconciler reconciler;

    @BeforeAll
    static void start() {
        pulse = RunningPulse.start();
        http = pulse.http();
        reconciler = pulse.bean(Reconciler.class);
    }

    @AfterAll
    static void stop() {
        pulse.close();
    }

    private static Snapshot snapshot(String project, String asOf, String pmStatus) {
        return new SnapshotReader().read(bytes(with(with(with(load("full"), "projectId", project), "asOf", asOf),
                "pmStatus", pmStatus)));
    }

    private static void put(Snapshot s) {
        Http.Response r = http.put("/api/projects/" + s.projectId() + "/snapshots/" + s.asOf(),
                Http.json(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).isIn(200, 201);
    }

    private static String newProject() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Everything a reader sees of the project agrees with its latest snapshot. */
    private static void assertConsistent(String project, String asOf, String pmStatus) {
        JsonNode latest = http.get("/api/projects/" + project + "/assessments/latest").json();
        assertThat(latest.get("asOf").asString()).isEqualTo(asOf);
        JsonNode summary = java.util.stream.StreamSupport.stream(http.get("/api/projects").json().spliterator(), false)
                .filter(p -> p.get("projectId").asString().equals(project)).findFirst().orElseThrow();
        assertThat(summary.get("pmStatus").asString()).isEqualTo(pmStatus);
        assertThat(summary.get("score").asInt()).isEqualTo(latest.at("/health/score").asInt());
        JsonNode week = http.get("/api/portfolio?asOf=" + asOf).json().get("projects");
        assertThat(week.findValuesAsString("projectId")).contains(project);
    }

    @Test
    void aSnapshotStoredButNeverAssessedIsAssessed() {
        String project = newProject();
        pulse.bean(SnapshotStore.class).save(snapshot(project, "2026-11-20", "GREEN"), "test"); // the crash came before the assessment
        assertThat(http.get("/api/projects/" + project + "/assessments/latest").status()).isEqualTo(404);

        Reconciler.Report report = reconciler.reconcile(Reconciler.Trigger.ON_DEMAND);

        assertThat(report.reassessed()).contains(project + "/2026-W47 and after: no assessment");
        assertConsistent(project, "2026-11-20", "GREEN");
    }

    @Test
    void aCorrectionStoredButNotAssessedReplacesTheOldAssessment() {
        String project = newProject();
        put(snapshot(project, "2026-11-20", "GREEN"));
        pulse.bean(SnapshotStore.class).save(snapshot(project, "2026-11-20", "RED"), "test");

        Reconciler.Report report = reconciler.reconcile(Reconciler.Trigger.ON_DEMAND);

        assertThat(report.reassessed()).contains(project + "/2026-W47 and after: assessment of an earlier version");
        assertConsistent(project, "2026-11-20", "RED");
    }

    @Test
    void aMissingPortfolioLineAndAMissingSummaryAreWrittenAgain() {
        String lineLost = newProject();
        String summaryLost = newProject();
        put(snapshot(lineLost, "2026-11-20", "GREEN"));
        put(snapshot(summaryLost, "2026-11-20", "AMBER"));
        pulse.bean(PortfolioWeeks.class).remove("2026-W47", lineLost);
        pulse.bean(ProjectStore.class).delete(summaryLost);

        Reconciler.Report report = reconciler.reconcile(Reconciler.Trigger.ON_DEMAND);

        assertThat(report.reassessed()).contains(lineLost + "/2026-W47 and after: portfolio line behind",
                summaryLost + "/2026-W47 and after: summary behind");
        assertConsistent(lineLost, "2026-11-20", "GREEN");
        assertConsistent(summaryLost, "2026-11-20", "AMBER");
    }

    @Test
    void aPassAfterARepairFindsNothingAndLooksOnlyAtWhatWasWrittenSince() {
        put(snapshot(newProject(), "2026-11-13", "GREEN"));
        reconciler.reconcile(Reconciler.Trigger.ON_DEMAND);

        Reconciler.Report again = reconciler.reconcile(Reconciler.Trigger.ON_DEMAND);

        assertThat(again.repaired()).isZero();
        assertThat(again.checkedFrom()).isNotNull();
    }

    @Test
    void aJobWhoseProcessDiedIsInterruptedAndCanBeResumed() {
        put(snapshot(newProject(), "2026-11-20", "GREEN"));
        Instant longAgo = Instant.now().minusSeconds(600);
        Job dead = new Job("dead-job-" + UUID.randomUUID(), "2026-W47", LocalDate.of(2026, 11, 16), Job.Status.RUNNING,
                "api", 3, 1, 0, List.of(), longAgo, null, "a-process-that-died", longAgo, null);
        pulse.bean(MongoTemplate.class).insert(dead, WeeklyBatch.JOBS);

        Reconciler.Report report = reconciler.reconcile(Reconciler.Trigger.ON_DEMAND);

        assertThat(report.jobsInterrupted()).isEqualTo(1);
        assertThat(http.get("/api/jobs/" + dead.id()).json().get("status").asString()).isEqualTo("INTERRUPTED");
        Http.Response resumed = http.post("/api/jobs/" + dead.id() + "/resume", new byte[0], "application/json");
        assertThat(resumed.status()).isEqualTo(202);
        assertThat(resumed.json().get("resumes").asString()).isEqualTo(dead.id());
        assertThat(resumed.json().get("week").asString()).isEqualTo(IsoWeek.of(LocalDate.of(2026, 11, 20)));
        Http.Response twice = http.post("/api/jobs/" + resumed.json().get("id").asString() + "/resume", new byte[0],
                "application/json");
        assertThat(twice.status()).isEqualTo(409);
    }
}
