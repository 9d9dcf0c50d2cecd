package org.pmopulse.cli;

import org.pmopulse.access.Caller;
import org.pmopulse.access.Role;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
import java.util.concurrent.Callable;

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

    @Command(name = "import", description = "Import files into the configured MongoDB.")
    static final class Import extends PulseCli.Group {
    }

    @Command(name = "protrack", description = {"Import ProTrack .p2x files, or folders of them.",
            "One project a file, one snapshot a tracking period, into the configured MongoDB."})
    static final class ImportProTrack implements Callable<Integer> {
        private final PulseCli.Context context;

        @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*")
        List<Path> paths;

        @Mixin
        LocalUser user;

        ImportProTrack(PulseCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintStream out = context.out();
            List<Path> files = proTrackFiles(paths);
            return PulseCli.withStorage(context, "import", spring -> {
                ProTrackImportService imports = spring.getBean(ProTrackImportService.class);
                Caller caller = user.caller(spring, Role.PROJECT_MANAGER);
                int failed = 0;
                for (Path file : files) {
                    try {
                        out.println(file.getFileName() + ":");
                        var done = imports.importFile(Files.readAllBytes(file), file.getFileName().toString(), null,
                                caller, out::println);
                        out.printf("%s (%s): %d periods %s%n", done.projectId(), done.name(), done.periods(), done.outcomes());
                        done.notes().forEach(n -> out.println("  note: " + n));
                    } catch (ProTrackException | IOException e) {
                        context.err().println("pulse: " + e.getMessage());
                        failed++;
                    }
                }
                return failed == 0 ? PulseCli.OK : PulseCli.INVALID;
            });
        }
    }

    /** What train and evaluate read: the finished projects, how they are grouped, which candidates are tried. */
    static final class DataOptions {
        @Option(names = "--protrack", paramLabel = "DIR", description = "ProTrack files of finished projects"
                + " (default: the finished projects in the configured MongoDB)")
        Path protrack;

        @Option(names = "--simulate", paramLabel = "RUNS", description = "also train on RUNS simulated executions of"
                + " each file's network (1-1000; needs --protrack)")
        Integer simulate;

        @Option(names = "--group", paramLabel = "family|project", defaultValue = "family", description = "leave"
                + " siblings out together (family, the default) or each project alone")
        String group;

        @Option(names = "--trainer", paramLabel = "NAME", description = "only this candidate")
        String trainer;

        @Option(names = "--candidates", paramLabel = "standard|explored", defaultValue = "standard",
                description = "the candidates to choose from (explored adds the ones that lost)")
        String candidates;
    }

    /** A command on finished projects: train or evaluate. */
    abstract static class OnFinishedProjects implements Callable<Integer> {
        final PulseCli.Context context;

        @Mixin
        DataOptions data;

        OnFinishedProjects(PulseCli.Context context) {
            this.context = context;
        }
    }

    @Command(name = "train", description = {"Train the slip model and write it with its card.",
            "A nested leave-one-project-out evaluation on finished projects, then the same choice on all of them."})
    static final class Train extends OnFinishedProjects {
        @Option(names = "--models", paramLabel = "DIR", defaultValue = "${env:PULSE_MODELS_DIR:-./models}",
                description = "where to write the model (default: PULSE_MODELS_DIR or ./models)")
        Path modelsDir;

        Train(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException {
            PrintStream out = context.out();
            Path modelFile = modelsDir.resolve(Forecaster.DEFAULT_MODEL_FILE);
            Data data = data(this.data, context);
            if (data == null) {
                return PulseCli.INVALID;
            }
            List<Candidates.Candidate> candidates = candidates(this.data);
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
    }

    @Command(name = "evaluate", description = {"Evaluate the slip model on finished projects.",
            "Prints the nested evaluation tables, or scores a given model (--model) with its own range, recalibrating"
                    + " nothing."})
    static final class Evaluate extends OnFinishedProjects {
        @Option(names = "--model", paramLabel = "FILE", description = "score this model as it is")
        Path model;

        @Option(names = "--periods-csv", paramLabel = "FILE", description = "write each period's forecasts: the"
                + " model's with its 80 %% range, ES1, ES2 and the real duration")
        Path periodsCsv;

        @Option(names = "--explore", paramLabel = "each", description = "first, each candidate switched on at a fixed"
                + " shrinkage in every fold")
        String explore;

        Evaluate(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException {
            PrintStream out = context.out();
            Data data = data(this.data, context);
            if (data == null) {
                return PulseCli.INVALID;
            }
            NestedEvaluation.Result result;
            if (model != null) {
                Forecaster forecaster = Forecaster.load(model);
                SlipModel loaded = forecaster.model().orElse(null);
                if (loaded == null) {
                    context.err().println("pulse: " + forecaster.unavailableReason().orElse("the model could not be loaded"));
                    return PulseCli.FAILED;
                }
                result = NestedEvaluation.score(loaded, data.nested().rows());
            } else {
                if ("each".equals(explore)) {
                    for (Candidates.Candidate c : Candidates.explored(!data.forNestedEvaluation().simulated().isEmpty())) {
                        for (double shrinkage : List.of(1.0, 0.5)) {
                            out.println("exploring " + c.name() + " switched on at shrinkage " + shrinkage
                                    + " in every fold (the range still calibrated inside)");
                            out.println(EvaluationReport.tables(NestedEvaluation.run(data.nested(), List.of(c), shrinkage,
                                    line -> { })));
                        }
                    }
                }
                result = nestedEvaluation(data, candidates(this.data), out);
            }
            out.println();
            out.println(EvaluationReport.tables(result));
            if (periodsCsv != null) {
                EvaluationReport.writePeriods(result, periodsCsv);
                out.println("periods written to " + periodsCsv);
            }
            return PulseCli.OK;
        }
    }

    private static NestedEvaluation.Result nestedEvaluation(Data data, List<Candidates.Candidate> candidates,
                                                            PrintStream out) {
        NestedEvaluation.Data nested = data.forNestedEvaluation();
        out.println("nested evaluation of " + candidates.stream().map(Candidates.Candidate::name).toList()
                + " (the earned-schedule forecast is always an option: shrinkage 0)");
        return NestedEvaluation.run(nested, candidates, out::println);
    }

    /** The standard candidates, or the one named by {@code --trainer}, or all explored ones with {@code --candidates explored}. */
    private static List<Candidates.Candidate> candidates(DataOptions options) {
        boolean simulated = options.simulate != null;
        if (!List.of("standard", "explored").contains(options.candidates)) {
            throw new PulseCli.UsageException("--candidates is standard or explored, not '" + options.candidates + "'");
        }
        List<Candidates.Candidate> among = options.candidates.equals("explored") ? Candidates.explored(simulated)
                : Candidates.standard();
        if (options.trainer == null) {
            return among;
        }
        try {
            return List.of(Candidates.named(options.trainer, Candidates.explored(simulated)));
        } catch (IllegalArgumentException e) {
            throw new PulseCli.UsageException(e.getMessage());
        }
    }

    private record Data(String description, NestedEvaluation.Data nested,
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

    /**
     * The .p2x files named and those in the folders named; a usage error for a path that does not exist or when
     * there is no file at all, rather than a run that quietly does nothing.
     */
    private static List<Path> proTrackFiles(List<Path> paths) {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new PulseCli.UsageException("no such file or folder: " + p.toAbsolutePath().normalize());
            }
        }
        List<Path> files = ProTrackFiles.expand(paths);
        if (files.isEmpty()) {
            throw new PulseCli.UsageException("no .p2x files in " + String.join(", ", paths.stream()
                    .map(p -> p.toAbsolutePath().normalize().toString()).toList()));
        }
        return files;
    }

    /** The finished projects from {@code --protrack DIR} or, without it, from the configured MongoDB. */
    private static Data data(DataOptions options, PulseCli.Context context) {
        PrintStream out = context.out();
        if (!List.of("family", "project").contains(options.group)) {
            throw new PulseCli.UsageException("--group is family (siblings leave together, the default) or project,"
                    + " not '" + options.group + "'");
        }
        if (options.simulate != null && (options.simulate < 1 || options.simulate > 1000)) {
            throw new PulseCli.UsageException("--simulate needs a number of runs from 1 to 1000, not " + options.simulate);
        }
        List<ClosedProject> projects = new ArrayList<>();
        List<ProTrackProject> files = new ArrayList<>();
        String description;
        if (options.protrack != null) {
            try {
                for (ProTrackProject p : ProTrackFiles.read(proTrackFiles(List.of(options.protrack)), out::println)) {
                    if (p.finished()) {
                        projects.add(new ClosedProject(p.projectId(), p.snapshots(), p.realFinish()));
                        files.add(p);
                    } else {
                        out.println("  " + p.projectId() + " is not finished in its last period; left out");
                    }
                }
            } catch (ProTrackException | UncheckedIOException e) {
                context.err().println("pulse: " + e.getMessage());
                return null;
            }
            description = "ProTrack files in " + options.protrack + " (" + projects.size() + " finished projects)"
                    + (options.protrack.toString().contains("dslib") ? "; data set: " + DSLIB_CITATION : "");
        } else {
            int code = PulseCli.withStorage(context, "reading the finished projects", spring -> {
                projects.addAll(spring.getBean(ClosedProjects.class).all());
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
            context.err().println("pulse: " + withRows + " finished projects with forecastable snapshots; at least 3"
                    + " are needed to train and evaluate grouped by project");
            return null;
        }
        out.printf("%d finished projects, %d snapshots%n", withRows, rows.size());
        Simulation.Settings simulation = null;
        Map<String, List<TrainingRow>> simulated = new TreeMap<>();
        if (options.simulate != null) {
            if (files.isEmpty()) {
                throw new PulseCli.UsageException("--simulate needs --protrack: it replays the files' networks");
            }
            simulation = Simulation.Settings.DEFAULT.withRuns(options.simulate);
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
        if (options.group.equals("family")) {
            files.forEach(p -> families.put(p.projectId(), NestedEvaluation.Data.familyOf(p.name())));
        }
        return new Data(description, new NestedEvaluation.Data(rows, simulated, families), simulation);
    }
}
