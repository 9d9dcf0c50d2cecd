package org.pmopulse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar's command line, run as a user runs it: {@code java -jar target/pulse.jar assess FILE}, a replay. */
class PackagedJarIT {
    private static final Path JAR = Path.of("target/pulse.jar");
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void assessPrintsOnlyTheAssessmentJsonOnStdout() throws Exception {
        Result r = run("assess", "data/demo/MOBILE-APP_2026-11-20.json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode assessment = JsonMapper.builder().build().readTree(r.out());
        assertThat(assessment.get("projectId").asString()).isEqualTo("MOBILE-APP");
        assertThat(assessment.get("findings").toString()).contains("EW-WML-001");
        assertThat(r.out()).doesNotContain("Tomcat").doesNotContain("Started");
    }

    /**
     * A replay judges projects on the common pool's threads; in the jar those threads could not find the Drools
     * runtime, which only a run of the jar itself shows. While a server holds the data folder, the command says so
     * in one line (the jar's own logging setting, which the tests in the build do not use).
     */
    @Test
    void aReplayOfACandidateOverTheDemoPortfolioRunsFromTheJar() throws Exception {
        Path data = dir.resolve("var");
        // the data folder a first start of the server leaves: the demo portfolio, assessed
        try (RunningPulse first = RunningPulse.start("--pulse.data-dir=" + data, "--pulse.embedded-mongo.persistent=true",
                "--pulse.demo.load=true")) {
            assertThat(first.http().get("/api/projects").json().size()).isEqualTo(10);

            Result whileServed = run(Map.of("PULSE_DATA_DIR", data.toString()), "rules", "replay", "--rules", "rules");

            // the reason in one line, not after Spring's start-failure block saying the same
            assertThat(whileServed.exit()).isEqualTo(1);
            assertThat(whileServed.err().strip().lines()).singleElement().asString()
                    .startsWith("pulse: replay failed: The data folder " + data).contains("is in use by another Pulse");
        }

        Result r = run(Map.of("PULSE_DATA_DIR", data.toString()), "rules", "replay", "--rules", "rules");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("10 projects, 120 project-weeks replayed");
    }

    @Test
    void invalidInputExitsWith2AndExplainsOnStderr() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"projectId\": \"X\", \"asOf\": \"2026-13-01\"}");

        Result r = run("assess", bad.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("asOf").contains("2026-13-01");
        assertThat(r.out()).isBlank();
    }
}
