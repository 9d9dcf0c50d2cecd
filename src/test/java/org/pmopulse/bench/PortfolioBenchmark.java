package org.pmopulse.bench;

import org.pmopulse.support.Http;

import org.pmopulse.PulseApplication;
import org.pmopulse.demo.DemoPortfolioGenerator;
import org.pmopulse.portfolio.Job;
import org.pmopulse.portfolio.WeeklyBatch;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * End-to-end harness for the PMO views at scale (not a test): {@code mvn -Pbench test-compile exec:exec
 * -Dbench.main=org.pmopulse.bench.PortfolioBenchmark}. For 100, 500 and 2000 projects: snapshots stored in the
 * embedded MongoDB (in memory), the weekly batch timed for the last two weeks, then GET /api/portfolio over HTTP.
 * 100 and 500 projects carry 52 weeks each; 2000 carry 16 (104 000 snapshots would take most of an hour to load).
 * One size only: {@code -Dbench.projects=2000 -Dbench.weeks=16} on the Maven command line.
 */
public final class PortfolioBenchmark {
    public static void main(String[] args) throws Exception {
        System.out.printf("Portfolio benchmark on %d cores%n", Runtime.getRuntime().availableProcessors());
        String only = System.getProperty("bench.projects");
        if (only != null && !only.isBlank()) {
            run(Integer.parseInt(only), Integer.parseInt(System.getProperty("bench.weeks", "52")));
            return;
        }
        run(100, 52);
        run(500, 52);
        run(2000, 16);
    }

    private static void run(int projects, int weeks) throws Exception {
        try (ConfigurableApplicationContext pulse = SpringApplication.run(PulseApplication.class, "--server.port=0",
                "--pulse.demo.load=false", "--pulse.embedded-mongo.persistent=false", "--pulse.batch.cron=-",
                "--logging.config=classpath:logback-cli.xml", "--PULSE_ADMIN_PASSWORD=" + Http.ADMIN_PASSWORD)) {
            SnapshotStore store = pulse.getBean(SnapshotStore.class);
            List<Snapshot> base = new DemoPortfolioGenerator(DemoPortfolioGenerator.DEFAULT_SEED, weeks).generate();
            long t0 = System.nanoTime();
            BenchData.copies(base, projects / 10).forEach(s -> store.save(s, "benchmark"));
            long load = (System.nanoTime() - t0) / 1_000_000;
            WeeklyBatch batch = pulse.getBean(WeeklyBatch.class);
            long previousWeek = time(batch, DemoPortfolioGenerator.LAST_WEEK.minusWeeks(1));
            long lastWeek = time(batch, DemoPortfolioGenerator.LAST_WEEK);

            int port = ((WebServerApplicationContext) pulse).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/portfolio"))
                    .header("Authorization", Http.ADMIN_BASIC).build();
            for (int i = 0; i < 10; i++) {
                http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            long[] millis = new long[50];
            for (int i = 0; i < millis.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                millis[i] = (System.nanoTime() - t) / 1_000_000;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/portfolio answered " + r.statusCode());
                }
            }
            Arrays.sort(millis);
            System.out.printf("%d projects x %d weeks (%d snapshots stored in %d s): weekly batch %d ms (the week before, then the latest after it: %d ms); "
                            + "GET /api/portfolio median %d ms, p95 %d ms (50 requests)%n", projects, weeks,
                    projects * weeks, load / 1000, lastWeek, previousWeek, millis[25], millis[47]);
        }
    }

    private static long time(WeeklyBatch batch, LocalDate week) throws InterruptedException {
        long t = System.nanoTime();
        Job job = batch.start(week, "benchmark");
        while (batch.job(job.id()).orElseThrow().status() == Job.Status.RUNNING) {
            Thread.sleep(20);
        }
        Job done = batch.job(job.id()).orElseThrow();
        if (done.failed() > 0) {
            throw new IllegalStateException("batch failures: " + done.failures());
        }
        return (System.nanoTime() - t) / 1_000_000;
    }

}
