package org.pmopulse.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pmopulse.support.Http;
import org.pmopulse.support.PulseTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.snapshot.TestSnapshots.bytes;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;

/**
 * The snapshot and assessment API over real HTTP and a real MongoDB wire protocol. Run against the embedded
 * server ({@link SnapshotApiOnEmbeddedMongoTest}) and, where Docker runs, against MongoDB itself
 * ({@link SnapshotApiOnMongoDbTest}). Each test uses its own project id, so tests share one database.
 */
@PulseTest
abstract class SnapshotApiContract {

    @LocalServerPort
    int port;
    Http http;
    String project;

    @BeforeEach
    void client() {
        http = new Http(port);
        project = "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ObjectNode snapshot(String asOf) {
        return with(with(load("full"), "projectId", project), "asOf", asOf);
    }

    Http.Response put(ObjectNode snapshot) {
        return http.put("/api/projects/" + snapshot.get("projectId").asString() + "/snapshots/"
                + snapshot.get("asOf").asString(), snapshot);
    }

    @Test
    void putOfANewSnapshotReturnsItsAssessmentWithFindingsAndRankedRecommendations() {
        Http.Response r = put(snapshot("2026-11-20"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.outcome()).isEqualTo("CREATED");
        assertThat(r.location()).isEqualTo("/api/projects/" + project + "/assessments/2026-11-20");
        JsonNode a = r.json();
        assertThat(a.get("projectId").asString()).isEqualTo(project);
        assertThat(a.get("week").asString()).isEqualTo("2026-W47");
        assertThat(a.at("/health/score").asInt()).isBetween(0, 100);
        assertThat(a.at("/health/rag").asString()).isIn("GREEN", "AMBER", "RED");
        assertThat(a.at("/health/dimensions/schedule/rag").isMissingNode()).isFalse();
        assertThat(a.get("findings").size()).isGreaterThan(5);
        JsonNode finding = a.get("findings").get(0);
        assertThat(finding.get("ruleId").asString()).isNotBlank();
        assertThat(finding.get("because").asString()).isNotBlank();
        assertThat(finding.get("source").asString()).endsWith(".drl");
        JsonNode recommendations = a.get("recommendations");
        assertThat(recommendations.size()).isGreaterThan(2);
        for (int i = 0; i < recommendations.size(); i++) {
            assertThat(recommendations.get(i).get("rank").asInt()).isEqualTo(i + 1);
            assertThat(recommendations.get(i).get("actions").size()).isBetween(2, 5);
            if (i > 0) {
                assertThat(recommendations.get(i).get("priority").asDouble())
                        .isLessThanOrEqualTo(recommendations.get(i - 1).get("priority").asDouble());
            }
        }
        assertThat(a.at("/ruleSet/version").asString()).startsWith("sha256:");
        // the shipped model forecasts it: expected slip inside its 80 % range, with the factors behind it
        JsonNode forecast = a.get("forecast");
        assertThat(forecast.get("available").asBoolean()).as(forecast.toString()).isTrue();
        assertThat(forecast.get("expectedSlipDays").asInt()).isBetween(forecast.at("/range80/0").asInt(),
                forecast.at("/range80/1").asInt());
        assertThat(forecast.at("/mainFactors/0/feature").asString()).isEqualTo("earnedSchedule");
        assertThat(a.at("/indicators/cpi").asDouble()).isEqualTo(0.828);
    }

    @Test
    void aSnapshotWithNothingButItsIdAndDateIsNotGreenAndSaysWhatIsMissing() {
        ObjectNode bare = JsonNodeFactory.instance.objectNode().put("projectId", project).put("asOf", "2026-11-20");

        JsonNode health = put(bare).json().get("health");

        assertThat(health.get("rag").asString()).isNotEqualTo("GREEN");
        assertThat(health.at("/dimensions/cost/rag").asString()).isEqualTo("NO_DATA");
        assertThat(health.at("/dimensions/cost").has("score")).isFalse();
        assertThat(health.get("completeness").asDouble()).isLessThan(0.2);
        assertThat(health.get("missing").toString()).contains("schedule.progress", "cost.actualCost", "risk.risks");
        assertThat(health.get("limitedBy").get(0).asString()).startsWith("no schedule data");
    }

    @Test
    void theSameSnapshotAgainChangesNothing() {
        ObjectNode s = snapshot("2026-11-20");
        JsonNode first = put(s).json();

        Http.Response again = put(s);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.outcome()).isEqualTo("UNCHANGED");
        assertThat(again.json()).isEqualTo(first);
        JsonNode list = http.get("/api/projects/" + project + "/snapshots").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(http.get("/api/projects/" + project + "/snapshots/2026-11-20/versions").json().size()).isZero();
    }

    @Test
    void aCorrectedSnapshotReplacesTheWeekAndKeepsThePreviousVersion() {
        put(snapshot("2026-11-20"));

        Http.Response corrected = put(with(snapshot("2026-11-20"), "progress.earnedValue", 1_000_000));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.outcome()).isEqualTo("REPLACED");
        assertThat(http.get("/api/projects/" + project + "/snapshots/2026-11-20").json().at("/progress/earnedValue")
                .asDouble()).isEqualTo(1_000_000.0);
        JsonNode versions = http.get("/api/projects/" + project + "/snapshots/2026-11-20/versions").json();
        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).at("/info/version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).at("/snapshot/progress/earnedValue").asDouble()).isEqualTo(745_000.0);
        assertThat(http.get("/api/projects/" + project + "/snapshots").json().get(0).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anotherDateInTheSameIsoWeekIsTheSameWeek() {
        put(snapshot("2026-11-20"));

        Http.Response thursday = put(snapshot("2026-11-19"));

        assertThat(thursday.outcome()).isEqualTo("REPLACED");
        assertThat(http.get("/api/projects/" + project + "/snapshots").json().size()).isEqualTo(1);
    }

    @Test
    void historyListsEveryWeekInOrderEvenWhenSentOutOfOrder() {
        put(snapshot("2026-11-20"));
        put(with(snapshot("2026-11-06"), "progress.earnedValue", 700_000));
        put(with(snapshot("2026-11-13"), "progress.earnedValue", 720_000));

        JsonNode history = http.get("/api/projects/" + project + "/history").json();

        assertThat(history.size()).isEqualTo(3);
        List<String> weeks = new ArrayList<>();
        history.forEach(h -> weeks.add(h.get("week").asString()));
        assertThat(weeks).containsExactly("2026-W45", "2026-W46", "2026-W47");
        // later weeks were re-assessed when an earlier one arrived: each change is against the week before
        assertThat(history.get(0).has("change")).isFalse();
        assertThat(history.get(1).get("change").asInt())
                .isEqualTo(history.get(1).get("score").asInt() - history.get(0).get("score").asInt());
        assertThat(history.get(2).get("change").asInt())
                .isEqualTo(history.get(2).get("score").asInt() - history.get(1).get("score").asInt());
        assertThat(history.get(2).get("spiT").asDouble()).isPositive();

        JsonNode latest = http.get("/api/projects/" + project + "/assessments/latest").json();
        assertThat(latest.get("asOf").asString()).isEqualTo("2026-11-20");
        assertThat(latest.at("/health/previousScore").asInt()).isEqualTo(history.get(1).get("score").asInt());
        assertThat(http.get("/api/projects/" + project + "/assessments/2026-11-12").json().get("week").asString())
                .isEqualTo("2026-W46");
    }

    @Test
    void projectsListShowsTheLatestScoreAndRag() {
        put(with(snapshot("2026-11-13"), "name", "Older name"));
        put(snapshot("2026-11-20"));
        put(snapshot("2026-11-06"));

        JsonNode projects = http.get("/api/projects").json();

        JsonNode mine = null;
        for (JsonNode p : projects) {
            if (p.get("projectId").asString().equals(project)) {
                mine = p;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("asOf").asString()).isEqualTo("2026-11-20");
        assertThat(mine.get("name").asString()).isEqualTo("Full test project");
        assertThat(mine.get("rag").asString()).isIn("GREEN", "AMBER", "RED");
        assertThat(mine.get("score").asInt())
                .isEqualTo(http.get("/api/projects/" + project + "/assessments/latest").json().at("/health/score").asInt());
    }

    @Test
    void deletingAWeekKeepsItAmongTheVersionsAndTheProjectGoesOnWithoutIt() {
        put(snapshot("2026-11-06"));
        put(snapshot("2026-11-13"));
        put(snapshot("2026-11-20"));
        String week = "/api/projects/" + project + "/snapshots/2026-11-13";

        assertThat(http.anonymous().delete(week).status()).isEqualTo(401);
        Http.Response r = http.delete(week);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("weeks").get(0).asString()).isEqualTo("2026-W46");
        assertThat(http.get(week).status()).isEqualTo(404);
        assertThat(http.get("/api/projects/" + project + "/assessments/2026-11-13").status()).isEqualTo(404);
        JsonNode versions = http.get(week + "/versions").json();
        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).at("/info/deleted").asBoolean()).isTrue();
        assertThat(http.get("/api/projects/" + project + "/history").json().findValuesAsString("week"))
                .containsExactly("2026-W45", "2026-W47");
        assertThat(http.get("/api/portfolio?asOf=2026-11-13").json().get("projects").findValuesAsString("projectId"))
                .doesNotContain(project);
        assertThat(http.delete(week).status()).isEqualTo(404);

        Http.Response again = put(snapshot("2026-11-13")); // undoing the deletion: the numbering of versions goes on
        assertThat(again.status()).isEqualTo(201);
        assertThat(http.get("/api/projects/" + project + "/snapshots").json().get(1).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void deletingAProjectTakesItOutOfEveryViewAndKeepsWhatWasSent() {
        put(snapshot("2026-11-13"));
        put(snapshot("2026-11-20"));

        Http.Response r = http.delete("/api/projects/" + project);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("weeks").size()).isEqualTo(2);
        assertThat(http.get("/api/projects").json().findValuesAsString("projectId")).doesNotContain(project);
        assertThat(http.get("/api/projects/" + project + "/assessments/latest").status()).isEqualTo(404);
        assertThat(http.get("/api/portfolio?asOf=2026-11-20").json().get("projects").findValuesAsString("projectId"))
                .doesNotContain(project);
        assertThat(http.get("/api/projects/" + project + "/snapshots/2026-11-20/versions").json().get(0)
                .at("/snapshot/projectId").asString()).isEqualTo(project);
        assertThat(http.delete("/api/projects/" + project).status()).isEqualTo(404);
    }

    @Test
    void bulkStoresTheValidItemsAndReportsTheInvalidOnes() {
        String body = Http.json(List.of(snapshot("2026-11-13"), with(snapshot("2026-11-20"), "risks.0.probability", 7),
                snapshot("2026-11-20")));

        Http.Response r = http.post("/api/snapshots", body.getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(r.status()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("received").asInt()).isEqualTo(3);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = report.get("items").get(1);
        assertThat(rejected.get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rejected.at("/errors/0/field").asString()).isEqualTo("risks[0].probability");
        assertThat(report.get("items").get(2).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(http.get("/api/projects/" + project + "/snapshots").json().size()).isEqualTo(2);
    }

    @Test
    void bulkAcceptsNdjsonAndReportsALineThatIsNotJson() {
        String body = Http.json(snapshot("2026-11-13")) + "\n{not json\n\n" + Http.json(snapshot("2026-11-20")) + "\n";

        JsonNode report = http.post("/api/snapshots", body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson").json();

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(report.get("items").get(1).get("line").asInt()).isEqualTo(2);
        assertThat(report.at("/items/1/errors/0/message").asString()).contains("line 2");
    }

    @Test
    void bulkWithNothingValidIs422AndStoresNothing() {
        String body = Http.json(List.of(with(snapshot("2026-11-20"), "asOf", "yesterday")));

        Http.Response r = http.post("/api/snapshots", body.getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("[0].asOf");
        assertThat(r.json().at("/report/items/0/errors/0/field").asString()).isEqualTo("asOf");
        assertThat(http.get("/api/projects/" + project + "/snapshots").status()).isEqualTo(404);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("missing projectId", p -> put(p, "2026-11-20", with(snap(p), "projectId", null)), 422, "projectId"),
                bad("malformed projectId in the path", p -> put("_bad", "2026-11-20", snap(p)), 400, "projectId"),
                bad("malformed asOf in the path", p -> put(p, "20-11-2026", snap(p)), 400, "asOf"),
                bad("body project differs from the path", p -> put(p + "X", "2026-11-20", snap(p)), 422, "projectId"),
                bad("body date differs from the path", p -> put(p, "2026-11-27", snap(p)), 422, "asOf"),
                bad("a date that is not ISO", p -> put(p, "2026-11-20", with(snap(p), "baseline.start", "5 Jan 2026")), 422, "baseline.start"),
                bad("percent over 100", p -> put(p, "2026-11-20", with(snap(p), "progress.percentComplete", 101)), 422, "progress.percentComplete"),
                bad("probability over 1", p -> put(p, "2026-11-20", with(snap(p), "risks.0.probability", 2)), 422, "risks[0].probability"),
                bad("negative money", p -> put(p, "2026-11-20", with(snap(p), "progress.earnedValue", -1)), 422, "progress.earnedValue"),
                bad("negative duration", p -> put(p, "2026-11-20", with(snap(p), "changes.0.scheduleImpactDays", -1)), 422, "changes[0].scheduleImpactDays"),
                bad("baseline finish before start", p -> put(p, "2026-11-20", with(snap(p), "baseline.finish", "2025-01-01")), 422, "baseline.finish"),
                bad("unknown methodology", p -> put(p, "2026-11-20", with(snap(p), "methodology", "SAFE")), 422, "methodology"),
                bad("unknown phase", p -> put(p, "2026-11-20", with(snap(p), "phase", "LIMBO")), 422, "phase"),
                bad("unknown RAG", p -> put(p, "2026-11-20", with(snap(p), "pmStatus", "BLUE")), 422, "pmStatus"),
                bad("unknown severity", p -> put(p, "2026-11-20", with(snap(p), "issues.0.severity", "MEH")), 422, "issues[0].severity"),
                bad("a key starting with $", p -> put(p, "2026-11-20", with(snap(p), "$set", 1)), 422, "$set"),
                bad("a key with a dot deep inside", p -> put(p, "2026-11-20", with(snap(p), "governance", Map.of("a.b", 1))), 422, "governance.a.b"),
                bad("a body that is not JSON", p -> http(p).put("/api/projects/" + p + "/snapshots/2026-11-20",
                        "{\"projectId\": ".getBytes(StandardCharsets.UTF_8)), 400, "body"),
                bad("an empty body", p -> http(p).put("/api/projects/" + p + "/snapshots/2026-11-20", new byte[0]), 400, "body"),
                bad("a body over the size limit", p -> http(p).put("/api/projects/" + p + "/snapshots/2026-11-20",
                        new byte[300 * 1024]), 413, null),
                bad("a chunked body over the size limit", p -> http(p).putChunked("/api/projects/" + p + "/snapshots/2026-11-20",
                        padded(snap(p), 300 * 1024)), 413, "body"),
                bad("a body that is not declared as JSON", p -> http(p).put("/api/projects/" + p + "/snapshots/2026-11-20",
                        bytes(snap(p)), "text/plain"), 415, null),
                bad("an unknown project's latest assessment", p -> http(p).get("/api/projects/" + p + "/assessments/latest"), 404, "projectId"),
                bad("an unknown week's assessment", p -> http(p).get("/api/projects/" + p + "/assessments/2026-01-01"), 404, "asOf"),
                bad("an assessment date that is not a date", p -> http(p).get("/api/projects/" + p + "/assessments/soon"), 400, "asOf"),
                bad("an unknown project's history", p -> http(p).get("/api/projects/" + p + "/history"), 404, "projectId"));
    }

    // the parameterized cases get the running test's client and project through these
    private static final ThreadLocal<SnapshotApiContract> CURRENT = new ThreadLocal<>();

    private static Http http(String project) {
        return CURRENT.get().http;
    }

    private static ObjectNode snap(String project) {
        return with(with(load("full"), "projectId", project), "asOf", "2026-11-20");
    }

    private static Http.Response put(String pathProject, String pathDate, ObjectNode body) {
        return CURRENT.get().http.put("/api/projects/" + pathProject + "/snapshots/" + pathDate, body);
    }

    /** A valid snapshot padded with spaces up to a size: well-formed, only too large. */
    private static byte[] padded(ObjectNode snapshot, int size) {
        byte[] json = bytes(snapshot);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(json, 0, body, 0, json.length);
        return body;
    }

    private static Arguments bad(String name, Function<String, Http.Response> request, int status, String field) {
        return Arguments.of(name, request, status, field);
    }

    @ParameterizedTest(name = "{0}: {2} naming {3}")
    @MethodSource("badRequests")
    void badInputGetsAProblemNamingTheFieldAndNeverA5xx(String name, Function<String, Http.Response> request,
                                                         int status, String field) {
        CURRENT.set(this);
        try {
            Http.Response r = request.apply(project);

            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.contentType()).startsWith("application/problem+json");
            JsonNode problem = r.json();
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            if (field != null) {
                List<String> fields = new ArrayList<>();
                problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
                assertThat(fields).contains(field);
            }
            assertThat(http.get("/api/projects/" + project + "/snapshots").status())
                    .as("nothing of a rejected request is stored").isEqualTo(404);
        } finally {
            CURRENT.remove();
        }
    }
}
