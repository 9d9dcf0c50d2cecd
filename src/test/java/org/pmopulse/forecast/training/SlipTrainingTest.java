package org.pmopulse.forecast.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.forecast.ModelCard;
import org.pmopulse.forecast.SlipModel;
import org.pmopulse.system.PulseJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Training twice from the same inputs writes the same bytes, and Pulse loads what it wrote. */
class SlipTrainingTest {
    @TempDir
    Path dir;

    private static ModelCard train(Path models) throws IOException {
        List<TrainingRow> rows = SimulatedProjects.rows(12, 5);
        var data = new NestedEvaluation.Data(rows, Map.of());
        var nested = NestedEvaluation.run(data, Candidates.standard(), line -> { });
        return SlipTraining.train(data, Candidates.standard(), nested, "12 simulated projects",
                new Simulation.Settings(5, 12, 1.05, 0.2, 0.3), models.resolve(Forecaster.DEFAULT_MODEL_FILE));
    }

    @Test
    void theSameInputsGiveTheSameModelAndCardBytes() throws IOException {
        ModelCard card = train(dir.resolve("a"));
        train(dir.resolve("b"));

        Path a = dir.resolve("a").resolve(Forecaster.DEFAULT_MODEL_FILE);
        Path b = dir.resolve("b").resolve(Forecaster.DEFAULT_MODEL_FILE);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readString(Forecaster.cardOf(b))).isEqualTo(Files.readString(Forecaster.cardOf(a)));
        assertThat(Forecaster.load(a).model()).isPresent();
        assertThat(card.evaluation()).containsKeys("mape", "coverage80", "kept");
        assertThat(card.provenance().get("simulation").toString()).contains("seed=5").contains("runsPerProject=12");
    }

    @Test
    void everyCandidateThatCanBeChosenIsWrittenAndReadBackForecastingTheSame() throws IOException {
        List<TrainingRow> rows = SimulatedProjects.rows(12, 5);
        var data = new NestedEvaluation.Data(rows, Map.of());
        for (Candidates.Candidate candidate : Candidates.explored(false)) {
            var choice = new NestedEvaluation.Choice(candidate, 1.0, Map.of(), 0.0, Map.of());
            SlipModel fitted = NestedEvaluation.fit(data, new java.util.TreeSet<>(data.projects()), choice, "test");
            Path file = dir.resolve(candidate.name() + ".tribuo");
            Files.write(file, SlipTraining.bytes(fitted.model()));
            Files.writeString(Forecaster.cardOf(file), PulseJson.mapper().writeValueAsString(fitted.card()));

            SlipModel loaded = Forecaster.load(file).model().orElseThrow();
            for (TrainingRow row : rows.subList(0, 20)) {
                assertThat(fitted.correction(row.features())).as(candidate.name()).isFinite();
                assertThat(loaded.correction(row.features())).as(candidate.name())
                        .isCloseTo(fitted.correction(row.features()), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void noClockTimeIsLeftInTheModelFile() throws IOException {
        train(dir);

        String text = new String(Files.readAllBytes(dir.resolve(Forecaster.DEFAULT_MODEL_FILE)),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("1970-01-01T00:00Z").doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT");
    }
}
