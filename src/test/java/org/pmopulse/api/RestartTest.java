package org.pmopulse.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default set-up end to end: embedded MongoDB with its H2 file, the demo portfolio loaded on the first start,
 * and everything still there after a restart (and not loaded twice).
 */
@ExpectedErrors({"org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter"})
class RestartTest {
    @TempDir
    Path dataDir;

    private RunningPulse start() {
        return RunningPulse.start("--pulse.data-dir=" + dataDir, "--pulse.embedded-mongo.persistent=true",
                "--pulse.demo.load=true");
    }

    @Test
    void theDemoPortfolioIsLoadedOnceAndSurvivesARestart() {
        String projectsBefore;
        String historyBefore;
        try (RunningPulse first = start()) {
            Http http = first.http();
            projectsBefore = http.get("/api/projects").body();
            historyBefore = http.get("/api/projects/ERP-2026/history").body();
            assertThat(http.get("/api/projects").json().size()).isEqualTo(10);
            assertThat(http.get("/api/projects/ERP-2026/snapshots").json().size()).isEqualTo(16);
        }
        try (RunningPulse second = start()) {
            Http http = second.http();
            assertThat(http.get("/api/projects").body()).isEqualTo(projectsBefore);
            assertThat(http.get("/api/projects/ERP-2026/history").body()).isEqualTo(historyBefore);
            assertThat(http.get("/api/projects/ERP-2026/snapshots").json().size()).isEqualTo(16);
        }
    }

    @Test
    void aSecondPulseOnTheSameDataFolderStopsAndNamesTheFirst() {
        try (RunningPulse first = RunningPulse.start("--pulse.data-dir=" + dataDir,
                "--pulse.embedded-mongo.persistent=true", "--pulse.demo.load=false")) {
            assertThatThrownBy(() -> RunningPulse.start("--pulse.data-dir=" + dataDir,
                    "--pulse.embedded-mongo.persistent=true", "--pulse.demo.load=false").close())
                    .hasMessageContaining("The data folder " + dataDir.toAbsolutePath().normalize() + " is in use")
                    .hasMessageContaining("port " + first.port());
            assertThat(first.http().get("/actuator/health").status()).isEqualTo(200);
        }
        try (RunningPulse again = RunningPulse.start("--pulse.data-dir=" + dataDir,
                "--pulse.embedded-mongo.persistent=true", "--pulse.demo.load=false")) {
            assertThat(again.http().get("/actuator/health").status()).isEqualTo(200); // the lock went with the first
        }
    }

    @Test
    void aFirstStartStoppedWhileAssessingTheDemoFinishesOnTheNextStart() throws IOException {
        try (RunningPulse interrupted = RunningPulse.start("--pulse.data-dir=" + dataDir,
                "--pulse.embedded-mongo.persistent=true", "--pulse.demo.load=false")) {
            // what a first start leaves when stopped after storing the demo and before the batch assessed it
            interrupted.bean(SnapshotStore.class).save(new SnapshotReader().read(
                    Files.readAllBytes(Path.of("data/demo/ERP-2026_2026-11-20.json"))), "test");
            assertThat(interrupted.http().get("/api/projects/ERP-2026/assessments/latest").status()).isEqualTo(404);
        }
        try (RunningPulse next = start()) {
            Http http = next.http();
            assertThat(http.get("/api/projects/ERP-2026/assessments/latest").status()).isEqualTo(200);
            assertThat(http.get("/api/portfolio").json().get("projects").size()).isEqualTo(1);
        }
    }
}
