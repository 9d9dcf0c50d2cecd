package org.pmopulse.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.portfolio.Reconciler;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import org.pmopulse.support.ShippedRules;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pmopulse.snapshot.TestSnapshots.bytes;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;

/**
 * A snapshot that is stored but cannot be assessed (here a rule that fails on it) is acknowledged as what it is:
 * stored, not assessed yet. Once the rule is fixed, the reconciliation assesses it.
 */
@ExpectedErrors({"org.pmopulse.ingest.IngestService", "org.pmopulse.portfolio.WeeklyBatch"})
class AssessmentFailureTest {
    private static final String FAILING_RULE = """
            package earlywarning;
            import org.pmopulse.rules.fact.*;

            // Fails on purpose for projects named BOOM..., to show what Pulse does when a rule breaks at run time.
            rule "EW-TST-001 Breaks on BOOM projects"
                @kind(EARLY_WARNING) @dimension(schedule) @severity(LOW)
            when
                $p : ProjectFact(projectId.startsWith("BOOM"))
            then
                int zero = $p.projectId().length() - $p.projectId().length();
                int broken = 1 / zero;
            end
            """;
    private static Path rulesDir;
    private static RunningPulse pulse;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        rulesDir = ShippedRules.copy();
        Files.writeString(rulesDir.resolve("earlywarning/boom.drl"), FAILING_RULE);
        pulse = RunningPulse.start("--pulse.rules-dir=" + rulesDir);
        http = pulse.http();
    }

    @AfterAll
    static void stop() throws IOException {
        pulse.close();
        FileSystemUtils.deleteRecursively(rulesDir);
    }

    private static byte[] snapshot(String project, String asOf) {
        return bytes(with(with(load("full"), "projectId", project), "asOf", asOf));
    }

    @Test
    void aStoredSnapshotThatCannotBeAssessedIs202AndIsAssessedOnceTheRuleIsFixed() throws IOException {
        Http.Response put = http.put("/api/projects/BOOM-1/snapshots/2026-11-20", snapshot("BOOM-1", "2026-11-20"));

        assertThat(put.status()).isEqualTo(202);
        assertThat(put.outcome()).isEqualTo("CREATED");
        assertThat(put.json().get("reason").asString()).contains("ArithmeticException");
        assertThat(http.get("/api/projects/BOOM-1/snapshots/2026-11-20").status()).isEqualTo(200);
        assertThat(http.get("/api/projects/BOOM-1/assessments/latest").status()).isEqualTo(404);

        String bulk = "[" + new String(snapshot("BOOM-2", "2026-11-20"), StandardCharsets.UTF_8) + ","
                + new String(snapshot("FINE-1", "2026-11-20"), StandardCharsets.UTF_8) + "]";
        JsonNode report = http.post("/api/snapshots", bulk.getBytes(StandardCharsets.UTF_8), "application/json").json();
        assertThat(report.at("/items/0/outcome").asString()).isEqualTo("CREATED");
        assertThat(report.at("/items/0/assessed").asBoolean()).isFalse();
        assertThat(report.at("/items/0/errors/0/message").asString()).startsWith("stored, but not assessed yet");
        assertThat(report.at("/items/1/assessed").asBoolean()).isTrue();
        assertThat(report.get("created").asInt()).isEqualTo(2);

        Files.delete(rulesDir.resolve("earlywarning/boom.drl")); // the coach fixes the rule; the watcher picks it up
        await().atMost(Duration.ofSeconds(30)).until(() -> pulse.bean(LiveRules.class).current().rule("EW-TST-001").isEmpty());
        // the rule change starts a reassessment of every latest week; the reconciler repairs whatever it has not
        // reached yet: either way both stored snapshots end up assessed, with the fixed rules
        pulse.bean(Reconciler.class).reconcile(Reconciler.Trigger.ON_DEMAND);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String project : List.of("BOOM-1", "BOOM-2")) {
                Http.Response latest = http.get("/api/projects/" + project + "/assessments/latest");
                assertThat(latest.status()).as(project).isEqualTo(200);
                assertThat(latest.json().at("/ruleSet/version").asString())
                        .isEqualTo(pulse.bean(LiveRules.class).current().version());
            }
        });
    }
}
