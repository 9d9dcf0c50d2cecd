package org.pmopulse.cli;

import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleFolder;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSetRejectedException;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.coach.CandidateRejectedException;
import org.pmopulse.coach.CandidateValidator;
import org.pmopulse.coach.ReplayReport;
import org.pmopulse.coach.ReplayService;
import org.pmopulse.coach.ValidationReport;
import org.pmopulse.coach.scenario.ScenarioFiles;
import org.pmopulse.coach.scenario.ScenarioRunner;
import org.pmopulse.system.PathValues;
import org.pmopulse.system.CsvTable;
import org.pmopulse.system.PulseJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rules test|validate|replay}: the coach's checks from a terminal or a script. */
final class RulesCommands {
    private RulesCommands() {
    }

    static CommandLine commandLine(PulseCli.Context context) {
        return new CommandLine(new Rules()).addSubcommand(new Test(context)).addSubcommand(new Validate(context))
                .addSubcommand(new Replay(context));
    }

    @Command(name = "rules", description = "The coach's checks on a rules folder.")
    static final class Rules extends PulseCli.Group {
    }

    /** A command on one rules folder, {@code rules} by default. */
    abstract static class OnFolder implements Callable<Integer> {
        final PulseCli.Context context;

        @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "rules", description = "default: ${DEFAULT-VALUE}")
        Path dir;

        OnFolder(PulseCli.Context context) {
            this.context = context;
        }
    }

    @Command(name = "test", description = "Run every scenario of a rules folder; exit 1 when one fails or the rules"
            + " do not build.")
    static final class Test extends OnFolder {
        Test(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            PrintStream out = context.out();
            RuleSet rules;
            ScenarioFiles scenarios;
            try {
                rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleFolder.read(PulseCli.folder("DIR", dir))
                        .ruleSources(dir.toString()));
                scenarios = ScenarioFiles.read(dir.resolve("scenarios"));
            } catch (RuleSetRejectedException e) {
                context.err().println("pulse: the rules in " + dir + " do not build:");
                e.errors().forEach(m -> context.err().println("  " + m));
                return PulseCli.FAILED;
            } catch (ScenarioFiles.ScenarioFileException e) {
                context.err().println("pulse: " + e.getMessage());
                return PulseCli.FAILED;
            }
            ScenarioRunner runner = new ScenarioRunner(rules);
            int passed = 0;
            int failed = 0;
            for (var scenario : scenarios.scenarios()) {
                ScenarioRunner.Result result = runner.run(scenarios.base(), scenario);
                if (result.passed()) {
                    passed++;
                    out.printf("PASS  %s%n", scenario.title());
                } else {
                    failed++;
                    out.printf("FAIL  %s  [scenarios/%s]%n      %s%n", scenario.title(), scenario.file(), result.reason());
                }
            }
            out.printf("%d passed, %d failed%n", passed, failed);
            return failed == 0 ? PulseCli.OK : PulseCli.FAILED;
        }
    }

    @Command(name = "validate", description = "Build and test a rules folder as a publish would; exit 1 when it would"
            + " be refused.")
    static final class Validate extends OnFolder {
        Validate(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            PrintStream out = context.out();
            ValidationReport report = new CandidateValidator(Clock.systemUTC())
                    .validate(RuleFolder.read(PulseCli.folder("DIR", dir)));
            report.errors().forEach(out::println);
            report.warnings().forEach(out::println);
            out.printf("%s: %s, %d rules, %d scenarios (%d failed), %d errors, %d warnings%n",
                    report.valid() ? "valid" : "NOT VALID", report.version(), report.rules(), report.scenarios(),
                    report.scenariosFailed(), report.errors().size(), report.warnings().size());
            return report.valid() ? PulseCli.OK : PulseCli.FAILED;
        }
    }

    /**
     * Replays a candidate folder against the live rules ({@code pulse.rules-dir}) over the snapshots in the
     * configured MongoDB, without a web server; prints the summary and writes the detail to {@code --out}.
     */
    @Command(name = "replay", description = "Replay a candidate folder against the live rules over the configured"
            + " MongoDB's snapshots.")
    static final class Replay implements Callable<Integer> {
        private final PulseCli.Context context;

        @Option(names = "--rules", paramLabel = "DIR", required = true, description = "the candidate folder")
        Path candidateDir;

        @Option(names = "--from", paramLabel = "DATE", description = "first week (ISO date; default: 12 weeks back)")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "last week (ISO date; default: the latest)")
        String to;

        @Option(names = "--projects", paramLabel = "A,B", split = ",", description = "only these projects")
        List<String> projects = List.of();

        @Option(names = "--out", paramLabel = "FILE.json|FILE.csv", description = "where to write the detail")
        Path outFile;

        Replay(PulseCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            LocalDate fromDate = date("--from", from);
            LocalDate toDate = date("--to", to);
            if (outFile != null && !outFile.toString().endsWith(".json") && !outFile.toString().endsWith(".csv")) {
                throw new PulseCli.UsageException("--out must end in .json or .csv");
            }
            RuleSet candidate;
            try {
                candidate = new CandidateValidator(Clock.systemUTC())
                        .build(RuleFolder.read(PulseCli.folder("--rules", candidateDir)));
            } catch (CandidateRejectedException e) {
                context.err().println("pulse: the candidate rules in " + candidateDir + " do not build:");
                e.report().errors().forEach(m -> context.err().println("  " + m));
                return PulseCli.FAILED;
            }
            List<String> only = projects.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
            return PulseCli.withStorage(context, "replay", spring -> {
                LiveRules live = spring.getBean(LiveRules.class);
                ReplayReport report = spring.getBean(ReplayService.class).replay(live.current(), candidate, fromDate,
                        toDate, only);
                context.out().println(report.summary());
                if (outFile != null) {
                    write(report, outFile);
                    context.out().println("detail written to " + outFile);
                }
                return PulseCli.OK;
            });
        }

        private static LocalDate date(String name, String value) {
            try {
                return value == null ? null : PathValues.date(name.substring(2), value);
            } catch (RuntimeException e) {
                throw new PulseCli.UsageException(name + " must be an ISO date (YYYY-MM-DD)");
            }
        }
    }

    private static void write(ReplayReport report, Path file) {
        try {
            if (file.toString().endsWith(".json")) {
                Files.writeString(file, PulseJson.prettyMapper().writeValueAsString(report));
                return;
            }
            // the CSV lists the project-weeks that change; the JSON has them all
            List<List<?>> rows = report.items().stream().filter(ReplayReport.Item::changed)
                    .<List<?>>map(i -> List.of(i.projectId(), i.week(), i.asOf(), i.scoreBefore(), i.ragBefore(),
                            i.scoreAfter(), i.ragAfter(), String.join(" ", i.findingsAdded()),
                            String.join(" ", i.findingsRemoved())))
                    .toList();
            Files.writeString(file, CsvTable.of(List.of("projectId", "week", "asOf", "scoreBefore", "ragBefore",
                    "scoreAfter", "ragAfter", "findingsAdded", "findingsRemoved"), rows));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
