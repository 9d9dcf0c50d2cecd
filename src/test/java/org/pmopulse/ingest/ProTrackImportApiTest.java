package org.pmopulse.ingest;

import org.pmopulse.protrack.SmallProTrackFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload of a ProTrack file over HTTP, stored and assessed like sent snapshots. */
class ProTrackImportApiTest {
    private static RunningPulse pulse;
    private static Http http;

    @BeforeAll
    static void start() {
        pulse = RunningPulse.start();
        http = pulse.http();
    }

    @AfterAll
    static void stop() {
        pulse.close();
    }

    @Test
    void anUploadStoresAndAssessesEveryPeriodAndASecondUploadChangesNothing() {
        byte[] file = SmallProTrackFile.bytes();

        Http.Response first = http.post("/api/imports/protrack?fileName=small.p2x", file, "application/xml");
        Http.Response again = http.post("/api/imports/protrack?fileName=small.p2x", file, "application/xml");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("projectId").asString()).isEqualTo("SMALL");
        assertThat(first.json().get("periods").asInt()).isEqualTo(2);
        assertThat(first.json().at("/outcomes/CREATED").asInt()).isEqualTo(2);
        assertThat(first.json().get("notes").get(0).asString()).contains("later one is kept");
        assertThat(again.json().at("/outcomes/UNCHANGED").asInt()).isEqualTo(2);
        JsonNode latest = http.get("/api/projects/SMALL/assessments/latest").json();
        assertThat(latest.get("asOf").asString()).isEqualTo("2025-01-15");
        assertThat(latest.at("/indicators/ev").asDouble()).isEqualTo(4400);
    }

    @Test
    void aFileThatIsNotAProTrackProjectIsA422NamingTheBodyAndStoresNothing() {
        Http.Response notXml = http.post("/api/imports/protrack?fileName=x.p2x",
                "<Project><NAME>".getBytes(StandardCharsets.UTF_8), "application/xml");
        Http.Response badId = http.post("/api/imports/protrack?projectId=no%20spaces",
                "<Project/>".getBytes(StandardCharsets.UTF_8), "application/xml");

        assertThat(notXml.status()).isEqualTo(422);
        assertThat(notXml.json().at("/errors/0/field").asString()).isEqualTo("body");
        assertThat(notXml.json().get("detail").asString()).contains("x.p2x");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().at("/errors/0/field").asString()).isEqualTo("projectId");
        assertThat(http.get("/api/projects/X").status()).isEqualTo(404);
    }
}
