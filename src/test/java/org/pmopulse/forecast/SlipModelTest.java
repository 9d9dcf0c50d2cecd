package org.pmopulse.forecast;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.forecast.training.Candidates;
import org.pmopulse.forecast.training.NestedEvaluation;
import org.pmopulse.forecast.training.SimulatedProjects;
import org.pmopulse.forecast.training.TrainingRow;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.protrack.SmallProTrackFile;
import org.pmopulse.snapshot.Snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast's factors speak the contract's units and words, and say when the model is outside what it knows. */
class SlipModelTest {
    private static SlipModel trained;

    @BeforeAll
    static void train() {
        List<TrainingRow> rows = SimulatedProjects.rows(16, 3);
        var data = new NestedEvaluation.Data(rows, Map.of());
        var all = new TreeSet<>(data.projects());
        var choice = NestedEvaluation.choose(data, all, Candidates.standard());
        // switched on in full whatever the inner choice, so that every feature can move the forecast
        var on = new NestedEvaluation.Choice(Candidates.standard().get(0), 1.0, choice.quantiles(), 0, Map.of());
        trained = NestedEvaluation.fit(data, all, on, "test");
    }

    private static SlipModel withRange(String feature, double low, double high) {
        ModelCard c = trained.card();
        Map<String, List<Double>> ranges = new LinkedHashMap<>(c.featureRange());
        ranges.put(feature, List.of(low, high));
        return new SlipModel(trained.model(), new ModelCard(c.name(), c.trainer(), c.target(), c.features(),
                c.featureReference(), ranges, c.shrinkage(), c.residualQuantiles(), c.trainingData(), c.evaluation(),
                c.provenance()), "test");
    }

    private static Forecast forecast(SlipModel model) {
        Snapshot s = SmallProTrackFile.project().snapshots().get(0);
        return model.forecast(s, EarnedValue.of(s), List.of());
    }

    @Test
    void featuresAreNamedInWordsAndShownInTheContractsUnits() {
        assertThat(SlipFeatures.MEANINGS.keySet()).containsAll(SlipFeatures.NAMES);
        assertThat(SlipFeatures.MEANINGS.get("percentComplete").show(0.91, 100)).isEqualTo(91);
        assertThat(SlipFeatures.MEANINGS.get("percentComplete").format(0.91, 100)).isEqualTo("91 %");
        assertThat(SlipFeatures.MEANINGS.get("spiT").words()).contains("schedule performance in time (SPI(t)");
        assertThat(SlipFeatures.MEANINGS.get("logEs1").format(Math.log(1.1), 100)).isEqualTo("110 days");
        assertThat(SlipFeatures.MEANINGS.get("elapsed").format(0.5, 100)).isEqualTo("50 %");
    }

    @Test
    void aValueOutsideTheTrainingRangeIsClampedAndSaidSo() {
        // the small project's first snapshot is 54.5 % complete; pretend the model only ever saw 90-100 %
        SlipModel narrow = withRange("percentComplete", 0.9, 1.0);

        Forecast f = forecast(narrow);

        assertThat(f.available()).isTrue();
        Forecast.Factor flagged = f.mainFactors().stream().filter(Forecast.Factor::outsideTrainingRange)
                .findFirst().orElseThrow();
        assertThat(flagged.feature()).isEqualTo("percentComplete");
        assertThat(flagged.name()).isEqualTo("percent complete (earned value / budget)");
        assertThat(flagged.unit()).isEqualTo("%");
        assertThat(flagged.value()).isBetween(54.0, 55.0);
        assertThat(flagged.explanation()).containsPattern("is 5[45] %").contains("outside").contains("90 % to 100 %")
                .contains("read it as 90 %");
        assertThat(narrow.read(Map.of("percentComplete", 0.5455)).values()).containsEntry("percentComplete", 0.9);
    }

    @Test
    void withinTheTrainingRangeNothingIsFlaggedAndFactorsAreInWords() {
        Forecast f = forecast(trained);

        assertThat(f.mainFactors()).noneMatch(Forecast.Factor::outsideTrainingRange);
        assertThat(f.mainFactors().get(0).feature()).isEqualTo("earnedSchedule");
        assertThat(f.mainFactors().get(0).unit()).isEqualTo("days");
        assertThat(f.mainFactors()).allSatisfy(factor -> {
            assertThat(factor.name()).isNotBlank().isNotEqualTo(factor.feature());
            assertThat(factor.effect()).matches("[+-]\\d+ days");
            if (factor.unit().equals("%")) {
                assertThat(factor.value()).isBetween(0.0, 100.0 * 3);
                assertThat(factor.explanation()).contains(" %");
            }
        });
        assertThat(f.range80().get(0)).isLessThanOrEqualTo(f.expectedSlipDays());
        assertThat(f.range80().get(1)).isGreaterThanOrEqualTo(f.expectedSlipDays());
    }
}
