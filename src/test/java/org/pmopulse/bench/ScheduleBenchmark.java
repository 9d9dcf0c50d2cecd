package org.pmopulse.bench;

import org.pmopulse.assessment.Assessor;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSources;
import org.pmopulse.snapshot.DateWindow;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.system.PulseJson;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * How the cost of one snapshot grows with its task network (not a test):
 * {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=org.pmopulse.bench.ScheduleBenchmark}.
 * For 1 000, 10 000 and 100 000 tasks (chains of 20 from a start to a finish milestone, one link a task): reading
 * the JSON (parse, bind, validate) and one whole assessment (metrics, the schedule network and DCMA measures, every
 * rule, the forecast), median of a few runs after a warm-up. Linear growth means x10 tasks costs about x10 time.
 */
public final class ScheduleBenchmark {
    private static final int[] CHAINS = {50, 500, 5_000};
    private static final int CHAIN_LENGTH = 20;
    private static final int RUNS = 5;

    public static void main(String[] args) {
        RuleSet rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));
        Assessor assessor = new Assessor(Forecaster.load(Path.of("models", Forecaster.DEFAULT_MODEL_FILE)), Clock.systemUTC());
        SnapshotReader reader = new SnapshotReader(DateWindow.defaults(Clock.systemUTC()), Integer.MAX_VALUE);
        Snapshot erp = BenchData.erpLatestWeek();
        System.out.printf("| tasks | JSON | read (parse + validate) | assess (rules + forecast) |%n|---|---|---|---|%n");
        for (int chains : CHAINS) {
            Snapshot snapshot = BenchData.withNetwork(erp, chains, CHAIN_LENGTH);
            byte[] json = PulseJson.mapper().writeValueAsBytes(snapshot);
            reader.read(json); // warm-up
            assessor.assess(rules, snapshot, List.of(), null);
            long[] read = new long[RUNS];
            long[] assess = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                Snapshot back = reader.read(json);
                read[i] = System.nanoTime() - t;
                t = System.nanoTime();
                assessor.assess(rules, back, List.of(), null);
                assess[i] = System.nanoTime() - t;
            }
            System.out.printf("| %,d | %.1f MB | %.0f ms | %.0f ms |%n", snapshot.tasks().size(), json.length / 1e6,
                    median(read), median(assess));
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
