package org.pmopulse.access;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps, called by every kind of caller, against the table below. A new endpoint
 * without a row fails the build; so does a row whose endpoint is gone. "+" means the call gets past the access
 * check (any answer but 401 and 403, and never a 5xx); "-" means 401 for a caller without valid credentials and 403
 * for a signed-in one whose role or projects do not allow it.
 *
 * <p>The callers: nobody; the demo's project manager {@code pm} (ERP-2026 is theirs); {@code pm.other}, manager of
 * CRM-2026 only; the demo's PMO lead and coach; {@code admin}; an API token of the PROJECT_MANAGER role limited to
 * ERP-2026; and an expired PMO_LEAD token. (The container's error page answers 404 to every direct call, before any
 * check of credentials.) The same callers then check that lists, reports and cross-project views show a project
 * manager their projects only.
 */
class AccessMatrixTest {
    private static final String MATRIX = """
            endpoint                                                 anon pm  other pmo coach admin token expired
            GET /error                                               +    +   +     +   +     +     +     +
            GET /login                                               +    +   +     +   +     +     +     -
            GET /v3/api-docs                                         +    +   +     +   +     +     +     -
            GET /v3/api-docs.yaml                                    +    +   +     +   +     +     +     -
            GET /actuator/health                                     +    +   +     +   +     +     +     -
            GET /api/me                                              -    +   +     +   +     +     +     -
            GET /api/projects                                        -    +   +     +   -     +     +     -
            GET /api/projects/{projectId}                            -    +   -     +   -     +     +     -
            GET /api/projects/{projectId}/snapshots                  -    +   -     +   -     +     +     -
            GET /api/projects/{projectId}/snapshots/{asOf}           -    +   -     +   -     +     +     -
            GET /api/projects/{projectId}/snapshots/{asOf}/versions  -    +   -     +   -     +     +     -
            GET /api/projects/{projectId}/assessments/latest         -    +   -     +   -     +     +     -
            GET /api/projects/{projectId}/assessments/{asOf}         -    +   -     +   -     +     +     -
            GET /api/projects/{projectId}/history                    -    +   -     +   -     +     +     -
            PUT /api/projects/{projectId}/snapshots/{asOf}           -    +   -     -   -     +     +     -
            POST /api/snapshots                                      -    +   -     -   -     +     +     -
            POST /api/imports/protrack                               -    +   -     -   -     +     +     -
            GET /api/portfolio                                       -    +   +     +   -     +     +     -
            GET /api/portfolio/report                                -    +   +     +   -     +     +     -
            GET /api/portfolio/history                               -    +   +     +   -     +     +     -
            GET /api/portfolio/conflicts                             -    +   +     +   -     +     +     -
            GET /api/portfolio/trend                                 -    +   +     +   -     +     +     -
            POST /api/portfolio/assessments                          -    -   -     +   -     +     -     -
            POST /api/jobs/{id}/resume                               -    -   -     +   -     +     -     -
            GET /api/jobs/{id}                                       -    -   -     +   +     +     -     -
            GET /api/rules                                           -    +   +     +   +     +     +     -
            GET /api/rules/status                                    -    +   +     +   +     +     +     -
            GET /api/rules/changes                                   -    -   -     -   +     +     -     -
            POST /api/rules/validate                                 -    -   -     -   +     +     -     -
            POST /api/rules/replay                                   -    -   -     -   +     +     -     -
            POST /api/rules/publish                                  -    -   -     -   +     +     -     -
            POST /api/rules/rollback/{version}                       -    -   -     -   +     +     -     -
            GET /api/audit                                           -    -   -     +   -     +     -     -
            GET /api/users                                           -    -   -     -   -     +     -     -
            GET /api/users/{name}                                    -    -   -     -   -     +     -     -
            POST /api/users                                          -    -   -     -   -     +     -     -
            PATCH /api/users/{name}                                  -    -   -     -   -     +     -     -
            GET /api/tokens                                          -    -   -     -   -     +     -     -
            POST /api/tokens                                         -    -   -     -   -     +     -     -
            DELETE /api/tokens/{id}                                  -    -   -     -   -     +     -     -
            DELETE /api/projects/{projectId}/snapshots/{asOf}        -    -   -     -   -     +     -     -
            DELETE /api/projects/{projectId}                         -    -   -     -   -     +     -     -
            """;
    /** Endpoints outside the application's request mappings (actuator), checked as well. */
    private static final List<String> NOT_MAPPED_HERE = List.of("GET /actuator/health");
    /** What each path variable is in the calls: ERP-2026 is pm's and the token's project, not pm.other's. */
    private static final Map<String, String> VARIABLES = Map.of("{projectId}", "ERP-2026", "{asOf}", "2026-11-20",
            "{id}", "no-such-id", "{version}", "no-such-version", "{name}", "pm");
    /** Bodies that reach the check of the project they are for, and are refused after it if at all. */
    private static final Map<String, String> BODIES = Map.of(
            "POST /api/snapshots", "[{\"projectId\": \"ERP-2026\", \"asOf\": \"2026-07-31\"}]",
            "POST /api/rules/validate", "{\"files\": 1}", "POST /api/rules/replay", "{\"files\": 1}",
            "POST /api/rules/publish", "{\"files\": 1}");

    private static RunningPulse pulse;
    private static final Map<String, Http> CALLERS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        pulse = RunningPulse.start("--pulse.demo.load=true");
        Http admin = pulse.http();
        assertThat(admin.post("/api/users", json("{\"name\": \"pm.other\", \"password\": \"other-password-1\","
                + " \"roles\": [\"PROJECT_MANAGER\"], \"projects\": [\"CRM-2026\"]}"), "application/json").status())
                .isEqualTo(201);
        String token = admin.post("/api/tokens", json("{\"name\": \"ERP export\", \"role\": \"PROJECT_MANAGER\","
                + " \"projects\": [\"ERP-2026\"]}"), "application/json").json().get("secret").asString();
        var expired = admin.post("/api/tokens", json("{\"name\": \"old report\", \"role\": \"PMO_LEAD\"}"),
                "application/json").json();
        pulse.bean(MongoTemplate.class).updateFirst(Query.query(Criteria.where("_id").is(expired.at("/token/id").asString())),
                new Update().set("expiresAt", Instant.now().minusSeconds(60)), "api_tokens");

        CALLERS.put("anon", admin.anonymous());
        CALLERS.put("pm", admin.as("pm", Http.ADMIN_PASSWORD));
        CALLERS.put("other", admin.as("pm.other", "other-password-1"));
        CALLERS.put("pmo", admin.as("pmo", Http.ADMIN_PASSWORD));
        CALLERS.put("coach", admin.as("coach", Http.ADMIN_PASSWORD));
        CALLERS.put("admin", admin);
        CALLERS.put("token", admin.bearer(token));
        CALLERS.put("expired", admin.bearer(expired.get("secret").asString()));
    }

    @AfterAll
    static void stop() {
        pulse.close();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The table: endpoint to the expected outcome for each caller, in the header's order. */
    private static Map<String, Map<String, Boolean>> table() {
        List<String> lines = MATRIX.lines().toList();
        List<String> callers = List.of(lines.get(0).trim().split("\\s+")).subList(1, 9);
        Map<String, Map<String, Boolean>> table = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            Map<String, Boolean> row = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                row.put(callers.get(i), cells[2 + i].equals("+"));
            }
            table.put(cells[0] + " " + cells[1], row);
        }
        return table;
    }

    /** Every method and path the application maps, as "METHOD /path/{variable}". */
    private static TreeSet<String> mappedEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>(NOT_MAPPED_HERE);
        pulse.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + pattern); // mapped for every method: the error page
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        });
        return endpoints;
    }

    @Test
    void everyEndpointHasADecisionForEveryCallerAndEveryCallerGetsIt() {
        Map<String, Map<String, Boolean>> table = table();
        assertThat(new TreeSet<>(table.keySet())).as("the table's rows against the application's mappings")
                .isEqualTo(mappedEndpoints());

        List<String> wrong = new ArrayList<>();
        List<String> order = new ArrayList<>(table.keySet());
        // deletions last, the week before its project, so that nothing a later call needs is gone
        order.sort(Comparator.comparing((String e) -> e.startsWith("DELETE")).thenComparing(e -> -e.length()));
        for (String endpoint : order) {
            for (var expected : table.get(endpoint).entrySet()) {
                int status = call(CALLERS.get(expected.getKey()), endpoint);
                boolean anonymous = expected.getKey().equals("anon") || expected.getKey().equals("expired");
                boolean right = expected.getValue() ? status != 401 && status != 403 && status < 500
                        : status == (anonymous ? 401 : 403);
                if (!right) {
                    wrong.add(endpoint + " as " + expected.getKey() + ": " + status);
                }
            }
        }
        assertThat(wrong).as("calls whose answer is not the table's").isEmpty();
    }

    @Test
    void aProjectManagerSeesOnlyTheirProjectsInEveryListReportAndCrossProjectView() {
        Http pm = CALLERS.get("pm");
        List<String> theirs = List.of("DATALAKE", "ERP-2026", "WAREHOUSE");
        List<String> others = List.of("ANALYTICS", "BILLING", "CLOUD-MIG", "CRM-2026", "MOBILE-APP", "SEC-UPGRADE");

        JsonNode portfolio = pm.get("/api/portfolio").json();
        assertThat(portfolio.get("projects")).extracting(p -> p.get("projectId").asString())
                .containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(portfolio.at("/summary/projects").asInt()).isEqualTo(3);
        others.forEach(other -> assertThat(portfolio.toString()).doesNotContain(other)); // top findings too
        others.forEach(other -> assertThat(pm.get("/api/projects").body()).doesNotContain(other));
        assertThat(pm.get("/api/projects").json()).extracting(p -> p.get("projectId").asString())
                .containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(iterable(pm.get("/api/portfolio/history").json().propertyNames())).containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(pm.get("/api/portfolio/trend?weeks=1").json().get(0).get("projects").asInt()).isEqualTo(3);
        for (String format : List.of("md", "csv", "html")) {
            String report = pm.get("/api/portfolio/report?format=" + format).body();
            assertThat(report).as(format).contains("ERP-2026");
            others.forEach(other -> assertThat(report).as(format).doesNotContain(other));
        }
        JsonNode whole = CALLERS.get("pmo").get("/api/portfolio/conflicts").json();
        JsonNode seen = pm.get("/api/portfolio/conflicts").json();
        assertThat(seen.size()).isPositive().isLessThanOrEqualTo(whole.size());
        for (JsonNode conflict : seen) {
            assertThat(conflict.get("projects")).extracting(JsonNode::asString)
                    .allMatch(p -> theirs.contains(p) || p.equals("another project"))
                    .anyMatch(theirs::contains);
            others.forEach(other -> assertThat(conflict.get("because").asString()).doesNotContain(other));
        }
        assertThat(seen.toString()).contains("another project");
        String sharedPerson = pm.get("/api/projects/WAREHOUSE/assessments/latest").body(); // a portfolio finding
        others.forEach(other -> assertThat(sharedPerson).doesNotContain(other));
        assertThat(sharedPerson).contains("another project");
        assertThat(CALLERS.get("pmo").get("/api/projects/WAREHOUSE/assessments/latest").body()).contains("CLOUD-MIG");
    }

    private static <T> List<T> iterable(java.util.Collection<T> values) {
        return List.copyOf(values);
    }

    private static int call(Http http, String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        if (method.equals("DELETE")) { // a project nobody in the other tests here looks at
            path = path.replace("{projectId}", "HR-PORTAL");
        }
        for (var v : VARIABLES.entrySet()) {
            path = path.replace(v.getKey(), v.getValue());
        }
        if (endpoint.equals("POST /api/imports/protrack")) {
            return http.send(method, path + "?projectId=ERP-2026", json("<not-a-project/>"), "Content-Type",
                    "application/xml").status();
        }
        byte[] body = method.equals("GET") || method.equals("DELETE") ? null : json(BODIES.getOrDefault(endpoint, "[]"));
        return body == null ? http.send(method, path, null).status()
                : http.send(method, path, body, "Content-Type", "application/json").status();
    }
}
