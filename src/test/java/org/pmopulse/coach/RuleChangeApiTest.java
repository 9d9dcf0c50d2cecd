package org.pmopulse.coach;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.rules.RuleFolder;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach's loop over HTTP on a running Pulse with the demo portfolio and its own copy of the rules folder.
 * Each test starts from whatever the others left live, so they hold in any order.
 */
class RuleChangeApiTest {
    private static Path rulesDir;
    private static RunningPulse pulse;
    private static Http http;
    private static Http admin;

    @BeforeAll
    static void start() throws IOException {
        rulesDir = ShippedRules.copy();
        pulse = RunningPulse.start("--pulse.rules-dir=" + rulesDir, "--pulse.demo.load=true");
        admin = pulse.http();
        http = admin.as("coach", Http.ADMIN_PASSWORD); // the demo's coach
    }

    @AfterAll
    static void stop() throws IOException {
        pulse.close();
        FileSystemUtils.deleteRecursively(rulesDir);
    }

    private static byte[] candidate(Map<String, String> files) {
        return Http.json(Map.of("files", files)).getBytes(StandardCharsets.UTF_8);
    }

    private static String live() {
        return http.get("/api/rules/status").json().at("/live/version").asString();
    }

    private static String file(String path) throws IOException {
        return Files.readString(rulesDir.resolve(path));
    }

    @Test
    void aBrokenCandidateGetsErrorsWithFileAndLineAndChangesNothingLive() throws IOException {
        String version = live();
        String cost = file("earlywarning/cost.drl");
        byte[] broken = candidate(Map.of("earlywarning/cost.drl", cost.replace("$cpi : cpi,", "$cpi : cpi,,")));

        JsonNode report = http.post("/api/rules/validate", broken, "application/json").json();
        Http.Response publish = http.post("/api/rules/publish", broken, "application/json");

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/errors/0/file").asString()).isEqualTo("earlywarning/cost.drl");
        assertThat(report.at("/errors/0/line").asInt()).isPositive();
        assertThat(publish.status()).isEqualTo(422);
        assertThat(publish.json().at("/errors/0/file").asString()).isEqualTo("earlywarning/cost.drl");
        assertThat(live()).isEqualTo(version);
        assertThat(file("earlywarning/cost.drl")).isEqualTo(cost);
    }

    @Test
    void changingRulesNeedsACoach() {
        byte[] none = candidate(Map.of());

        assertThat(http.anonymous().post("/api/rules/validate", none, "application/json").status()).isEqualTo(401);
        assertThat(http.post("/api/rules/validate", none, "application/json", "Authorization", "Bearer wrong").status())
                .isEqualTo(401);
        assertThat(http.as("pm", Http.ADMIN_PASSWORD).post("/api/rules/validate", none, "application/json").status())
                .isEqualTo(403);
        assertThat(http.post("/api/rules/publish", none, "application/json").status())
                .isEqualTo(422); // nothing to publish
        assertThat(http.post("/api/rules/validate", candidate(Map.of("../outside.drl", "x")), "application/json")
                .status()).isEqualTo(422);
    }

    @Test
    void aReplayOfAProjectPulseDoesNotKnowIsRefusedNamingIt() {
        byte[] unknown = Http.json(Map.of("files", Map.of(), "projects", List.of("NOPE-1"))).getBytes(StandardCharsets.UTF_8);

        Http.Response replay = http.post("/api/rules/replay", unknown, "application/json");

        // a mistyped id would otherwise replay nothing and read as a candidate that changes nothing
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.body()).contains("projects").contains("no project NOPE-1");
    }

    @Test
    void aReplayOfATightenedThresholdMatchesAssessingWithItPublished() throws IOException {
        String thresholds = file("thresholds.yaml").replace("green: 80 ", "green: 97 ");
        // the scoring scenarios are written for a green band of 80: this candidate sets them aside
        Map<String, String> files = new HashMap<>();
        files.put("thresholds.yaml", thresholds);
        files.put("scenarios/scoring/hysteresis.yaml", null);
        byte[] tightened = candidate(files);
        List<String> projects = new ArrayList<>();
        admin.get("/api/projects").json().forEach(p -> projects.add(p.get("projectId").asString()));

        JsonNode replay = http.post("/api/rules/replay", tightened, "application/json").json();

        assertThat(replay.get("projectWeeks").asInt()).isEqualTo(projects.size() * 12);
        assertThat(replay.get("changedColourInLatestWeek").size()).isPositive();
        assertThat(replay.get("summary").asString()).contains("colour in the latest week");
        Map<String, JsonNode> replayed = new HashMap<>();
        replay.get("items").forEach(c -> replayed.put(c.get("projectId").asString() + "/" + c.get("week").asString(), c));

        Http.Response published = http.post("/api/rules/publish", tightened, "application/json");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String newVersion = replay.get("candidateVersion").asString();
        for (String project : projects) { // before the re-assessment reaches it, an assessment says it is not live
            JsonNode ruleSet = admin.get("/api/projects/" + project + "/assessments/latest").json().get("ruleSet");
            assertThat(ruleSet.get("live").asBoolean()).isEqualTo(ruleSet.get("version").asString().equals(newVersion));
        }
        String job = published.json().get("reassessmentJob").asString();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                http.get("/api/jobs/" + job).json().get("status").asString().equals("SUCCEEDED"));
        assertThat(http.get("/api/jobs/" + job).json().get("total").asInt()).isEqualTo(projects.size());
        for (String project : projects) {
            JsonNode ruleSet = admin.get("/api/projects/" + project + "/assessments/latest").json().get("ruleSet");
            assertThat(ruleSet.get("version").asString()).as(project).isEqualTo(newVersion);
            assertThat(ruleSet.get("live").asBoolean()).isTrue();
        }
        assertThat(http.get("/api/rules/changes").json().get(0).get("reassessmentJob").asString()).isEqualTo(job);

        int compared = 0;
        for (String project : projects) {
            for (JsonNode week : admin.get("/api/projects/" + project + "/snapshots").json()) {
                String key = project + "/" + week.get("week").asString();
                if (week.get("asOf").asString().compareTo(replay.get("from").asString()) < 0) {
                    continue;
                }
                byte[] snapshot = admin.get("/api/projects/" + project + "/snapshots/" + week.get("asOf").asString()).body()
                        .getBytes(StandardCharsets.UTF_8);
                JsonNode now = admin.put("/api/projects/" + project + "/snapshots/" + week.get("asOf").asString(), snapshot).json();
                JsonNode item = replayed.get(key);
                assertThat(now.at("/health/score").asInt()).as(key).isEqualTo(item.get("scoreAfter").asInt());
                assertThat(now.at("/health/rag").asString()).as(key).isEqualTo(item.get("ragAfter").asString());
                assertThat(now.at("/ruleSet/version").asString()).isEqualTo(replay.get("candidateVersion").asString());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(replay.get("projectWeeks").asInt());
    }

    @Test
    void publishThenRollbackRestoresTheExactFilesAndVersionAndTheLogShowsBoth() throws IOException {
        Map<String, String> original = RuleFolder.read(rulesDir).files();
        String originalVersion = live();
        String cost = file("earlywarning/cost.drl");

        JsonNode published = http.post("/api/rules/publish",
                candidate(Map.of("earlywarning/cost.drl", cost.replace("CPI below band", "CPI under its band"))),
                "application/json").json();
        String publishedVersion = live();
        JsonNode rolledBack = http.post("/api/rules/rollback/" + originalVersion + "?comment=back", new byte[0],
                "application/json").json();

        assertThat(publishedVersion).isNotEqualTo(originalVersion).isEqualTo(published.get("versionAfter").asString());
        assertThat(published.get("who").asString()).isEqualTo("coach");
        assertThat(published.at("/files/0/path").asString()).isEqualTo("earlywarning/cost.drl");
        assertThat(published.get("replaySummary").asString()).contains("project-weeks replayed");
        assertThat(live()).isEqualTo(originalVersion);
        assertThat(RuleFolder.read(rulesDir).files()).isEqualTo(original);
        assertThat(rolledBack.get("kind").asString()).isEqualTo("ROLLBACK");
        JsonNode log = http.get("/api/rules/changes").json();
        assertThat(log.get(0).get("kind").asString()).isEqualTo("ROLLBACK");
        assertThat(log.get(0).get("versionBefore").asString()).isEqualTo(publishedVersion);
        assertThat(log.get(0).get("versionAfter").asString()).isEqualTo(originalVersion);
        assertThat(log.get(1).get("kind").asString()).isEqualTo("PUBLISH");
        assertThat(log.get(1).get("versionAfter").asString()).isEqualTo(publishedVersion);
    }

    @Test
    void editingTheFolderByHandIsLoggedAsAChangeByTheFileSystem() throws Exception {
        String before = live();
        String risk = file("earlywarning/risk.drl");
        Files.writeString(rulesDir.resolve("earlywarning/risk.drl"), risk.replace("Risk review overdue", "Risk review late"));

        JsonNode latest = await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/rules/changes").json().get(0),
                change -> change.get("kind").asString().equals("FILE_SYSTEM")
                        && before.equals(change.path("versionBefore").asString(null)));

        assertThat(latest.get("who").asString()).isEqualTo("file system");
        assertThat(latest.at("/files/0/path").asString()).isEqualTo("earlywarning/risk.drl");
        assertThat(latest.at("/files/0/change").asString()).isEqualTo("MODIFIED");
        assertThat(latest.get("versionAfter").asString()).isEqualTo(live());
    }
}
