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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** {@code pulse rules test|validate|replay}: the coach's checks from a terminal or a script. */
final class RulesCommands {
    private RulesCommands() {
    }

    static int run(PulseCli.Options options, PrintStream out, PrintStream err) {
        List<String> args = options.positional();
        if (args.isEmpty()) {
            throw new PulseCli.UsageException("rules needs test, validate or replay");
        }
        return switch (args.get(0)) {
            case "test" -> test(folder(args), out, err);
            case "validate" -> validate(folder(args), out);
            case "replay" -> replay(options, out, err);
            default -> throw new PulseCli.UsageException("unknown rules command '" + args.get(0) + "'");
        };
    }

    private static Path folder(List<String> args) {
        return Path.of(args.size() > 1 ? args.get(1) : "rules");
    }

    /** Runs every scenario and prints a pass/fail table; exit 1 when any fails or the rules do not build. */
    private static int test(Path dir, PrintStream out, PrintStream err) {
        RuleSet rules;
        ScenarioFiles scenarios;
        try {
            rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleFolder.read(dir).ruleSources(dir.toString()));
            scenarios = ScenarioFiles.read(dir.resolve("scenarios"));
        } catch (RuleSetRejectedException e) {
            err.println("pulse: the rules in " + dir + " do not build:");
            e.errors().forEach(m -> err.println("  " + m));
            return PulseCli.FAILED;
        } catch (ScenarioFiles.ScenarioFileException e) {
            err.println("pulse: " + e.getMessage());
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

    /** The checks a publish makes; exit 1 when the folder would be refused. */
    private static int validate(Path dir, PrintStream out) {
        ValidationReport report = new CandidateValidator(Clock.systemUTC()).validate(RuleFolder.read(dir));
        report.errors().forEach(m -> out.println(m));
        report.warnings().forEach(m -> out.println(m));
        out.printf("%s: %s, %d rules, %d scenarios (%d failed), %d errors, %d warnings%n",
                report.valid() ? "valid" : "NOT VALID", report.version(), report.rules(), report.scenarios(),
                report.scenariosFailed(), report.errors().size(), report.warnings().size());
        return report.valid() ? PulseCli.OK : PulseCli.FAILED;
    }

    /**
     * Replays a candidate folder against the live rules ({@code pulse.rules-dir}) over the snapshots in the
     * configured MongoDB, without a web server; prints the summary and writes the detail to {@code --out}.
     */
    private static int replay(PulseCli.Options options, PrintStream out, PrintStream err) {
        String candidateDir = options.value("--rules", null);
        if (candidateDir == null) {
            throw new PulseCli.UsageException("rules replay needs --rules DIR (the candidate folder)");
        }
        LocalDate from = date(options, "--from");
        LocalDate to = date(options, "--to");
        List<String> projects = options.value("--projects", "").isBlank() ? List.of()
                : Arrays.stream(options.value("--projects", "").split(",")).map(String::strip).toList();
        String outFile = options.value("--out", null);
        if (outFile != null && !outFile.endsWith(".json") && !outFile.endsWith(".csv")) {
            throw new PulseCli.UsageException("--out must end in .json or .csv");
        }
        RuleSet candidate;
        try {
            candidate = new CandidateValidator(Clock.systemUTC()).build(RuleFolder.read(Path.of(candidateDir)));
        } catch (CandidateRejectedException e) {
            err.println("pulse: the candidate rules in " + candidateDir + " do not build:");
            e.report().errors().forEach(m -> err.println("  " + m));
            return PulseCli.FAILED;
        }
        return PulseCli.withStorage(options, err, "replay", context -> {
            LiveRules live = context.getBean(LiveRules.class);
            ReplayReport report = context.getBean(ReplayService.class).replay(live.current(), candidate, from, to, projects);
            out.println(report.summary());
            if (outFile != null) {
                write(report, Path.of(outFile));
                out.println("detail written to " + outFile);
            }
            return PulseCli.OK;
        });
    }

    private static LocalDate date(PulseCli.Options options, String name) {
        String value = options.value(name, null);
        try {
            return value == null ? null : PathValues.date(name.substring(2), value);
        } catch (RuntimeException e) {
            throw new PulseCli.UsageException(name + " must be an ISO date (YYYY-MM-DD)");
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
