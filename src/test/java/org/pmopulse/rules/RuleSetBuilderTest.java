package org.pmopulse.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExpectedErrors({"org.drools.compiler.kie.builder.impl.KieProject"})
class RuleSetBuilderTest {
    private static final RuleSources SHIPPED = RuleSources.read(Path.of("rules"));
    private final RuleSetBuilder builder = new RuleSetBuilder(Clock.systemUTC());

    @Test
    void buildsTheShippedRulesWithACompleteCatalogue() {
        RuleSet set = builder.build(SHIPPED);

        assertThat(set.catalogue()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(set.version()).startsWith("sha256:").hasSize(71);
        RuleInfo spi = set.rule("EW-SCH-001").orElseThrow();
        assertThat(spi.file()).isEqualTo("earlywarning/schedule.drl");
        assertThat(spi.line()).isPositive();
        assertThat(spi.pack()).isEqualTo("earlywarning");
        assertThat(spi.dimension()).isEqualTo(Dimension.SCHEDULE);
        assertThat(spi.thresholds()).contains("schedule.spi.amber", "schedule.spi.red");
    }

    @Test
    void aRuleFilesPackageMustBeItsFolderOrItsRulesWouldSilentlyDropOut() {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("earlywarning/cost.drl", files.get("earlywarning/cost.drl").replace("package earlywarning;",
                "package somewhere.else;"));
        files.put("loose.drl", "package loose;\n");

        assertThatThrownBy(() -> builder.build(new RuleSources("test", files)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("earlywarning/cost.drl");
                            assertThat(m.line()).isEqualTo(1);
                            assertThat(m.message()).contains("package earlywarning;");
                        })
                        .anySatisfy(m -> assertThat(m.file()).isEqualTo("loose.drl")));
    }

    @Test
    void portfolioRulesAndProjectRulesLiveInSeparateKieBases() {
        RuleSet set = builder.build(SHIPPED);

        // the project session never sees a portfolio rule and the portfolio session never a project rule: with no
        // facts, the project base's absence rules may fire, the portfolio base's never
        assertThat(set.evaluatePortfolio(java.util.List.of())).isEmpty();
        assertThat(set.evaluate(java.util.List.of())).noneMatch(f -> f.kind() == FindingKind.PORTFOLIO);
    }

    @Test
    void rejectsASyntaxErrorWithFileAndLine() {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("earlywarning/cost.drl", files.get("earlywarning/cost.drl").replace("then\n    boolean red", "then\n    boolean red ="));

        assertThatThrownBy(() -> builder.build(new RuleSources("test", files)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("earlywarning/cost.drl");
                            assertThat(m.line()).isPositive();
                            assertThat(m.level()).isEqualTo(RuleMessage.Level.ERROR);
                        }));
    }

    @Test
    void rejectsAThresholdKeyThatIsNotInTheThresholdsFile() {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("earlywarning/cost.drl", files.get("earlywarning/cost.drl").replace("\"cost.cpi.amber\"", "\"cost.cpi.ambr\""));

        assertThatThrownBy(() -> builder.build(new RuleSources("test", files)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("earlywarning/cost.drl");
                            assertThat(m.message()).contains("cost.cpi.ambr");
                            assertThat(m.line()).isGreaterThan(10);
                        }));
    }

    @Test
    void rejectsADuplicateRuleId() {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("earlywarning/cost.drl", files.get("earlywarning/cost.drl").replace("EW-CST-002 TCPI", "EW-CST-001 TCPI"));

        assertThatThrownBy(() -> builder.build(new RuleSources("test", files)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> assertThat(m.message()).contains("EW-CST-001")));
    }

    @Test
    void rejectsARuleWithoutIdOrMetadata() {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("earlywarning/extra.drl", """
                package earlywarning;
                import org.pmopulse.metrics.Indicators;
                rule "cpi is low"
                when
                    Indicators(cpi != null, cpi < 0.5)
                then
                end
                """);

        assertThatThrownBy(() -> builder.build(new RuleSources("test", files)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("earlywarning/extra.drl");
                            assertThat(m.line()).isEqualTo(3);
                            assertThat(m.message()).contains("stable id");
                        })
                        .anySatisfy(m -> assertThat(m.message()).contains("@dimension")));
    }

    @Test
    void rejectsAThresholdThatIsNotANumberWithItsLine() {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put(Thresholds.FILE, files.get(Thresholds.FILE).replace("highExposure: 2.0", "highExposure: high"));

        assertThatThrownBy(() -> builder.build(new RuleSources("test", files)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo(Thresholds.FILE);
                            assertThat(m.message()).contains("risk.highExposure");
                            assertThat(m.line()).isPositive();
                        }));
    }

    @Test
    void versionChangesWithAnyRuleFileAndIgnoresOrder() {
        Map<String, String> changed = new HashMap<>(SHIPPED.files());
        changed.put(Thresholds.FILE, changed.get(Thresholds.FILE) + "\n# a comment\n");

        assertThat(new RuleSources("x", new HashMap<>(SHIPPED.files())).version()).isEqualTo(SHIPPED.version());
        assertThat(new RuleSources("x", changed).version()).isNotEqualTo(SHIPPED.version());
    }

    @Test
    void portfolioRulesLiveInThePortfolioFolderAndNowhereElse() {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("earlywarning/cost.drl", files.get("earlywarning/cost.drl").replaceFirst("@kind\\(EARLY_WARNING\\)", "@kind(PORTFOLIO)"));
        files.put("portfolio/people.drl", files.get("portfolio/people.drl").replace("@kind(PORTFOLIO)", "@kind(EARLY_WARNING)"));

        assertThatThrownBy(() -> builder.build(new RuleSources("test", files)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RuleMessage::file).contains("earlywarning/cost.drl", "portfolio/people.drl"));
    }
}
