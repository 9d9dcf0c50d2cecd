package org.pmopulse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.protrack.SmallProTrackFile;
import org.pmopulse.support.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** train and evaluate from ProTrack files written for the test (the research files never go into the repo). */
class ForecastCommandsTest {
    @TempDir
    Path dir;

    /** Three finished projects: the small test project under three file names. */
    private Path threeProjects() throws IOException {
        Path files = Files.createDirectories(dir.resolve("protrack"));
        for (String name : List.of("P1 first.p2x", "P2 second.p2x", "P3 third.p2x")) {
            SmallProTrackFile.writeTo(files, name);
        }
        return files;
    }

    @Test
    void trainEvaluatesTheCandidatesKeepsTheBestAndWritesAModelPulseLoads() throws IOException {
        Path models = dir.resolve("models");

        Cli.Run run = Cli.run("train", "--protrack", threeProjects().toString(), "--models", models.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 finished projects").contains("fold 3/3")
                .contains("| earned schedule: AT + (PD - ES) |").contains("80 % range").contains("model written to");
        Forecaster loaded = Forecaster.load(models.resolve(Forecaster.DEFAULT_MODEL_FILE));
        assertThat(loaded.model()).as(loaded.unavailableReason().orElse("")).isPresent();
        assertThat(loaded.model().orElseThrow().card().trainingData()).contains("3 finished projects");
    }

    @Test
    void evaluateWritesThePeriodsAndTheirEarnedScheduleForecasts() throws IOException {
        Path csv = dir.resolve("periods.csv");

        Cli.Run run = Cli.run("evaluate", "--protrack", threeProjects().toString(), "--periods-csv", csv.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("projectId,asOf,percentComplete,plannedDays,actualTimeDays,esDays,spiT,"
                + "es1Days,es2Days,realDays");
        assertThat(lines).hasSize(1 + 3 * 2);
        assertThat(lines.get(1)).startsWith("P1,2025-01-09,").endsWith(",9");
        assertThat(run.out()).contains("model: random-forest");
    }

    @Test
    void tooFewFinishedProjectsIsAClearRefusal() throws IOException {
        Path one = SmallProTrackFile.writeTo(dir.resolve("one"), "P1.p2x").getParent();

        Cli.Run run = Cli.run("train", "--protrack", one.toString(), "--models", dir.resolve("m").toString());

        assertThat(run.exit()).isEqualTo(PulseCli.INVALID);
        assertThat(run.err()).contains("at least 3 are needed");
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
