package org.pmopulse.rules;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExpectedErrors({"org.drools.compiler.kie.builder.impl.KieProject", "org.pmopulse.rules.LiveRules"})
class LiveRulesTest {
    @TempDir
    Path dir;
    private LiveRules rules;

    @BeforeEach
    void copyShippedRules() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules"), dir);
        rules = new LiveRules(dir, Clock.systemUTC());
    }

    /** Editors keep the size sometimes; bump the time so the change is always visible to the fingerprint. */
    private void write(String file, String content) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, content);
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(5)));
    }

    @Test
    void loadsTheFolderOnFirstLook() {
        assertThat(rules.refreshIfChanged()).isTrue();
        assertThat(rules.current().catalogue()).isNotEmpty();
        assertThat(rules.refreshIfChanged()).isFalse();
    }

    @Test
    void aBrokenFileIsRejectedWithFileAndLineAndThePreviousSetStaysLive() throws IOException {
        rules.refreshIfChanged();
        String version = rules.current().version();
        String cost = Files.readString(dir.resolve("earlywarning/cost.drl"));

        write("earlywarning/cost.drl", cost.replace("Indicators($cpi : cpi,", "Indicators($cpi : cpi,,"));

        assertThat(rules.refreshIfChanged()).isFalse();
        assertThat(rules.current().version()).isEqualTo(version);
        LiveRules.Rejection rejection = rules.lastRejection().orElseThrow();
        assertThat(rejection.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("earlywarning/cost.drl");
            assertThat(e.line()).isPositive();
        });

        write("earlywarning/cost.drl", cost.replace("CPI below band", "CPI under band"));

        assertThat(rules.refreshIfChanged()).isTrue();
        assertThat(rules.current().version()).isNotEqualTo(version);
        assertThat(rules.current().rule("EW-CST-001").orElseThrow().title()).isEqualTo("CPI under band");
        assertThat(rules.lastRejection()).isEmpty();
    }

    @Test
    void aBrokenFolderAtStartLeavesNoRuleSetAndSaysWhy() throws IOException {
        write("thresholds.yaml", "schedule: [unclosed");

        rules.refreshIfChanged();

        assertThatThrownBy(rules::current).isInstanceOf(NoRuleSetException.class).hasMessageContaining("thresholds.yaml");
    }

    @Test
    void aMissingFolderIsReportedNotThrown() {
        LiveRules missing = new LiveRules(dir.resolve("nope"), Clock.systemUTC());

        missing.refreshIfChanged();

        assertThat(missing.live()).isEmpty();
        assertThat(missing.lastRejection().orElseThrow().errors().get(0).message()).contains("does not exist");
    }

    @Test
    void scenariosAndDocumentationAreNotPartOfTheRuleSet() throws IOException {
        rules.refreshIfChanged();
        String version = rules.current().version();
        Files.createDirectories(dir.resolve("scenarios"));
        write("scenarios/new.yaml", "given: {}");
        write("README.md", "# changed");

        rules.refreshIfChanged();

        assertThat(rules.current().version()).isEqualTo(version);
    }
}
