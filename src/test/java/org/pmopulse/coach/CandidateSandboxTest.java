package org.pmopulse.coach;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import org.pmopulse.support.ShippedRules;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile candidates against a running Pulse: what the code policy refuses before anything runs, and what only
 * running can show (a loop without end, a huge allocation), which ends the sandbox worker and never the server.
 */
class CandidateSandboxTest {
    private static Path rulesDir;
    private static RunningPulse pulse;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        rulesDir = ShippedRules.copy();
        pulse = RunningPulse.start("--pulse.rules-dir=" + rulesDir,
                "--pulse.rules.sandbox.timeout=8s", "--pulse.demo.load=true");
        http = pulse.http();
    }

    @AfterAll
    static void stop() throws IOException {
        pulse.close();
        FileSystemUtils.deleteRecursively(rulesDir);
    }

    /** A rule that fires on every project and does {@code action} when it does. */
    private static byte[] candidateDoing(String action) {
        String drl = """
                package earlywarning;
                import org.pmopulse.rules.fact.*;

                // Hostile on purpose.
                rule "EW-TST-001 Hostile"
                    @kind(EARLY_WARNING) @dimension(schedule) @severity(LOW)
                when
                    $p : ProjectFact()
                then
                    %s
                end
                """.formatted(action);
        return Http.json(Map.of("files", Map.of("earlywarning/hostile.drl", drl))).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertPulseStillAnswers() {
        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/api/projects").json().size()).isEqualTo(10);
    }

    @Test
    void aCandidateThatWouldEndTheProcessIsRefusedBeforeAnythingRuns() {
        Http.Response r = http.post("/api/rules/validate", candidateDoing("System.exit(42);"), "application/json");

        assertThat(r.status()).isEqualTo(200);
        JsonNode error = r.json().at("/errors/0");
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(error.get("file").asString()).isEqualTo("earlywarning/hostile.drl");
        assertThat(error.get("line").asInt()).isEqualTo(10);
        assertThat(error.get("message").asString()).contains("type 'System' is not allowed");
        assertPulseStillAnswers();
    }

    @Test
    void aLoopWithoutEndIsStoppedAtTheTimeLimitAndOnlyItsWorkerEnds() {
        Http.Response validate = http.post("/api/rules/validate", candidateDoing("for (;;) { }"), "application/json");
        Http.Response replay = http.post("/api/rules/replay", candidateDoing("for (;;) { }"), "application/json");

        for (Http.Response r : new Http.Response[] {validate, replay}) {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().get("title").asString()).isEqualTo("Candidate rule set failed in the sandbox");
            assertThat(r.json().get("detail").asString()).contains("did not finish within 8 s");
        }
        assertPulseStillAnswers();
    }

    @Test
    void aFourGigabyteAllocationRunsOutOfTheWorkersMemory() {
        Http.Response r = http.post("/api/rules/validate", candidateDoing("long[] big = new long[500_000_000];"),
                "application/json");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("ran out of the 512 MB");
        assertPulseStillAnswers();
    }

    @Test
    void aZipEntryThatLeavesTheFolderIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../etc/cron.d/evil.drl"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        Http.Response r = http.post("/api/rules/validate", bytes.toByteArray(), "application/zip");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("files.../../etc/cron.d/evil.drl");
    }

    @Test
    void publishingTheLiveRulesAgainIsRefusedAndNotLogged() {
        int changes = http.get("/api/rules/changes").json().size();

        Http.Response r = http.post("/api/rules/publish", Http.json(Map.of("files", Map.of()))
                .getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("title").asString()).isEqualTo("Nothing to publish");
        assertThat(http.get("/api/rules/changes").json().size()).isEqualTo(changes);
    }
}
