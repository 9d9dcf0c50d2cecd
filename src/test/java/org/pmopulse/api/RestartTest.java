package org.pmopulse.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default set-up end to end: embedded MongoDB with its H2 file, the demo portfolio loaded on the first start,
 * and everything still there after a restart (and not loaded twice).
 */
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
}
