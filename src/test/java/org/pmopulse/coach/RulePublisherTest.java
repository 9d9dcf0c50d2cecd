package org.pmopulse.coach;

import org.pmopulse.access.AuditLog;
import org.pmopulse.access.Caller;
import org.pmopulse.access.Role;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.portfolio.PortfolioWeeks;
import org.pmopulse.portfolio.ProjectStore;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.support.ExpectedErrors;
import org.pmopulse.support.InMemoryMongo;
import org.pmopulse.system.ConflictException;
import org.pmopulse.system.PulseProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher on a rules folder, the sandbox worker and the embedded MongoDB, without the web application. */
@ExpectedErrors("org.drools.compiler.kie.builder.impl.KieProject")
class RulePublisherTest {
    private static final Caller ANNA = new Caller("coach.anna", Set.of(Role.COACH), Set.of(), null, Caller.Via.PASSWORD);
    @TempDir
    Path rulesDir;
    private InMemoryMongo mongo;
    private LiveRules rules;
    private RuleChangeLog log;
    private RulePublisher publisher;

    @BeforeEach
    void start() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules"), rulesDir);
        mongo = new InMemoryMongo();
        Clock clock = Clock.systemUTC();
        rules = new LiveRules(rulesDir, clock);
        rules.load();
        log = new RuleChangeLog(mongo.template(), rules, reason -> Optional.empty(), clock);
        log.listen();
        PulseProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("pulse", PulseProperties.class);
        ReplayService replay = new ReplayService(new SnapshotStore(mongo.template(), clock),
                new ProjectStore(mongo.template()), new PortfolioWeeks(mongo.template()),
                new AssessmentStore(mongo.template()), new Assessor(Forecaster.rulesOnly("not needed here"), clock));
        publisher = new RulePublisher(rules, new CandidateSandbox(defaults), replay, log, new AuditLog(mongo.template(), clock));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private Map<String, String> scopeRenamed() throws IOException {
        String scope = Files.readString(rulesDir.resolve("earlywarning/scope.drl"));
        return Map.of("earlywarning/scope.drl", scope.replace("Scope churn", "Scope keeps changing"));
    }

    @Test
    void aPublishWritesTheFolderPutsTheBuildLiveAndIsLoggedOnce() throws IOException {
        String before = rules.current().version();

        RuleChange change = publisher.publish(scopeRenamed(), ANNA, "clearer title");

        assertThat(Files.readString(rulesDir.resolve("earlywarning/scope.drl"))).contains("Scope keeps changing");
        assertThat(rules.current().version()).isEqualTo(change.versionAfter()).isNotEqualTo(before);
        assertThat(log.changes()).extracting(RuleChange::kind)
                .containsExactly(RuleChange.Kind.PUBLISH, RuleChange.Kind.FILE_SYSTEM);
        assertThat(log.changes().get(0).versionBefore()).isEqualTo(before).isEqualTo(log.changes().get(1).versionAfter());
        assertThat(log.changes().get(1).comment()).isEqualTo("first rule set Pulse has seen");
        assertThat(log.liveVersion()).contains(change.versionAfter());
        assertThatThrownBy(() -> publisher.publish(scopeRenamed(), ANNA, "again"))
                .isInstanceOf(NothingToPublishException.class);
    }

    @Test
    void whenAnotherInstancePutOtherRulesLiveThePublishIsRefusedAndNothingIsWritten() throws IOException {
        String scope = Files.readString(rulesDir.resolve("earlywarning/scope.drl"));
        log.claim(rules.current().version(), "sha256:published-by-another-instance");

        assertThatThrownBy(() -> publisher.publish(scopeRenamed(), ANNA, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("validate it again");
        assertThat(Files.readString(rulesDir.resolve("earlywarning/scope.drl"))).isEqualTo(scope);
        assertThat(log.changes()).hasSize(1);
    }
}
