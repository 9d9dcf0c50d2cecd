package org.pmopulse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.support.Cli.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.support.Cli.run;
import static org.pmopulse.snapshot.TestSnapshots.bytes;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;

@ExpectedErrors({"org.drools.compiler.kie.builder.impl.KieProject", "org.pmopulse.rules.LiveRules"})
class PulseCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @TempDir
    Path dir;

    /** The JSON documents a command printed, one after another. */
    /** The assessments printed: one JSON document for one file, one JSON array for several. */
    private static List<JsonNode> documents(Run run) {
        JsonNode printed = JSON.readTree(run.out()); // fails on anything but a single JSON value
        List<JsonNode> documents = new ArrayList<>();
        if (printed.isArray()) {
            printed.forEach(documents::add);
        } else {
            documents.add(printed);
        }
        return documents;
    }

    @Test
    void aMistypedCommandIsToldSoAndDoesNotStartTheServer() {
        assertThat(PulseCli.handles(new String[] {"user", "list"})).isTrue();
        assertThat(PulseCli.handles(new String[] {"--server.port=9090"})).as("the server's settings").isFalse();
        assertThat(PulseCli.handles(new String[] {})).isFalse();

        Run typo = run("user", "list");

        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("user");
    }

    @Test
    void assessPrintsTheAssessmentOfASnapshotFile() {
        Run run = run("assess", "data/demo/ERP-2026_2026-11-20.json");

        assertThat(run.exit()).isZero();
        JsonNode assessment = documents(run).get(0);
        assertThat(assessment.get("projectId").asString()).isEqualTo("ERP-2026");
        assertThat(assessment.at("/health/rag").asString()).isIn("GREEN", "AMBER", "RED");
        assertThat(assessment.get("findings").size()).isPositive();
        assertThat(assessment.get("recommendations").size()).isPositive();
    }

    @Test
    void severalWeeksOfOneProjectAreAssessedWithTheirHistory() {
        Run run = run("assess", "data/demo/ERP-2026_2026-11-20.json", "data/demo/ERP-2026_2026-11-13.json",
                "data/demo/ERP-2026_2026-11-06.json");

        assertThat(JSON.readTree(run.out()).isArray()).isTrue();
        List<JsonNode> docs = documents(run);
        assertThat(docs).extracting(d -> d.get("asOf").asString())
                .containsExactly("2026-11-20", "2026-11-13", "2026-11-06");  // printed in the order given
        assertThat(docs.get(2).at("/health/previousScore").isMissingNode()).isTrue();
        assertThat(docs.get(0).at("/health/previousScore").asInt()).isEqualTo(docs.get(1).at("/health/score").asInt());
    }

    @Test
    void invalidInputGoesToStderrWithExitCode2() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.write(bad, bytes(with(load("full"), "progress.percentComplete", 250)));
        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "{ oops");

        Run run = run("assess", bad.toString(), notJson.toString(), "data/demo/CRM-2026_2026-11-20.json");

        assertThat(run.exit()).isEqualTo(PulseCli.INVALID);
        assertThat(run.err()).contains("bad.json: progress.percentComplete must be between 0 and 100, was 250.0");
        assertThat(run.err()).contains("not.json: the body is not valid JSON");
        assertThat(documents(run)).hasSize(1);  // the valid file is still assessed
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aMissingFileIsInvalidInput() {
        Run run = run("assess", dir.resolve("missing.json").toString());

        assertThat(run.exit()).isEqualTo(PulseCli.INVALID);
        assertThat(run.err()).contains("missing.json: cannot read");
    }

    @Test
    void aRuleSetThatDoesNotBuildIsAFailureWithItsErrors() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/thresholds.yaml"), "a: 1\n");

        Run run = run("assess", "--rules", dir.resolve("rules").toString(), "data/demo/CRM-2026_2026-11-20.json");

        assertThat(run.exit()).isEqualTo(PulseCli.FAILED);
        assertThat(run.err()).contains("does not build").contains("advice/playbook.yaml");
    }

    @Test
    void usageErrorsExplainTheCommands() {
        Run run = run("assess");

        assertThat(run.exit()).isEqualTo(PulseCli.INVALID);
        assertThat(run.err()).contains("usage:").contains("assess");
    }

    @Test
    void demoGenerateWritesThePortfolio() {
        Run run = run("demo", "generate", dir.resolve("demo").toString(), "--seed", "7");

        assertThat(run.exit()).isZero();
        assertThat(dir.resolve("demo").toFile().list()).hasSize(160);
    }
}
