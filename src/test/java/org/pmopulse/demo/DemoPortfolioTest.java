package org.pmopulse.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.assessment.Health;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSources;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.system.PulseJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPortfolioTest {
    private static final Path DEMO = Path.of("data/demo");
    private static List<Snapshot> portfolio;
    private static Map<String, Assessment> lastWeek;

    @BeforeAll
    static void assessThePortfolio() {
        portfolio = new DemoPortfolioGenerator(DemoPortfolioGenerator.DEFAULT_SEED).generate();
        RuleSet rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));
        Assessor assessor = new Assessor(Forecaster.load(Path.of("no-model-here")), Clock.systemUTC());
        Map<String, List<Snapshot>> earlier = new HashMap<>();
        Map<String, Health.Previous> previous = new HashMap<>();
        lastWeek = new HashMap<>();
        for (Snapshot s : portfolio) {
            List<Snapshot> before = earlier.computeIfAbsent(s.projectId(), p -> new ArrayList<>());
            List<Snapshot> mostRecentFirst = new ArrayList<>(before);
            Collections.reverse(mostRecentFirst);
            Assessment a = assessor.assess(rules, s, mostRecentFirst, previous.get(s.projectId()));
            before.add(s);
            previous.put(s.projectId(), new Health.Previous(a.health().score(), a.health().rag()));
            lastWeek.put(s.projectId(), a);
        }
    }

    @Test
    void theCommittedFilesAreExactlyWhatTheGeneratorWritesWithTheDefaultSeed() throws IOException {
        try (var files = Files.list(DEMO)) {
            assertThat(files.count()).isEqualTo(portfolio.size());
        }
        for (Snapshot s : portfolio) {
            Path file = DEMO.resolve(s.projectId() + "_" + s.asOf() + ".json");
            assertThat(Files.readAllBytes(file)).as(file.toString())
                    .isEqualTo(PulseJson.prettyMapper().writeValueAsBytes(s));
        }
    }

    @Test
    void tenProjectsOverSixteenWeeksWithMixedMethodologies() {
        Map<String, Long> weeks = portfolio.stream().collect(Collectors.groupingBy(Snapshot::projectId, Collectors.counting()));
        assertThat(weeks).hasSizeGreaterThanOrEqualTo(10).allSatisfy((p, n) -> assertThat(n).isGreaterThanOrEqualTo(16));
        assertThat(portfolio.stream().map(Snapshot::methodology).distinct())
                .containsExactlyInAnyOrder(Methodology.WATERFALL, Methodology.AGILE, Methodology.HYBRID);
    }

    @Test
    void healthyProjectsAreGreenWithFewFindings() {
        for (String id : List.of("CRM-2026", "HR-PORTAL", "SEC-UPGRADE")) {
            assertThat(lastWeek.get(id).health().rag()).as(id).isEqualTo(Rag.GREEN);
            assertThat(lastWeek.get(id).findings()).as(id).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void failingProjectsAreRedWithFindingsAcrossSeveralDimensions() {
        for (String id : List.of("ERP-2026", "BILLING", "ANALYTICS")) {
            Assessment a = lastWeek.get(id);
            assertThat(a.health().rag()).as(id).isEqualTo(Rag.RED);
            assertThat(a.findings().stream().map(f -> f.dimension()).distinct().count()).as(id).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theWatermelonsAreCaught() {
        for (String id : List.of("MOBILE-APP", "CLOUD-MIG")) {
            Assessment a = lastWeek.get(id);
            assertThat(a.findings()).as(id).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("EW-WML-001"));
            assertThat(a.health().rag()).as(id).isEqualTo(Rag.RED);
        }
    }

    @Test
    void recoveringProjectsImprove() {
        for (String id : List.of("DATALAKE", "WAREHOUSE")) {
            List<Snapshot> weeks = portfolio.stream().filter(s -> s.projectId().equals(id))
                    .sorted(Comparator.comparing(Snapshot::asOf)).toList();
            assertThat(lastWeek.get(id).indicators().spiT())
                    .as(id).isGreaterThan(EarnedValue.of(weeks.get(5)).spiT());
        }
    }
}
