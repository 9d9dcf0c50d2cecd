package org.pmopulse.cli;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.assessment.Health;
import org.pmopulse.demo.DemoPortfolioGenerator;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.NotJsonException;
import org.pmopulse.system.PulseJson;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line: work that needs neither the web server nor a database.
 * <pre>
 *   pulse assess [--rules DIR] [--models DIR] FILE...   assessment JSON on stdout (an array for several files)
 *   pulse demo generate [DIR] [--seed N]                 (re)write the demo portfolio
 * </pre>
 * Exit codes: 0 success; 1 Pulse could not run (the rule set does not build, a file cannot be written);
 * 2 invalid input or usage, with the problems on stderr.
 */
public final class PulseCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    private static final Set<String> COMMANDS = Set.of("assess", "demo", "rules", "import", "train", "evaluate",
            "help", "--help");

    private PulseCli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * @param application the Spring Boot application a command that needs the storage starts (without its web
     *                    server), handed in by the launcher so the command line does not depend on it
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = new Options(application, args, 1);
            return switch (args[0]) {
                case "assess" -> assess(options, out, err);
                case "demo" -> demo(options, out, err);
                case "rules" -> RulesCommands.run(options, out, err);
                case "import" -> ForecastCommands.importFiles(options, out, err);
                case "train" -> ForecastCommands.train(options, out, err);
                case "evaluate" -> ForecastCommands.evaluate(options, out, err);
                default -> usage(out, OK);
            };
        } catch (UsageException e) {
            err.println("pulse: " + e.getMessage());
            return usage(err, INVALID);
        } catch (IOException e) {
            err.println("pulse: " + e.getMessage());
            return FAILED;
        }
    }

    private static int usage(PrintStream to, int code) {
        to.println("""
                usage: java -jar pulse.jar [COMMAND]
                  (no command)                                   run the Pulse web service
                  assess [--rules DIR] [--models DIR] FILE...    print the assessment JSON (an array for several files)
                  demo generate [DIR] [--seed N]                 write the demo portfolio (default data/demo, seed 2026)
                  rules test [DIR]                               run every scenario of a rules folder (default ./rules)
                  rules validate [DIR]                           build and test a rules folder as a publish would
                  rules replay --rules DIR [--from DATE] [--to DATE] [--projects A,B] [--out FILE.json|FILE.csv]
                                                                 replay a candidate folder against the live rules over
                                                                 the configured MongoDB's snapshots
                  import protrack FILE_OR_DIR...                 import ProTrack .p2x files into the configured MongoDB,
                                                                 one snapshot per tracking period
                  train [--protrack DIR] [--trainer NAME] [--group family|project] [--simulate RUNS] [--models DIR]
                                                                 nested leave-one-project-out evaluation on finished
                                                                 projects (MongoDB, or the files), then the same choice on
                                                                 all of them: write models/slip-model.tribuo and its card
                  evaluate [--protrack DIR] [--model FILE] [--periods-csv FILE] [--group family|project]
                           [--explore each] [--candidates standard|explored] [--simulate RUNS]
                                                                 print the nested evaluation tables (or score the given
                                                                 model with its own range); the CSV lists each period's
                                                                 forecasts: model, 80 % range, ES1, ES2 and the real one
                exit codes: 0 success, 1 Pulse could not run or a check failed, 2 invalid input or usage""");
        return code;
    }

    private static int assess(Options options, PrintStream out, PrintStream err) {
        Path rulesDir = options.path("--rules", "PULSE_RULES_DIR", "./rules");
        Path modelsDir = options.path("--models", "PULSE_MODELS_DIR", "./models");
        List<String> files = options.positional();
        if (files.isEmpty()) {
            throw new UsageException("assess needs at least one snapshot file");
        }
        LiveRules rules = new LiveRules(rulesDir, Clock.systemUTC());
        rules.load();
        if (rules.live().isEmpty()) {
            err.println("pulse: the rule set in " + rulesDir + " does not build:");
            rules.lastRejection().ifPresent(r -> r.errors().forEach(e -> err.println("  " + e)));
            return FAILED;
        }
        RuleSet ruleSet = rules.current();
        Assessor assessor = new Assessor(Forecaster.load(modelsDir.resolve(Forecaster.DEFAULT_MODEL_FILE)), Clock.systemUTC());

        SnapshotReader reader = new SnapshotReader();
        Map<String, Snapshot> valid = new LinkedHashMap<>();
        boolean invalid = false;
        for (String file : files) {
            try {
                valid.put(file, reader.read(Files.readAllBytes(Path.of(file))));
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                invalid = true;
            } catch (NotJsonException e) {
                err.println(file + ": " + e.getMessage());
                invalid = true;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> err.println(file + ": " + p.field() + " " + p.message()));
                invalid = true;
            }
        }
        Map<Snapshot, Assessment> assessed = assessInWeekOrder(assessor, ruleSet, valid.values());
        List<Assessment> inOrderGiven = valid.values().stream().map(assessed::get).toList();
        // one file, its JSON document (nothing when it is invalid); several, one JSON array in the order given
        if (files.size() > 1) {
            out.println(PulseJson.prettyMapper().writeValueAsString(inOrderGiven));
        } else if (!inOrderGiven.isEmpty()) {
            out.println(PulseJson.prettyMapper().writeValueAsString(inOrderGiven.get(0)));
        }
        return invalid ? INVALID : OK;
    }

    /** Files of the same project are assessed oldest first, each with the earlier ones as its history. */
    private static Map<Snapshot, Assessment> assessInWeekOrder(Assessor assessor, RuleSet rules,
                                                               Collection<Snapshot> snapshots) {
        List<Snapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(Comparator.comparing(Snapshot::projectId).thenComparing(Snapshot::asOf));
        Map<Snapshot, Assessment> assessed = new HashMap<>();
        Map<String, List<Snapshot>> earlier = new HashMap<>();
        Map<String, Health.Previous> lastHealth = new HashMap<>();
        for (Snapshot s : ordered) {
            List<Snapshot> before = earlier.computeIfAbsent(s.projectId(), p -> new ArrayList<>());
            List<Snapshot> mostRecentFirst = before.stream().filter(b -> b.asOf().isBefore(s.asOf()))
                    .sorted(Comparator.comparing(Snapshot::asOf).reversed()).toList();
            Assessment a = assessor.assess(rules, s, mostRecentFirst, lastHealth.get(s.projectId()));
            assessed.put(s, a);
            before.add(s);
            lastHealth.put(s.projectId(), new Health.Previous(a.health().score(), a.health().rag()));
        }
        return assessed;
    }

    private static int demo(Options options, PrintStream out, PrintStream err) {
        List<String> rest = options.positional();
        if (rest.isEmpty() || !rest.get(0).equals("generate")) {
            throw new UsageException("demo needs the subcommand 'generate'");
        }
        Path dir = Path.of(rest.size() > 1 ? rest.get(1) : "data/demo");
        long seed;
        try {
            seed = Long.parseLong(options.value("--seed", String.valueOf(DemoPortfolioGenerator.DEFAULT_SEED)));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number");
        }
        try {
            int count = new DemoPortfolioGenerator(seed).write(dir);
            out.println("wrote " + count + " snapshots to " + dir + " (seed " + seed + ")");
            return OK;
        } catch (IOException e) {
            err.println("pulse: cannot write " + dir + ": " + e.getMessage());
            return FAILED;
        }
    }

    /** {@code --name value} options and positional arguments. */
    /**
     * Runs {@code work} in a Pulse context on the configured storage, without the web server and without the
     * demo load; {@code task} names it in the error when the storage cannot be opened.
     */
    static int withStorage(Options options, PrintStream err, String task,
                           Function<ConfigurableApplicationContext, Integer> work) {
        // arguments, not default properties: application.yaml would override defaults and load the demo
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(options.application)
                .web(WebApplicationType.NONE)
                .run("--pulse.demo.load=false", "--logging.config=classpath:logback-cli.xml")) {
            return work.apply(context);
        } catch (RuntimeException e) {
            err.println("pulse: " + task + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    static final class Options {
        private final Map<String, String> named = new HashMap<>();
        private final List<String> positional = new ArrayList<>();

        private final Class<?> application;

        Options(Class<?> application, String[] args, int from) {
            this.application = application;
            for (int i = from; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a value");
                    }
                    named.put(args[i], args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
        }

        String value(String name, String fallback) {
            return named.getOrDefault(name, fallback);
        }

        Path path(String name, String env, String fallback) {
            String fromEnv = System.getenv(env);
            return Path.of(named.getOrDefault(name, fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback));
        }

        List<String> positional() {
            return positional;
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
