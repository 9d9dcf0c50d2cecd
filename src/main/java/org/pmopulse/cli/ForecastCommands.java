package org.pmopulse.cli;

import org.pmopulse.forecast.Forecaster;
import org.pmopulse.forecast.ModelCard;
import org.pmopulse.forecast.SlipModel;
import org.pmopulse.forecast.training.ClosedProject;
import org.pmopulse.forecast.training.ClosedProjects;
import org.pmopulse.forecast.training.Candidates;
import org.pmopulse.forecast.training.EvaluationReport;
import org.pmopulse.forecast.training.NestedEvaluation;
import org.pmopulse.forecast.training.Simulation;
import org.pmopulse.forecast.training.SlipTraining;
import org.pmopulse.forecast.training.TrainingRow;
import org.pmopulse.protrack.ProTrackException;
import org.pmopulse.protrack.ProTrackFiles;
import org.pmopulse.ingest.ProTrackImportService;
import org.pmopulse.protrack.ProTrackProject;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
        return PulseCli.withStorage(options, err, "import", context -> {
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
        List<Candidates.Candidate> candidates = candidates(options);
        NestedEvaluation.Result nested = nestedEvaluation(data, candidates, out);
        out.println();
        out.println(EvaluationReport.tables(nested));
        ModelCard card = SlipTraining.train(data.nested(), candidates, nested, data.description(), data.simulation(),
                modelFile);
        out.println("kept " + card.evaluation().get("kept") + " (chosen on all " + data.nested().projects().size()
                + " projects the way each fold chose); model written to " + modelFile + " with its card "
                + Forecaster.cardOf(modelFile).getFileName());
        return PulseCli.OK;
    }

    static int evaluate(PulseCli.Options options, PrintStream out, PrintStream err) throws IOException {
        Data data = data(options, out, err);
        if (data == null) {
            return PulseCli.INVALID;
        }
        String csv = options.value("--periods-csv", null);
        String modelOption = options.value("--model", null);
        NestedEvaluation.Result result;
        if (modelOption != null) {
            Forecaster forecaster = Forecaster.load(Path.of(modelOption));
            SlipModel model = forecaster.model().orElse(null);
            if (model == null) {
                err.println("pulse: " + forecaster.unavailableReason().orElse("the model could not be loaded"));
                return PulseCli.FAILED;
            }
            result = NestedEvaluation.score(model, data.rows());
        } else {
            if ("each".equals(options.value("--explore", null))) {
                for (Candidates.Candidate c : Candidates.explored(!data.forNestedEvaluation().simulated().isEmpty())) {
                    for (double shrinkage : List.of(1.0, 0.5)) {
                        out.println("exploring " + c.name() + " switched on at shrinkage " + shrinkage
                                + " in every fold (the range still calibrated inside)");
                        out.println(EvaluationReport.tables(NestedEvaluation.run(data.nested(), List.of(c), shrinkage,
                                line -> { })));
                    }
                }
            }
            result = nestedEvaluation(data, candidates(options), out);
        }
        out.println();
        out.println(EvaluationReport.tables(result));
        if (csv != null) {
            EvaluationReport.writePeriods(result, Path.of(csv));
            out.println("periods written to " + csv);
        }
        return PulseCli.OK;
    }

    private static NestedEvaluation.Result nestedEvaluation(Data data, List<Candidates.Candidate> candidates,
                                                            PrintStream out) {
        NestedEvaluation.Data nested = data.forNestedEvaluation();
        out.println("nested evaluation of " + candidates.stream().map(Candidates.Candidate::name).toList()
                + " (the earned-schedule forecast is always an option: shrinkage 0)");
        return NestedEvaluation.run(nested, candidates, out::println);
    }

    /** The standard candidates, or the one named by {@code --trainer}, or all explored ones with {@code --candidates explored}. */
    private static List<Candidates.Candidate> candidates(PulseCli.Options options) {
        boolean simulated = options.value("--simulate", null) != null;
        List<Candidates.Candidate> among = "explored".equals(options.value("--candidates", "standard"))
                ? Candidates.explored(simulated) : Candidates.standard();
        String asked = options.value("--trainer", null);
        if (asked == null) {
            return among;
        }
        try {
            return List.of(Candidates.named(asked, Candidates.explored(simulated)));
        } catch (IllegalArgumentException e) {
            throw new PulseCli.UsageException(e.getMessage());
        }
    }

    private record Data(List<TrainingRow> rows, String description, NestedEvaluation.Data nested,
                        Simulation.Settings simulation) {
        /** The data for a nested evaluation: enough unrelated projects to leave one out and still cross-validate. */
        NestedEvaluation.Data forNestedEvaluation() {
            long unrelated = nested.projects().stream().map(nested::family).distinct().count();
            if (unrelated < NestedEvaluation.MIN_FAMILIES) {
                throw new PulseCli.UsageException("the nested evaluation needs finished projects of at least "
                        + NestedEvaluation.MIN_FAMILIES + " families, found " + unrelated + " (siblings such as"
                        + " 'Office (1)' and 'Office (2)' are one family; --group project counts each project alone)");
            }
            return nested;
        }
    }

    /** The finished projects from {@code --protrack DIR} or, without it, from the configured MongoDB. */
    private static Data data(PulseCli.Options options, PrintStream out, PrintStream err) {
        String protrack = options.value("--protrack", null);
        List<ClosedProject> projects = new ArrayList<>();
        List<ProTrackProject> files = new ArrayList<>();
        String description;
        if (protrack != null) {
            try {
                for (ProTrackProject p : ProTrackFiles.read(List.of(Path.of(protrack)), out::println)) {
                    if (p.finished()) {
                        projects.add(new ClosedProject(p.projectId(), p.snapshots(), p.realFinish()));
                        files.add(p);
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
            int code = PulseCli.withStorage(options, err, "reading the finished projects", context -> {
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
        Simulation.Settings simulation = null;
        Map<String, List<TrainingRow>> simulated = new TreeMap<>();
        String runs = options.value("--simulate", null);
        if (runs != null) {
            if (files.isEmpty()) {
                throw new PulseCli.UsageException("--simulate needs --protrack: it replays the files' networks");
            }
            simulation = Simulation.Settings.DEFAULT.withRuns(parseRuns(runs));
            Simulation.Settings settings = simulation;
            long start = System.nanoTime();
            files.parallelStream().map(p -> Map.entry(p.projectId(), Simulation.executions(p, settings).stream()
                    .flatMap(c -> c.rows().stream()).toList())).toList()
                    .forEach(e -> simulated.put(e.getKey(), e.getValue()));
            out.printf(Locale.ROOT, "simulated %d executions of each network: %d rows in %.0f s%n", settings.runs(),
                    simulated.values().stream().mapToInt(List::size).sum(), (System.nanoTime() - start) / 1e9);
            description += "; with " + settings.runs() + " simulated executions of each network";
        }
        Map<String, String> families = new TreeMap<>();
        String group = options.value("--group", "family");
        if (!List.of("family", "project").contains(group)) {
            throw new PulseCli.UsageException("--group is family (siblings leave together, the default) or project,"
                    + " not '" + group + "'");
        }
        if (group.equals("family")) {
            files.forEach(p -> families.put(p.projectId(), NestedEvaluation.Data.familyOf(p.name())));
        }
        return new Data(rows, description, new NestedEvaluation.Data(rows, simulated, families), simulation);
    }

    private static int parseRuns(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 1000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new PulseCli.UsageException("--simulate needs a number of runs from 1 to 1000, not '" + value + "'");
        }
    }
}
