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

    /**
     * Three finished projects: the small test project under three file names. They are one network, so the
     * commands are told to treat them as unrelated ({@code --group project}).
     */
    private Path threeProjects() throws IOException {
        Path files = Files.createDirectories(dir.resolve("protrack"));
        for (String name : List.of("P1 first.p2x", "P2 second.p2x", "P3 third.p2x")) {
            SmallProTrackFile.writeTo(files, name);
        }
        return files;
    }

    @Test
    void trainRunsTheNestedEvaluationKeepsTheChoiceAndWritesAModelPulseLoads() throws IOException {
        Path models = dir.resolve("models");

        Cli.Run run = Cli.run("train", "--protrack", threeProjects().toString(), "--group", "project", "--models",
                models.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 finished projects").contains("outer fold 3/3")
                .contains("| earned schedule ES1: AT + (PD - ES) |").contains("80 % range").contains("| project |")
                .contains("model written to");
        Forecaster loaded = Forecaster.load(models.resolve(Forecaster.DEFAULT_MODEL_FILE));
        assertThat(loaded.model()).as(loaded.unavailableReason().orElse("")).isPresent();
        assertThat(loaded.model().orElseThrow().card().trainingData()).contains("3 finished projects");
    }

    @Test
    void siblingsOfOneNetworkAreOneFamilyAndTooFewFamiliesAreRefused() throws IOException {
        Cli.Run run = Cli.run("evaluate", "--protrack", threeProjects().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("at least 3 families, found 1").contains("--group project");
        assertThat(Cli.run("evaluate", "--protrack", threeProjects().toString(), "--group", "team").err())
                .contains("--group is family");
    }

    @Test
    void evaluateWritesEachPeriodWithTheModelsForecastAndRangeNextToTheClassicOnes() throws IOException {
        Path csv = dir.resolve("periods.csv");

        Cli.Run run = Cli.run("evaluate", "--protrack", threeProjects().toString(), "--group", "project",
                "--periods-csv", csv.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("projectId,asOf,stage,percentComplete,plannedDays,actualTimeDays,esDays,"
                + "spiT,es1Days,es2Days,modelDays,low80Days,high80Days,realDays,choice");
        assertThat(lines).hasSize(1 + 3 * 2);
        assertThat(lines.get(1)).startsWith("P1,2025-01-09,middle,");
        String[] first = lines.get(1).split(",");
        double model = Double.parseDouble(first[10]);
        assertThat(Double.parseDouble(first[11])).isLessThanOrEqualTo(model);
        assertThat(Double.parseDouble(first[12])).isGreaterThanOrEqualTo(model);
        assertThat(first[13]).isEqualTo("9");
        assertThat(run.out()).contains("| model |").contains("nested leave one project out").contains("early")
                .contains("| P1 | 2 |");
    }

    @Test
    void evaluateAGivenModelUsesItsOwnRangeAndRecalibratesNothing() throws IOException {
        Path projects = threeProjects();
        Path models = dir.resolve("models");
        assertThat(Cli.run("train", "--protrack", projects.toString(), "--group", "project", "--models",
                models.toString()).exit()).isZero();
        Path csv = dir.resolve("scored.csv");

        Cli.Run run = Cli.run("evaluate", "--model", models.resolve(Forecaster.DEFAULT_MODEL_FILE).toString(),
                "--protrack", projects.toString(), "--periods-csv", csv.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("as it is, with its own range").doesNotContain("outer fold");
        var model = Forecaster.load(models.resolve(Forecaster.DEFAULT_MODEL_FILE)).model().orElseThrow();
        String[] first = Files.readAllLines(csv).get(1).split(",");
        double es1 = Double.parseDouble(first[8]);
        double[] range = model.range80(Double.parseDouble(first[3]));
        double modelDays = Double.parseDouble(first[10]);
        assertThat(Double.parseDouble(first[11])).isCloseTo(modelDays * Math.exp(range[0]), org.assertj.core.api.Assertions.within(0.01));
        assertThat(Double.parseDouble(first[12])).isCloseTo(modelDays * Math.exp(range[1]), org.assertj.core.api.Assertions.within(0.01));
        assertThat(es1).isPositive();
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
