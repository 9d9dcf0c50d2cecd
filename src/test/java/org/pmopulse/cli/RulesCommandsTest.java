package org.pmopulse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.support.Cli.Run;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.support.Cli.run;

/** Exit codes and messages of {@code rules test|validate|replay} a script can rely on. */
@ExpectedErrors({"org.drools.compiler.kie.builder.impl.KieProject"})
class RulesCommandsTest {
    @TempDir
    Path dir;

    private Path copy() throws IOException {
        Path rules = dir.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), rules);
        return rules;
    }

    @Test
    void aFailingScenarioIsListedWithItsReasonAndExit1() throws IOException {
        Path rules = copy();
        Path thresholds = rules.resolve("thresholds.yaml");
        Files.writeString(thresholds, Files.readString(thresholds).replace("cpi:\n    amber: 0.95", "cpi:\n    amber: 0.97"));

        Run run = run("rules", "test", rules.toString());

        assertThat(run.exit()).isEqualTo(PulseCli.FAILED);
        assertThat(run.out()).contains("FAIL  EW-CST-001 near miss: CPI 0.96 (920 000 / 960 000)  [scenarios/earlywarning/cost.yaml]")
                .contains("expected EW-CST-001 not to fire").contains(" passed, 1 failed");
    }

    @Test
    void aFolderThatDoesNotBuildFailsWithFileAndLine() throws IOException {
        Path rules = copy();
        Path cost = rules.resolve("earlywarning/cost.drl");
        Files.writeString(cost, Files.readString(cost).replace("$cpi : cpi,", "$cpi : cpi,,"));

        Run test = run("rules", "test", rules.toString());
        Run validate = run("rules", "validate", rules.toString());

        assertThat(test.exit()).isEqualTo(PulseCli.FAILED);
        assertThat(test.err()).contains("earlywarning/cost.drl:");
        assertThat(validate.exit()).isEqualTo(PulseCli.FAILED);
        assertThat(validate.out()).contains("ERROR earlywarning/cost.drl:").contains("NOT VALID");
    }

    @Test
    void theShippedFolderIsValid() {
        Run run = run("rules", "validate", "rules");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("valid: sha256:").contains("76 rules").contains("(0 failed)");
    }

    @Test
    void replayNeedsACandidateFolderAndAKnownOutputFormat() {
        assertThat(run("rules", "replay").exit()).isEqualTo(PulseCli.INVALID);
        assertThat(run("rules", "replay", "--rules", "rules", "--out", "x.txt").err()).contains(".json or .csv");
        assertThat(run("rules", "replay", "--rules", "rules", "--from", "soon").err()).contains("ISO date");
        assertThat(run("rules", "frobnicate").exit()).isEqualTo(PulseCli.INVALID);
    }

    @Test
    void aFolderThatDoesNotExistIsInvalidInputNamedAsSuch() {
        Path missing = dir.resolve("no-such-rules");

        for (Run run : List.of(run("rules", "test", missing.toString()), run("rules", "validate", missing.toString()),
                run("rules", "replay", "--rules", missing.toString()))) {
            assertThat(run.exit()).isEqualTo(PulseCli.INVALID);
            assertThat(run.err()).contains("no folder " + missing);
        }
    }
}
