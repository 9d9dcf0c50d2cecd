package org.pmopulse.cli;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.assessment.Health;
import org.pmopulse.assessment.HistoryWindow;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.NotJsonException;
import org.pmopulse.system.PulseJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code assess FILE...}: the assessment of snapshot files, without a server or a database. */
@Command(name = "assess", description = {"Print the assessment JSON of snapshot files.",
        "One file prints one document; several print one JSON array, in the order given.",
        "Weeks of one project are assessed oldest first, each with the earlier ones as its history."})
final class AssessCommand implements Callable<Integer> {
    private final PulseCli.Context context;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:PULSE_RULES_DIR:-./rules}",
            description = "the rules folder (default: PULSE_RULES_DIR or ./rules)")
    Path rulesDir;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "${env:PULSE_MODELS_DIR:-./models}",
            description = "the models folder (default: PULSE_MODELS_DIR or ./models)")
    Path modelsDir;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "snapshot JSON files")
    List<Path> files;

    AssessCommand(PulseCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream err = context.err();
        LiveRules rules = new LiveRules(rulesDir, Clock.systemUTC());
        rules.load();
        if (rules.live().isEmpty()) {
            err.println("pulse: the rule set in " + rulesDir + " does not build:");
            rules.lastRejection().ifPresent(r -> r.errors().forEach(e -> err.println("  " + e)));
            return PulseCli.FAILED;
        }
        Assessor assessor = new Assessor(Forecaster.load(modelsDir.resolve(Forecaster.DEFAULT_MODEL_FILE)), Clock.systemUTC());
        SnapshotReader reader = new SnapshotReader();
        Map<Path, Snapshot> valid = new LinkedHashMap<>();
        boolean invalid = false;
        for (Path file : files) {
            try {
                valid.put(file, reader.read(Files.readAllBytes(file)));
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
        Map<Snapshot, Assessment> assessed = inWeekOrder(assessor, rules.current(), valid.values());
        List<Assessment> inOrderGiven = valid.values().stream().map(assessed::get).toList();
        // one file, its JSON document (nothing when it is invalid); several, one JSON array in the order given
        if (files.size() > 1) {
            context.out().println(PulseJson.prettyMapper().writeValueAsString(inOrderGiven));
        } else if (!inOrderGiven.isEmpty()) {
            context.out().println(PulseJson.prettyMapper().writeValueAsString(inOrderGiven.get(0)));
        }
        return invalid ? PulseCli.INVALID : PulseCli.OK;
    }

    /** Files of the same project are assessed oldest first, each with the earlier ones as its history. */
    private static Map<Snapshot, Assessment> inWeekOrder(Assessor assessor, RuleSet rules, Collection<Snapshot> snapshots) {
        Map<String, List<Snapshot>> byProject = snapshots.stream().sorted(Comparator.comparing(Snapshot::asOf))
                .collect(Collectors.groupingBy(Snapshot::projectId));
        Map<Snapshot, Assessment> assessed = new HashMap<>();
        for (List<Snapshot> weeks : byProject.values()) {
            Health.Previous previous = null;
            for (int i = 0; i < weeks.size(); i++) {
                Assessment a = assessor.assess(rules, weeks.get(i), HistoryWindow.before(weeks, i), previous);
                assessed.put(weeks.get(i), a);
                previous = new Health.Previous(a.health().score(), a.health().rag());
            }
        }
        return assessed;
    }
}
