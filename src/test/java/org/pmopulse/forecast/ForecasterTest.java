package org.pmopulse.forecast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.metrics.Indicators;
import org.pmopulse.system.PulseJson;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loading and forecasting mechanism, on a small model this test trains itself on a synthetic rule
 * (slip grows as SPI(t) falls). Nothing trained here ships; the real model is trained by its own command.
 */
class ForecasterTest {
    @TempDir
    Path dir;

    private static Indicators indicators(double spiT, double elapsed) {
        double pd = 300;
        double at = elapsed * pd;
        return new Indicators(1e6, null, null, null, 100 * spiT * elapsed, null, null, spiT, 1.0, null, null, pd, at,
                spiT * at, spiT * at - at, spiT, null, null);
    }

    private Path trainTinyModel() throws IOException {
        var factory = new RegressionFactory();
        var data = new MutableDataset<Regressor>(new SimpleDataSourceProvenance("synthetic test data", factory), factory);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 400; i++) {
            double spiT = 0.6 + 0.5 * random.nextDouble();
            double elapsed = 0.1 + 0.8 * random.nextDouble();
            Map<String, Double> features = SlipFeatures.extract(indicators(spiT, elapsed), List.of());
            double target = Math.log(1 + (1 - spiT) * 0.8);
            data.add(new ArrayExample<>(new Regressor("logDurationRatio", target),
                    features.keySet().toArray(String[]::new), features.values().stream().mapToDouble(d -> d).toArray()));
        }
        var model = new CARTRegressionTrainer(6).train(data);
        Path file = dir.resolve("slip-model.tribuo");
        model.serializeToFile(file);
        ModelCard card = new ModelCard("slip-test", "2026-11-23", "CART depth 6", "log(real/planned duration)",
                SlipFeatures.NAMES, Map.of("spiT", 1.0, "spi", 1.0, "elapsed", 0.5, "percentComplete", 0.5, "cpi", 1.0,
                "esDurationRatio", 1.0), List.of(-0.1, -0.05, 0.0, 0.02, 0.05, 0.1, 0.2), "synthetic", Map.of(), Map.of());
        Files.writeString(dir.resolve("slip-model.card.json"), PulseJson.mapper().writeValueAsString(card));
        return file;
    }

    @Test
    void withoutAModelFileTheForecastSaysWhy() {
        Forecaster forecaster = Forecaster.load(dir.resolve("slip-model.tribuo"));

        Forecast f = forecaster.forecast(indicators(0.8, 0.5), List.of(), LocalDate.of(2026, 1, 1));

        assertThat(f.available()).isFalse();
        assertThat(f.reason()).contains("no model file").contains("rules alone");
        assertThat(forecaster.model()).isEmpty();
    }

    @Test
    void aCorruptModelFileLeavesPulseOnRulesAlone() throws IOException {
        Files.write(dir.resolve("slip-model.tribuo"), new byte[] {1, 2, 3, 4, 5});
        Files.writeString(dir.resolve("slip-model.card.json"), "{}");

        Forecaster forecaster = Forecaster.load(dir.resolve("slip-model.tribuo"));

        assertThat(forecaster.model()).isEmpty();
        assertThat(forecaster.unavailableReason().orElseThrow()).contains("could not be loaded");
    }

    @Test
    void aModelWithoutItsCardIsNotUsed() throws IOException {
        Path file = trainTinyModel();
        Files.delete(dir.resolve("slip-model.card.json"));

        assertThat(Forecaster.load(file).unavailableReason().orElseThrow()).contains("card");
    }

    @Test
    void forecastsSlipWithARangeProbabilityAndMainFactors() throws IOException {
        Forecaster forecaster = Forecaster.load(trainTinyModel());
        LocalDate start = LocalDate.of(2026, 1, 1);

        Forecast behind = forecaster.forecast(indicators(0.7, 0.5), List.of(), start);
        Forecast onTrack = forecaster.forecast(indicators(1.0, 0.5), List.of(), start);

        assertThat(behind.available()).isTrue();
        assertThat(behind.model()).startsWith("slip-test (sha256:");
        assertThat(behind.expectedSlipDays()).isGreaterThan(onTrack.expectedSlipDays());
        assertThat(behind.range80().get(0)).isLessThanOrEqualTo(behind.expectedSlipDays());
        assertThat(behind.range80().get(1)).isGreaterThanOrEqualTo(behind.expectedSlipDays());
        assertThat(behind.probabilityLate()).isBetween(0.0, 1.0);
        assertThat(behind.finish()).isEqualTo(start.plusDays(300 + behind.expectedSlipDays()));
        assertThat(behind.mainFactors()).isNotEmpty();
        assertThat(behind.mainFactors().get(0).effect()).matches("[+-]\\d+ days");
    }

    @Test
    void aSnapshotWithoutBaselineGetsNoForecast() throws IOException {
        Forecaster forecaster = Forecaster.load(trainTinyModel());

        assertThat(forecaster.forecast(Indicators.none(), List.of(), null).reason()).contains("baseline");
    }
}
