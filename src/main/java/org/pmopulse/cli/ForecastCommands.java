package org.pmopulse.cli;

import org.pmopulse.forecast.Forecaster;
import org.pmopulse.forecast.ModelCard;
import org.pmopulse.forecast.SlipModel;
import org.pmopulse.forecast.training.ClosedProject;
import org.pmopulse.forecast.training.ClosedProjects;
import org.pmopulse.forecast.training.GroupedEvaluation;
import org.pmopulse.forecast.training.SlipTraining;
import org.pmopulse.forecast.training.TrainingRow;
import org.pmopulse.protrack.ProTrackException;
import org.pmopulse.protrack.ProTrackFiles;
import org.pmopulse.protrack.ProTrackImportService;
import org.pmopulse.protrack.ProTrackProject;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code pulse import protrack}, {@code pulse train} and {@code pulse evaluate}: the slip model's data, training
 * and evaluation from a terminal. Without {@code --protrack}, train and evaluate read the finished projects in
 * the configured MongoDB.
 */
final class ForecastCommands {
    /** How the card and the models README cite the research data set. */
    static final String DSLIB_CITATION = "J. Batselier and M. Vanhoucke (2015), Construction and evaluation framework"
            + " for a real-life project database, International Journal of Project Management 33(3), 697-710";

    /** Tribuo logs each tree of a forest at INFO through java.util.logging; the commands print their own progress. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private ForecastCommands() {
    }

    static int importFiles(PulseCli.Options options, PrintStream out, PrintStream err) {
        List<String> args = options.positional();
        if (args.isEmpty() || !args.get(0).equals("protrack") || args.size() < 2) {
            throw new PulseCli.UsageException("import needs 'protrack' and at least one file or folder");
        }
        List<Path> files = ProTrackFiles.expand(args.subList(1, args.size()).stream().map(Path::of).toList());
        return PulseCli.withStorage(err, "import", context -> {
            ProTrackImportService imports = context.getBean(ProTrackImportService.class);
            int failed = 0;
            for (Path file : files) {
                try {
                    out.println(file.getFileName() + ":");
                    var done = imports.importFile(Files.readAllBytes(file), file.getFileName().toString(), null, out::println);
                    out.printf("%s (%s): %d periods %s%n", done.projectId(), done.name(), done.periods(), done.outcomes());
                    done.notes().forEach(n -> out.println("  note: " + n));
                } catch (ProTrackException | IOException e) {
                    err.println("pulse: " + e.getMessage());
                    failed++;
                }
            }
            return failed == 0 ? PulseCli.OK : PulseCli.INVALID;
        });
    }

    static int train(PulseCli.Options options, PrintStream out, PrintStream err) throws IOException {
        Path modelFile = options.path("--models", "PULSE_MODELS_DIR", "./models").resolve(Forecaster.DEFAULT_MODEL_FILE);
        Data data = data(options, out, err);
        if (data == null) {
            return PulseCli.INVALID;
        }
        List<GroupedEvaluation.Result> results = SlipTraining.evaluateAll(data.rows(), out::println);
        String asked = options.value("--trainer", null);
        GroupedEvaluation.Result chosen = asked == null ? SlipTraining.best(results) : results.stream()
                .filter(r -> r.trainer().equals(asked)).findFirst()
                .orElseThrow(() -> new PulseCli.UsageException("no trainer '" + asked + "'"));
        results.forEach(r -> out.printf(Locale.ROOT, "%-16s MAPE %.1f %% (early %.1f %%)%n", r.trainer(), r.model().all(),
                r.model().byStage().get(TrainingRow.Stage.EARLY)));
        out.println();
        out.println(GroupedEvaluation.table(chosen));
        ModelCard card = SlipTraining.train(data.rows(), chosen, results, data.description(), modelFile);
        out.println("kept " + chosen.trainer() + "; model written to " + modelFile + " with its card "
                + Forecaster.cardOf(modelFile).getFileName() + " (" + card.residuals().size() + " calibration errors)");
        return PulseCli.OK;
    }

    static int evaluate(PulseCli.Options options, PrintStream out, PrintStream err) throws IOException {
        Data data = data(options, out, err);
        if (data == null) {
            return PulseCli.INVALID;
        }
        String csv = options.value("--periods-csv", null);
        if (csv != null) {
            writePeriods(data.rows(), Path.of(csv));
            out.println("periods written to " + csv);
        }
        String modelOption = options.value("--model", null);
        if (modelOption != null) {
            Forecaster forecaster = Forecaster.load(Path.of(modelOption));
            SlipModel model = forecaster.model().orElse(null);
            if (model == null) {
                err.println("pulse: " + forecaster.unavailableReason().orElse("the model could not be loaded"));
                return PulseCli.FAILED;
            }
            out.println(GroupedEvaluation.table(GroupedEvaluation.score(model, data.rows())));
            return PulseCli.OK;
        }
        for (GroupedEvaluation.Result r : SlipTraining.evaluateAll(data.rows(), out::println)) {
            out.println();
            out.println(GroupedEvaluation.table(r));
        }
        return PulseCli.OK;
    }

    private record Data(List<TrainingRow> rows, String description) {}

    /** The finished projects from {@code --protrack DIR} or, without it, from the configured MongoDB. */
    private static Data data(PulseCli.Options options, PrintStream out, PrintStream err) {
        String protrack = options.value("--protrack", null);
        List<ClosedProject> projects = new ArrayList<>();
        String description;
        if (protrack != null) {
            try {
                for (ProTrackProject p : ProTrackFiles.read(List.of(Path.of(protrack)), out::println)) {
                    if (p.finished()) {
                        projects.add(new ClosedProject(p.projectId(), p.snapshots(), p.realFinish()));
                    } else {
                        out.println("  " + p.projectId() + " is not finished in its last period; left out");
                    }
                }
            } catch (ProTrackException | UncheckedIOException e) {
                err.println("pulse: " + e.getMessage());
                return null;
            }
            description = "ProTrack files in " + protrack + " (" + projects.size() + " finished projects)"
                    + (protrack.contains("dslib") ? "; data set: " + DSLIB_CITATION : "");
        } else {
            int code = PulseCli.withStorage(err, "reading the finished projects", context -> {
                projects.addAll(context.getBean(ClosedProjects.class).all());
                return PulseCli.OK;
            });
            if (code != PulseCli.OK) {
                return null;
            }
            description = "finished projects in Pulse's MongoDB (" + projects.size() + ")";
        }
        List<TrainingRow> rows = projects.stream().flatMap(p -> p.rows().stream()).toList();
        long withRows = rows.stream().map(TrainingRow::projectId).distinct().count();
        if (withRows < 3) {
            err.println("pulse: " + withRows + " finished projects with forecastable snapshots; at least 3 are needed"
                    + " to train and evaluate grouped by project");
            return null;
        }
        out.printf("%d finished projects, %d snapshots%n", withRows, rows.size());
        return new Data(rows, description);
    }

    private static void writePeriods(List<TrainingRow> rows, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("projectId,asOf,percentComplete,plannedDays,actualTimeDays,esDays,spiT,"
                + "es1Days,es2Days,realDays\n");
        for (TrainingRow r : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%.1f,%.0f,%.0f,%.1f,%s,%.1f,%.1f,%.0f%n", r.projectId(), r.asOf(),
                    r.percentComplete(), r.plannedDays(), r.actualTimeDays(), r.esDays(),
                    r.spiT() == null ? "" : String.format(Locale.ROOT, "%.3f", r.spiT()), r.es1Days(), r.es2Days(),
                    r.realDays()));
        }
        Files.writeString(file, csv);
    }
}
