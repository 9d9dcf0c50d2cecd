package org.pmopulse.forecast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.metrics.Indicators;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.system.PulseJson;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Loading the model safely, and the committed model forecasting demo projects. */
class ForecasterTest {
    private static final Path COMMITTED = Path.of("models", Forecaster.DEFAULT_MODEL_FILE);

    @TempDir
    Path dir;

    private static Snapshot demo(String file) throws IOException {
        return new SnapshotReader().read(Files.readAllBytes(Path.of("data/demo", file)));
    }

    private static Forecast forecast(Forecaster forecaster, Snapshot s) {
        return forecaster.forecast(s, EarnedValue.of(s), List.of());
    }

    private Path copyOfCommittedModel() throws IOException {
        Path model = dir.resolve(Forecaster.DEFAULT_MODEL_FILE);
        Files.copy(COMMITTED, model);
        Files.copy(Forecaster.cardOf(COMMITTED), Forecaster.cardOf(model));
        return model;
    }

    @Test
    void withoutAModelFileTheForecastSaysWhy() throws IOException {
        Forecaster forecaster = Forecaster.load(dir.resolve("slip-model.tribuo"));

        Forecast f = forecast(forecaster, demo("ERP-2026_2026-11-20.json"));

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
        Path model = copyOfCommittedModel();
        Files.delete(Forecaster.cardOf(model));

        assertThat(Forecaster.load(model).unavailableReason().orElseThrow()).contains("card");
    }

    @Test
    void aModelTrainedForAnotherTargetIsRefused() throws IOException {
        Path model = copyOfCommittedModel();
        ObjectNode card = (ObjectNode) PulseJson.mapper().readTree(Files.readString(Forecaster.cardOf(model)));
        card.put("target", "log(real duration / planned duration)");
        Files.writeString(Forecaster.cardOf(model), card.toString());

        assertThat(Forecaster.load(model).unavailableReason().orElseThrow()).contains("does not fit")
                .contains("target");
    }

    @Test
    void theCommittedModelForecastsADemoProjectWithARangeTheChanceOfLatenessAndItsMainFactors() throws IOException {
        Forecaster forecaster = Forecaster.load(COMMITTED);
        Snapshot failing = demo("ERP-2026_2026-11-20.json");
        Snapshot healthy = demo("HR-PORTAL_2026-11-20.json");

        Forecast late = forecast(forecaster, failing);
        Forecast onTime = forecast(forecaster, healthy);

        assertThat(late.available()).as(String.valueOf(late.reason())).isTrue();
        assertThat(late.model()).startsWith("slip-forest-all-features (sha256:");
        assertThat(late.expectedSlipDays()).isGreaterThan(onTime.expectedSlipDays());
        // the demo sends no task network: the model must read that as "typical", not as an extreme
        assertThat(late.expectedSlipDays()).isPositive();
        assertThat(late.probabilityLate()).isGreaterThan(0.5);
        assertThat(late.range80().get(0)).isLessThanOrEqualTo(late.expectedSlipDays());
        assertThat(late.range80().get(1)).isGreaterThanOrEqualTo(late.expectedSlipDays());
        assertThat(late.probabilityLate()).isBetween(0.0, 1.0).isGreaterThan(onTime.probabilityLate());
        Indicators i = EarnedValue.of(failing);
        long planned = ChronoUnit.DAYS.between(failing.baseline().start(), failing.baseline().finish());
        assertThat(ChronoUnit.DAYS.between(failing.baseline().start(), late.finish()))
                .isBetween(planned + late.expectedSlipDays() - 1L, planned + late.expectedSlipDays() + 1L);
        assertThat(late.mainFactors().get(0).feature()).isEqualTo("earnedSchedule");
        assertThat(late.mainFactors().get(0).explanation()).contains("earned schedule alone");
        assertThat(late.mainFactors()).allSatisfy(f -> {
            assertThat(f.effect()).matches("[+-]\\d+ days");
            assertThat(f.name()).isNotBlank().doesNotContain("logEs").isNotEqualTo(f.feature());
            assertThat(f.unit()).isIn("%", "days", "");
        });
        assertThat(i.esForecastSlipDays()).isNotNull();
    }

    @Test
    void aSnapshotWithoutBaselineGetsNoForecast() throws IOException {
        Forecaster forecaster = Forecaster.load(COMMITTED);
        Snapshot s = demo("ERP-2026_2026-11-20.json");
        Snapshot noBaseline = new Snapshot(s.projectId(), s.asOf(), s.name(), s.methodology(), s.phase(), null,
                s.progress(), s.forecastFinish(), s.pmStatus(), s.sponsor(), s.milestones(), s.deliverables(), s.risks(),
                s.issues(), s.changes(), s.decisions(), s.resources(), s.dependencies(), s.stakeholders(),
                s.governance(), s.sprints(), s.tasks(), s.transition());

        assertThat(forecast(forecaster, noBaseline).reason()).contains("baseline");
    }
}
