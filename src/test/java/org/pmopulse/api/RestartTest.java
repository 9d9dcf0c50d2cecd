package org.pmopulse.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.PulseApplication;
import org.pmopulse.support.Http;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default set-up end to end: embedded MongoDB with its H2 file, the demo portfolio loaded on the first start,
 * and everything still there after a restart (and not loaded twice).
 */
class RestartTest {
    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(PulseApplication.class, "--server.port=0", "--pulse.data-dir=" + dataDir,
                "--spring.profiles.active=default", "--pulse.embedded-mongo.persistent=true", "--pulse.demo.load=true");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void theDemoPortfolioIsLoadedOnceAndSurvivesARestart() {
        String projectsBefore;
        String historyBefore;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            projectsBefore = http.get("/api/projects").body();
            historyBefore = http.get("/api/projects/ERP-2026/history").body();
            assertThat(http.get("/api/projects").json().size()).isEqualTo(10);
            assertThat(http.get("/api/projects/ERP-2026/snapshots").json().size()).isEqualTo(16);
        }
        try (ConfigurableApplicationContext second = start()) {
            Http http = http(second);
            assertThat(http.get("/api/projects").body()).isEqualTo(projectsBefore);
            assertThat(http.get("/api/projects/ERP-2026/history").body()).isEqualTo(historyBefore);
            assertThat(http.get("/api/projects/ERP-2026/snapshots").json().size()).isEqualTo(16);
        }
    }
}
