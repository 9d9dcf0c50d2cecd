package org.pmopulse.bench;

import org.pmopulse.PulseApplication;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.assessment.HistoryWindow;
import org.pmopulse.demo.DemoPortfolioGenerator;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.RuleFolder;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSources;
import org.pmopulse.coach.ReplayReport;
import org.pmopulse.coach.ReplayService;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end benchmark harness (not a test): {@code mvn -Pbench test-compile exec:exec}.
 * <ol>
 *   <li>Rule-set build time from the rules folder (first build in this JVM, then rebuilds).</li>
 *   <li>In-process assessment latency over the demo portfolio: every snapshot assessed with its earlier weeks,
 *   after a warm-up; median, p99 and max over all timed assessments.</li>
 *   <li>One assessment with the full catalogue on a snapshot with 500 tasks (the DCMA checks' worst case here).</li>
 *   <li>Replay of a candidate rule set over 200 projects x 12 weeks in the embedded MongoDB.</li>
 *   <li>Start-up of the packaged jar ({@code target/pulse.jar}, when built): time until /actuator/health answers UP,
 *   on an empty data folder (demo portfolio loaded and assessed) and again on the same folder.</li>
 * </ol>
 */
public final class PulseBenchmark {
    private static final int WARM_UP_ROUNDS = 30;
    private static final int TIMED_ROUNDS = 60;

    public static void main(String[] args) throws Exception {
        System.out.printf("Pulse benchmark on %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        RuleSet rules = ruleSetBuild();
        assessmentLatency(rules);
        largeScheduleLatency(rules);
        replay();
        startUp();
    }

    private static RuleSet ruleSetBuild() {
        RuleSetBuilder builder = new RuleSetBuilder(Clock.systemUTC());
        long t0 = System.nanoTime();
        RuleSet rules = builder.build(RuleSources.read(Path.of("rules")));
        long first = System.nanoTime() - t0;
        long[] rebuilds = new long[5];
        for (int i = 0; i < rebuilds.length; i++) {
            long t = System.nanoTime();
            builder.build(RuleSources.read(Path.of("rules")));
            rebuilds[i] = System.nanoTime() - t;
        }
        Arrays.sort(rebuilds);
        System.out.printf("rule set: %d rules, first build %d ms, rebuild median %d ms%n", rules.catalogue().size(),
                first / 1_000_000, rebuilds[rebuilds.length / 2] / 1_000_000);
        return rules;
    }

    private static void assessmentLatency(RuleSet rules) {
        Assessor assessor = new Assessor(Forecaster.load(Path.of("models", Forecaster.DEFAULT_MODEL_FILE)), Clock.systemUTC());
        List<Snapshot> portfolio = new DemoPortfolioGenerator(DemoPortfolioGenerator.DEFAULT_SEED).generate();
        Map<Snapshot, List<Snapshot>> earlier = new HashMap<>();
        Map<String, List<Snapshot>> seen = new HashMap<>();
        for (Snapshot s : portfolio) {
            List<Snapshot> before = new ArrayList<>(seen.computeIfAbsent(s.projectId(), p -> new ArrayList<>()));
            Collections.reverse(before);
            earlier.put(s, HistoryWindow.of(before));
            seen.get(s.projectId()).add(s);
        }
        long sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Snapshot s : portfolio) {
                sink += assessor.assess(rules, s, earlier.get(s), null).findings().size();
            }
        }
        long[] nanos = new long[TIMED_ROUNDS * portfolio.size()];
        int n = 0;
        long started = System.nanoTime();
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            for (Snapshot s : portfolio) {
                long t = System.nanoTime();
                sink += assessor.assess(rules, s, earlier.get(s), null).findings().size();
                nanos[n++] = System.nanoTime() - t;
            }
        }
        long total = System.nanoTime() - started;
        Arrays.sort(nanos);
        System.out.printf("assessment in-process over the demo portfolio (%d snapshots x %d rounds, %d warm-up rounds, "
                        + "findings checksum %d):%n  median %.3f ms, p99 %.3f ms, max %.3f ms, %.0f assessments/s on one thread%n",
                portfolio.size(), TIMED_ROUNDS, WARM_UP_ROUNDS, sink, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, n / (total / 1e9));
    }

    /**
     * One assessment with the full catalogue on a snapshot with a 500-task network: 25 parallel chains of 20
     * tasks from a start milestone to a finish milestone, the first few tasks of each chain done, one running.
     */
    private static void largeScheduleLatency(RuleSet rules) {
        Snapshot snapshot = BenchData.withNetwork(BenchData.erpLatestWeek(), 25, 20);
        List<Snapshot.Task> tasks = snapshot.tasks();
        Assessor assessor = new Assessor(Forecaster.load(Path.of("models", Forecaster.DEFAULT_MODEL_FILE)), Clock.systemUTC());
        long sink = 0;
        for (int i = 0; i < 2_000; i++) {
            sink += assessor.assess(rules, snapshot, List.of(), null).findings().size();
        }
        long[] nanos = new long[2_000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            sink += assessor.assess(rules, snapshot, List.of(), null).findings().size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("assessment in-process, full catalogue (%d rules), snapshot with %d tasks (%d timed after 2 000 "
                        + "warm-up, checksum %d):%n  median %.3f ms, p99 %.3f ms, max %.3f ms%n", rules.catalogue().size(),
                tasks.size(), nanos.length, sink, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    /**
     * Replay of a candidate (the green band raised from 80 to 97) over 200 projects x 12 weeks stored in the
     * embedded MongoDB (plus the 4 earlier weeks of history the first weeks need), next to the live rules.
     */
    private static void replay() {
        try (ConfigurableApplicationContext pulse = new SpringApplicationBuilder(PulseApplication.class)
                .web(WebApplicationType.NONE)
                .run("--pulse.demo.load=false", "--pulse.embedded-mongo.persistent=false",
                        "--logging.config=classpath:logback-cli.xml")) {
            SnapshotStore store = pulse.getBean(SnapshotStore.class);
            List<Snapshot> demo = new DemoPortfolioGenerator(DemoPortfolioGenerator.DEFAULT_SEED).generate();
            BenchData.copies(demo, 20).forEach(s -> store.save(s, "benchmark"));
            RuleFolder live = RuleFolder.read(Path.of("rules"));
            RuleSet liveRules = new RuleSetBuilder(Clock.systemUTC()).build(live.ruleSources("live"));
            String thresholds = live.files().get("thresholds.yaml").replace("green: 80 ", "green: 97 ");
            RuleSet candidate = new RuleSetBuilder(Clock.systemUTC())
                    .build(live.with(Map.of("thresholds.yaml", thresholds)).ruleSources("candidate"));
            ReplayService replay = pulse.getBean(ReplayService.class);
            replay.replay(liveRules, candidate, null, null, List.of());   // warm-up
            long[] millis = new long[3];
            ReplayReport report = null;
            for (int i = 0; i < millis.length; i++) {
                long t = System.nanoTime();
                report = replay.replay(liveRules, candidate, null, null, List.of());
                millis[i] = (System.nanoTime() - t) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("replay of a candidate over %d projects x 12 weeks (%d project-weeks, both rule sets, "
                            + "embedded MongoDB): median of 3 runs %d ms (min %d, max %d)%n  %s%n", report.projects(),
                    report.projectWeeks(), millis[1], millis[0], millis[2], report.summary());
        }
    }


    private static void startUp() throws IOException, InterruptedException {
        Path jar = Path.of("target/pulse.jar");
        if (!Files.exists(jar)) {
            System.out.println("start-up: skipped, build target/pulse.jar first (mvn package)");
            return;
        }
        Path data = Files.createTempDirectory("pulse-bench");
        System.out.printf("start-up of java -jar target/pulse.jar until /actuator/health is UP:%n");
        System.out.printf("  empty data folder (loads and assesses the demo portfolio): %d ms%n", timeToHealthy(jar, data));
        System.out.printf("  same data folder again: %d ms%n", timeToHealthy(jar, data));
    }

    private static long timeToHealthy(Path jar, Path data) throws IOException, InterruptedException {
        int port = 18000 + (int) (Math.random() * 1000);
        long t0 = System.nanoTime();
        Process pulse = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--server.port=" + port, "--pulse.data-dir=" + data)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            while (true) {
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return (System.nanoTime() - t0) / 1_000_000;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!pulse.isAlive()) {
                    throw new IllegalStateException("pulse exited with " + pulse.exitValue());
                }
                Thread.sleep(50);
            }
        } finally {
            pulse.destroy();
            pulse.waitFor();
        }
    }
}
