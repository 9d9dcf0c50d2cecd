package org.pmopulse.coach;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.support.InMemoryMongo;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change log as two instances of Pulse see it when they share one rules folder and one database: each
 * change is logged once, by whoever records the new live version first.
 */
class RuleChangeLogTest {
    @TempDir
    Path rulesDir;
    private InMemoryMongo mongo;

    @BeforeEach
    void copyRules() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules"), rulesDir);
        mongo = new InMemoryMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    /** One instance: its live rules on the shared folder, its change log on the shared database. */
    private record Instance(LiveRules rules, RuleChangeLog log) {}

    private Instance start() {
        LiveRules rules = new LiveRules(rulesDir, Clock.systemUTC());
        rules.load();
        RuleChangeLog log = new RuleChangeLog(mongo.template(), rules, reason -> Optional.empty(), Clock.systemUTC());
        log.listen();
        return new Instance(rules, log);
    }

    private List<RuleChange.Kind> kinds(Instance i) {
        return i.log().changes().stream().map(RuleChange::kind).toList();
    }

    @Test
    void aHandEditSeenByTwoInstancesIsLoggedOnce() throws IOException {
        Instance a = start();
        Instance b = start();
        assertThat(kinds(a)).containsExactly(RuleChange.Kind.FILE_SYSTEM); // the first rule set, once

        Path risk = rulesDir.resolve("earlywarning/risk.drl");
        Files.writeString(risk, Files.readString(risk).replace("Risk review overdue", "Risk review late"));
        a.rules().load();
        b.rules().load();

        List<RuleChange> changes = a.log().changes();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).versionAfter()).isEqualTo(a.rules().current().version())
                .isEqualTo(b.rules().current().version());
        assertThat(changes.get(0).versionBefore()).isEqualTo(changes.get(1).versionAfter());
        assertThat(a.log().liveVersion()).contains(a.rules().current().version());
    }

    @Test
    void aPublisherThatClaimsTheNewVersionFirstIsTheOnlyOneToLogIt() {
        Instance a = start();
        Instance b = start();
        String live = a.rules().current().version();

        assertThat(a.log().claim(live, "sha256:next")).isTrue();
        assertThat(b.log().claim(live, "sha256:other")).as("the second publisher from the same version").isFalse();
        assertThat(b.log().liveVersion()).contains("sha256:next");
    }
}
