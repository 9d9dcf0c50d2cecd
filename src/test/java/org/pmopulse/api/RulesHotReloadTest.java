package org.pmopulse.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;
import static org.awaitility.Awaitility.await;

/** Editing the rules folder of a running Pulse: a typo is refused and reported, a fix goes live within 5 s. */
@ExpectedErrors({"org.drools.compiler.kie.builder.impl.KieProject", "org.pmopulse.rules.LiveRules"})
class RulesHotReloadTest {
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path rulesDir;
    private RunningPulse pulse;
    private Http http;

    @BeforeEach
    void start() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules"), rulesDir);
        pulse = RunningPulse.start("--pulse.rules-dir=" + rulesDir, "--pulse.rules.poll-interval=1s");
        http = pulse.http();
    }

    @AfterEach
    void stop() {
        pulse.close();
    }

    private JsonNode awaitStatus(Predicate<JsonNode> condition) {
        return await().atMost(LIVE_WITHIN).until(() -> http.get("/api/rules/status").json(), condition::test);
    }

    private JsonNode assess(String project) {
        Http.Response r = http.put("/api/projects/" + project + "/snapshots/2026-11-20",
                with(load("full"), "projectId", project));
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aBrokenFileIsReportedWithFileAndLineWhileThePreviousRulesKeepWorkingAndAFixGoesLive() throws Exception {
        String liveVersion = http.get("/api/rules/status").json().at("/live/version").asString();
        Path cost = rulesDir.resolve("earlywarning/cost.drl");
        String original = Files.readString(cost);

        Files.writeString(cost, original.replace("Indicators($cpi : cpi,", "Indicators($cpi : cpi,,"));

        JsonNode status = awaitStatus(s -> s.hasNonNull("lastRejection"));
        JsonNode error = status.at("/lastRejection/errors/0");
        assertThat(error.get("file").asString()).isEqualTo("earlywarning/cost.drl");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(status.at("/live/version").asString()).isEqualTo(liveVersion);
        JsonNode meanwhile = assess("RELOAD-A");
        assertThat(meanwhile.at("/ruleSet/version").asString()).isEqualTo(liveVersion);
        assertThat(meanwhile.get("findings").toString()).contains("EW-CST-001");

        Files.writeString(cost, original.replace("CPI below band", "CPI under its band"));

        JsonNode after = awaitStatus(s -> !s.at("/live/version").asString().equals(liveVersion)); // within LIVE_WITHIN
        assertThat(after.at("/live/version").asString()).isNotEqualTo(liveVersion);
        assertThat(after.hasNonNull("lastRejection")).isFalse();
        JsonNode assessed = assess("RELOAD-B");
        assertThat(assessed.at("/ruleSet/version").asString()).isEqualTo(after.at("/live/version").asString());
        assertThat(assessed.get("findings").toString()).contains("CPI under its band");
        assertThat(http.get("/actuator/health").json().at("/components/rules/status").asString()).isEqualTo("UP");
    }
}
