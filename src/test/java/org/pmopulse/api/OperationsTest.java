package org.pmopulse.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmopulse.support.Http;
import org.pmopulse.support.PulseTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, the rule catalogue and the OpenAPI description. */
@PulseTest
class OperationsTest {
    @LocalServerPort
    int port;
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void healthCoversMongoDbTheRuleSetAndTheModel() {
        JsonNode health = http.get("/actuator/health").json();

        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/rules/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/rules/details/version").asString()).startsWith("sha256:");
        assertThat(health.at("/components/forecast/details/mode").asString()).isIn("model", "rules only");
    }

    @ParameterizedTest(name = "{0} is a problem, not Tomcat's page")
    @ValueSource(strings = {"/api/projects/a%2Fb/snapshots", "/api/projects/a%00b", "/api/projects/a|b",
            "/api/projects/%zz", "/api/projects/a%5Cb", "/api/projects/a;b"})
    void whatTheServletContainerRefusesIsAProblemToo(String path) {
        Http.Response r = http.rawGet(path);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("path");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aPathLongerThanTheServerTakesIsAProblem() {
        Http.Response r = http.rawGet("/api/projects/" + "a".repeat(9_000));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("title").asString()).isEqualTo("Bad request");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndApiAnswersAreNotCached() {
        Http.Response api = http.get("/api/projects");
        Http.Response page = http.get("/");

        for (Http.Response r : new Http.Response[] {api, page}) {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        }
        assertThat(api.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Cache-Control")).isNull();
    }

    @Test
    void rulesStatusAndCatalogueDescribeTheLiveSet() {
        JsonNode status = http.get("/api/rules/status").json();
        JsonNode catalogue = http.get("/api/rules").json();

        assertThat(status.at("/live/rules").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(catalogue.get("version").asString()).isEqualTo(status.at("/live/version").asString());
        JsonNode first = catalogue.get("rules").get(0);
        assertThat(first.get("id").asString()).isNotBlank();
        assertThat(first.get("file").asString()).endsWith(".drl");
        assertThat(first.get("line").asInt()).isPositive();
    }

    @Test
    void theCatalogueCountsEachRulesScenarios() {
        JsonNode rules = http.get("/api/rules").json();

        assertThat(rules.get("folder").asString()).isNotBlank();
        assertThat(rules.get("rules")).allSatisfy(rule -> {
            assertThat(rule.get("firingScenarios").asInt()).as(rule.get("id").asString()).isPositive();
            assertThat(rule.get("nearMissScenarios").asInt()).as(rule.get("id").asString()).isPositive();
            assertThat(rule.get("protects").asString()).startsWith("Protects against");
        });
    }

    @Test
    void aBearerThatIsNeitherAPulseTokenNorAConfiguredJwtIsRefused() {
        Http.Response r = http.post("/api/rules/validate", "{\"files\": {}}".getBytes(StandardCharsets.UTF_8),
                "application/json", "Authorization", "Bearer guess");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("no JWT issuer is configured");
    }

    @Test
    void openApiDescribesTheEndpointsAndTheContracts() {
        JsonNode api = http.get("/v3/api-docs").json();

        assertThat(api.at("/paths").has("/api/projects/{projectId}/snapshots/{asOf}")).isTrue();
        assertThat(api.at("/paths").has("/api/snapshots")).isTrue();
        assertThat(api.at("/paths").has("/api/projects/{projectId}/history")).isTrue();
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.has("Snapshot")).isTrue();
        assertThat(schemas.has("Assessment")).isTrue();
        assertThat(schemas.at("/Baseline/properties").has("plannedValueCurve")).isTrue();
        assertThat(schemas.at("/Snapshot/required").toString()).contains("projectId").contains("asOf");
        assertThat(schemas.at("/Assessment/properties").has("recommendations")).isTrue();
    }
}
