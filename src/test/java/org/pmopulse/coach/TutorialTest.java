package org.pmopulse.coach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.support.Cli;
import org.pmopulse.support.Cli.Run;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Add a rule in ten minutes" in rules/README.md, step by step: the files are taken from the README itself, and
 * each command runs (the curl calls as the same HTTP requests, the zip made in Java).
 */
class TutorialTest {
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- tutorial-(file|append): (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void addingARuleTheWayTheTutorialSaysWorksFromTestToRollback() throws Exception {
        Path live = work.resolve("rules");
        Path candidate = work.resolve("candidate");
        Path data = work.resolve("var");
        FileSystemUtils.copyRecursively(Path.of("rules"), live);
        FileSystemUtils.copyRecursively(Path.of("rules"), candidate);                  // step 0
        int blocks = 0;
        Matcher m = BLOCK.matcher(Files.readString(Path.of("rules/README.md")));
        while (m.find()) {                                                             // steps 1-4
            Path file = candidate.resolve(m.group(2));
            Files.createDirectories(file.getParent());
            String content = m.group(1).equals("append") ? Files.readString(file) + m.group(3) : m.group(3);
            Files.writeString(file, content);
            blocks++;
        }
        assertThat(blocks).isEqualTo(4);

        Run test = Cli.run("rules", "test", candidate.toString());                        // step 5
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("PASS  EW-ISS-001 fires: four HIGH issues open, limit 3")
                .contains("PASS  EW-ISS-001 near miss").contains(" passed, 0 failed");

        Run validate = Cli.run("rules", "validate", candidate.toString());                // step 6
        assertThat(validate.exit()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("valid: sha256:").contains("77 rules");

        try (RunningPulse pulse = start(live, data)) {                                // a database with the demo
            assertThat(pulse.http().get("/api/projects").json().size()).isEqualTo(10);
        }
        Path csv = work.resolve("replay.csv");
        System.setProperty("pulse.data-dir", data.toString());
        System.setProperty("pulse.rules-dir", live.toString());
        try {                                                                          // step 7, command line
            Run replay = Cli.run("rules", "replay", "--rules", candidate.toString(), "--out", csv.toString());
            assertThat(replay.exit()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("10 projects, 120 project-weeks replayed");
            assertThat(Files.readAllLines(csv).get(0)).startsWith("projectId,week,asOf,scoreBefore");
        } finally {
            System.clearProperty("pulse.data-dir");
            System.clearProperty("pulse.rules-dir");
        }

        byte[] zip = zip(candidate);
        try (RunningPulse pulse = start(live, data)) {
            Http http = pulse.http().as("coach", Http.ADMIN_PASSWORD); // the demo's coach
            String before = http.get("/api/rules/status").json().at("/live/version").asString();

            Http.Response replay = http.post("/api/rules/replay", zip, "application/zip"); // step 7, HTTP
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            assertThat(replay.json().get("projectWeeks").asInt()).isEqualTo(120);

            JsonNode published = http.post("/api/rules/publish?comment=Flag+issue+pile-ups", zip,       // step 8
                    "application/zip").json();
            assertThat(published.get("versionBefore").asString()).isEqualTo(before);
            assertThat(Files.readString(live.resolve("earlywarning/issues.drl"))).contains("EW-ISS-001");
            JsonNode rule = null;
            for (JsonNode r : http.get("/api/rules").json().get("rules")) {
                if (r.get("id").asString().equals("EW-ISS-001")) {
                    rule = r;
                }
            }
            assertThat(rule).isNotNull();
            assertThat(rule.get("firingScenarios").asInt()).isEqualTo(1);
            assertThat(rule.get("nearMissScenarios").asInt()).isEqualTo(1);

            assertThat(http.get("/api/rules/changes").json().get(0).get("comment").asString())   // step 9
                    .isEqualTo("Flag issue pile-ups");
            Http.Response rollback = http.post("/api/rules/rollback/" + before, new byte[0], "application/json");
            assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
            assertThat(live.resolve("earlywarning/issues.drl")).doesNotExist();
            assertThat(http.get("/api/rules/status").json().at("/live/version").asString()).isEqualTo(before);
        }
    }

    private static RunningPulse start(Path rules, Path data) {
        return RunningPulse.start("--pulse.rules-dir=" + rules, "--pulse.data-dir=" + data,
                "--pulse.embedded-mongo.persistent=true", "--pulse.demo.load=true");
    }

    /** What {@code cd /tmp/candidate && zip -qr /tmp/candidate.zip .} makes. */
    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
