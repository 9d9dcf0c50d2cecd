package org.pmopulse.portfolio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The PMO lead's portfolio view, trend and weekly batch, on the demo portfolio. */
class PortfolioApiTest {
    private static RunningPulse pulse;
    private static Http http;

    @BeforeAll
    static void start() {
        pulse = RunningPulse.start("--pulse.demo.load=true");
        http = pulse.http();
    }

    @AfterAll
    static void stop() {
        pulse.close();
    }

    @Test
    void theLatestWeekRankedWorstFirstAgreesWithTheProjectsAndTheirAssessments() {
        JsonNode view = http.get("/api/portfolio").json();

        assertThat(view.get("week").asString()).isEqualTo("2026-W47");
        JsonNode projects = view.get("projects");
        assertThat(projects.size()).isEqualTo(10);
        Map<String, Integer> byRag = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            JsonNode p = projects.get(i);
            assertThat(p.get("rank").asInt()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(p.get("score").asInt()).isGreaterThanOrEqualTo(projects.get(i - 1).get("score").asInt());
            }
            JsonNode latest = http.get("/api/projects/" + p.get("projectId").asString() + "/assessments/latest").json();
            assertThat(p.get("score").asInt()).isEqualTo(latest.at("/health/score").asInt());
            assertThat(p.get("rag").asString()).isEqualTo(latest.at("/health/rag").asString());
            byRag.merge(p.get("rag").asString(), 1, Integer::sum);
            assertThat(p.get("newlyRed").asBoolean()).isEqualTo(p.get("rag").asString().equals("RED")
                    && p.has("previousRag") && !p.get("previousRag").asString().equals("RED"));
        }
        JsonNode counts = view.at("/summary/byRag");
        byRag.forEach((rag, n) -> assertThat(counts.get(rag).asInt()).as(rag).isEqualTo(n));
        assertThat(projects.get(0).get("rag").asString()).isEqualTo("RED");
        assertThat(projects.get(0).at("/topFinding/ruleId").asString()).isNotBlank();
        assertThat(projects.get(0).at("/topRecommendation/id").asString()).startsWith("REC-");
    }

    @Test
    void aPersonOverAllocatedAcrossProjectsIsAFindingOnEveryProjectInvolvedAndOneConflict() {
        for (String project : List.of("ERP-2026", "CRM-2026", "BILLING")) {
            JsonNode latest = http.get("/api/projects/" + project + "/assessments/latest").json();
            JsonNode finding = findings(latest, "PF-RES-001").stream()
                    .filter(f -> f.at("/evidence/person").asString().equals("a.lee")).findFirst().orElseThrow();
            assertThat(finding.at("/evidence/person").asString()).isEqualTo("a.lee");
            assertThat(finding.at("/evidence/totalPct").asDouble()).isGreaterThan(100);
            assertThat(finding.get("kind").asString()).isEqualTo("PORTFOLIO");
            assertThat(latest.get("recommendations")).as(project)
                    .anySatisfy(r -> assertThat(r.get("id").asString()).isEqualTo("REC-PORTFOLIO-CAPACITY"));
        }
        JsonNode conflicts = http.get("/api/portfolio/conflicts").json();
        List<JsonNode> shared = new ArrayList<>();
        conflicts.forEach(c -> {
            if (c.get("rules").get(0).asString().equals("PF-RES-001") && c.get("because").asString().startsWith("a.lee ")) {
                shared.add(c);
            }
        });
        assertThat(shared).singleElement().satisfies(c -> assertThat(c.get("projects")).extracting(JsonNode::asString)
                .containsExactly("BILLING", "CRM-2026", "ERP-2026"));
    }

    @Test
    void anOverAllocationLowersTheResourcesScoreOfEveryProjectInvolved() {
        JsonNode crm = http.get("/api/projects/CRM-2026/assessments/latest").json();

        assertThat(findings(crm, "PF-RES-001")).isNotEmpty();
        assertThat(crm.at("/health/dimensions/resources/findings").asInt()).isEqualTo(findings(crm, "PF-RES-001").size());
        assertThat(crm.at("/health/dimensions/resources/score").asInt()).isLessThanOrEqualTo(70); // one HIGH at least
    }

    @Test
    void aDependencySeenByRulesOnBothSidesIsOneConflictNamingEveryRule() {
        JsonNode conflicts = http.get("/api/portfolio/conflicts").json();
        List<String> dependencies = new ArrayList<>();
        conflicts.forEach(c -> {
            if (c.get("projects").toString().contains("BILLING") && c.get("projects").toString().contains("ERP-2026")
                    && c.get("rules").toString().contains("EW-DEP")) {
                dependencies.add(c.toString());
            }
        });

        assertThat(dependencies).singleElement().asString().contains("PF-DEP-001").contains("EW-DEP-002");
        assertThat(conflicts.findValuesAsString("because")).doesNotHaveDuplicates();
    }

    @Test
    void aSupplierOnSeveralRedProjectsIsFlaggedOnEachProjectItServesAndScored() {
        JsonNode view = http.get("/api/portfolio").json();
        Map<String, String> rags = new HashMap<>();
        view.get("projects").forEach(p -> rags.put(p.get("projectId").asString(), p.get("rag").asString()));
        List<String> northwind = List.of("BILLING", "ERP-2026", "WAREHOUSE");
        long red = northwind.stream().filter(p -> rags.get(p).equals("RED")).count();
        assertThat(red).as("the demo's Northwind projects that are red").isGreaterThanOrEqualTo(2);

        for (String project : northwind) {
            JsonNode latest = http.get("/api/projects/" + project + "/assessments/latest").json();
            assertThat(findings(latest, "PF-SUP-001")).as(project).singleElement()
                    .satisfies(f -> assertThat(f.at("/evidence/supplier").asString()).isEqualTo("Northwind Integration"));
            int counted = 0;
            for (JsonNode d : latest.at("/health/dimensions")) {
                counted += d.get("findings").asInt();
            }
            assertThat(counted).as(project + ": the dimensions count every finding, cross-project ones too")
                    .isEqualTo(latest.get("findings").size());
        }
        assertThat(findings(http.get("/api/projects/CRM-2026/assessments/latest").json(), "PF-SUP-001"))
                .as("Bluepeak serves two projects, at most one of them red").isEmpty();
    }

    private static List<JsonNode> findings(JsonNode assessment, String ruleIdPrefix) {
        List<JsonNode> found = new ArrayList<>();
        assessment.get("findings").forEach(f -> {
            if (f.get("ruleId").asString().startsWith(ruleIdPrefix)) {
                found.add(f);
            }
        });
        return found;
    }

    @Test
    void filtersNarrowTheViewAndItsCounts() {
        JsonNode red = http.get("/api/portfolio?rag=RED").json();
        JsonNode agile = http.get("/api/portfolio?methodology=AGILE").json();
        JsonNode keller = http.get("/api/portfolio?sponsor=m.%20keller").json();

        assertThat(red.get("projects")).allSatisfy(p -> assertThat(p.get("rag").asString()).isEqualTo("RED"));
        assertThat(red.at("/summary/projects").asInt()).isEqualTo(red.get("projects").size()).isPositive();
        assertThat(agile.get("projects")).extracting(p -> p.get("projectId").asString())
                .containsExactlyInAnyOrder("CRM-2026", "MOBILE-APP", "ANALYTICS");
        assertThat(keller.get("projects")).extracting(p -> p.get("projectId").asString())
                .containsExactlyInAnyOrder("ERP-2026", "DATALAKE");
        assertThat(http.get("/api/portfolio?rag=PINK").status()).isEqualTo(400);
        assertThat(http.get("/api/portfolio?asOf=yesterday").json().at("/errors/0/field").asString()).isEqualTo("asOf");
    }

    @Test
    void anEarlierWeekShowsItsOwnScoresAndTheMoversAgainstTheWeekBefore() {
        JsonNode view = http.get("/api/portfolio?asOf=2026-10-02").json();

        assertThat(view.get("week").asString()).isEqualTo("2026-W40");
        assertThat(view.get("weekStart").asString()).isEqualTo("2026-09-28");
        assertThat(view.get("projects")).allSatisfy(p -> assertThat(p.get("asOf").asString()).isEqualTo("2026-10-02"));
        assertThat(view.at("/summary/newlyRed")).allSatisfy(id -> assertThat(view.get("projects").toString())
                .contains("\"projectId\":\"" + id.asString() + "\""));
    }

    @Test
    void theWeeklyReportAgreesWithTheApiOnRankingAndCounts() {
        JsonNode view = http.get("/api/portfolio").json();
        JsonNode counts = view.at("/summary/byRag");

        Http.Response md = http.get("/api/portfolio/report");
        Http.Response csv = http.get("/api/portfolio/report?format=csv");
        Http.Response html = http.get("/api/portfolio/report?format=html");

        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# Portfolio health, week 2026-W47 (16 Nov 2026 to 22 Nov 2026)")
                .contains("10 projects: " + counts.get("GREEN").asInt() + " GREEN, " + counts.get("AMBER").asInt()
                        + " AMBER, " + counts.get("RED").asInt() + " RED")
                .contains("## Red projects").contains("## Cross-project conflicts").contains("## Forecasts")
                .doesNotContain("No forecast model is installed");
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(1 + view.get("projects").size());
        for (int i = 0; i < view.get("projects").size(); i++) {
            JsonNode p = view.get("projects").get(i);
            assertThat(lines[i + 1]).startsWith((i + 1) + "," + p.get("projectId").asString() + ",");
            assertThat(lines[i + 1]).contains("," + p.get("rag").asString() + "," + p.get("score").asInt() + ",");
        }
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<span class=\"rag RED\">RED</span>").contains("<table>").doesNotContain("<script");
        assertThat(http.get("/api/portfolio/report?format=pdf").status()).isEqualTo(400);
        assertThat(http.get("/api/portfolio/conflicts").json()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("rules")).allSatisfy(rule -> assertThat(rule.asString()).matches("EW-DEP-.*|PF-.*"));
            assertThat(md.body()).contains(c.get("because").asString());
        });
    }

    @Test
    void theTrendCountsEveryProjectOfEachWeek() {
        JsonNode trend = http.get("/api/portfolio/trend?weeks=4").json();

        assertThat(trend.size()).isEqualTo(4);
        assertThat(trend.get(3).get("week").asString()).isEqualTo("2026-W47");
        assertThat(trend).allSatisfy(point -> {
            assertThat(point.get("projects").asInt()).isEqualTo(10);
            JsonNode byRag = point.get("byRag");
            assertThat(byRag.get("GREEN").asInt() + byRag.get("AMBER").asInt() + byRag.get("RED").asInt()).isEqualTo(10);
        });
        assertThat(http.get("/api/portfolio/trend?weeks=0").status()).isEqualTo(400);
        assertThat(http.get("/api/portfolio/trend?weeks=many").json().at("/errors/0/field").asString()).isEqualTo("weeks");
    }

    @Test
    void theWeeklyBatchReassessesEveryProjectAndRunningItTwiceStoresTheSameResult() throws Exception {
        JsonNode before = http.get("/api/projects/BILLING/assessments/latest").json();

        JsonNode first = awaitJob(http.post("/api/portfolio/assessments", new byte[0], "application/json"));
        JsonNode afterFirst = http.get("/api/projects/BILLING/assessments/latest").json();
        JsonNode second = awaitJob(http.post("/api/portfolio/assessments", new byte[0], "application/json"));
        JsonNode afterSecond = http.get("/api/projects/BILLING/assessments/latest").json();

        assertThat(first.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("total").asInt()).isEqualTo(10);
        assertThat(first.get("done").asInt()).isEqualTo(10);
        assertThat(first.get("week").asString()).isEqualTo("2026-W47");
        assertThat(second.get("status").asString()).isEqualTo("SUCCEEDED");
        // the demo was loaded through the same batch, so neither run has anything new to store
        assertThat(afterFirst).isEqualTo(before);
        assertThat(afterSecond).isEqualTo(afterFirst);
        // BILLING depends on ERP-2026; the batch assesses ERP-2026 first, so the dependency rules see this week's
        assertThat(afterFirst.get("findings").toString()).contains("EW-DEP-003");
        assertThat(http.get("/api/jobs/nope").status()).isEqualTo(404);
    }

    private static JsonNode awaitJob(Http.Response started) {
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.location()).startsWith("/api/jobs/");
        return await().atMost(Duration.ofSeconds(60)).until(() -> http.get(started.location()).json(),
                job -> !job.get("status").asString().equals("RUNNING"));
    }
}
