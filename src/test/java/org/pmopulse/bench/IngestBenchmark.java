package org.pmopulse.bench;

import org.pmopulse.support.Http;

import org.pmopulse.PulseApplication;
import org.pmopulse.demo.DemoPortfolioGenerator;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.system.PulseJson;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What durable writes cost (not a test): {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=org.pmopulse.bench.IngestBenchmark}. Sends the demo portfolio's 160 snapshots, twice over as 20
 * copies (3 200 PUTs, new weeks in order) to a Pulse on the embedded store, once with the H2 file (every write
 * synced before the answer) and once in memory, and reports the time per PUT over HTTP after a warm-up copy.
 */
public final class IngestBenchmark {
    private static final int COPIES = 20;

    public static void main(String[] args) throws Exception {
        List<Snapshot> demo = new DemoPortfolioGenerator(DemoPortfolioGenerator.DEFAULT_SEED).generate();
        Path data = Files.createTempDirectory("pulse-ingest-bench");
        try {
            System.out.printf("| store | PUTs timed | median | p95 | PUTs/s |%n|---|---|---|---|---|%n");
            run("embedded H2 file, each write synced", demo, "--pulse.embedded-mongo.persistent=true",
                    "--pulse.data-dir=" + data);
            run("embedded, in memory", demo, "--pulse.embedded-mongo.persistent=false");
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static void run(String label, List<Snapshot> demo, String... settings) throws Exception {
        String[] args = new String[settings.length + 4];
        args[0] = "--server.port=0";
        args[1] = "--pulse.demo.load=false";
        args[2] = "--logging.config=classpath:logback-cli.xml";
        args[3] = "--PULSE_ADMIN_PASSWORD=" + Http.ADMIN_PASSWORD;
        System.arraycopy(settings, 0, args, 4, settings.length);
        try (ConfigurableApplicationContext pulse = SpringApplication.run(PulseApplication.class, args)) {
            int port = ((WebServerApplicationContext) pulse).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            List<Snapshot> all = BenchData.copies(demo, COPIES + 1);
            long[] nanos = new long[all.size() - demo.size()];
            int timed = 0;
            long started = 0;
            for (int i = 0; i < all.size(); i++) {
                if (i == demo.size()) {
                    started = System.nanoTime(); // the first copy warmed up
                }
                Snapshot s = all.get(i);
                long t = System.nanoTime();
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/projects/" + s.projectId() + "/snapshots/" + s.asOf()))
                        .header("Content-Type", "application/json").header("Authorization", Http.ADMIN_BASIC)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(PulseJson.mapper().writeValueAsBytes(s))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("PUT answered " + r.statusCode());
                }
                if (i >= demo.size()) {
                    nanos[timed++] = System.nanoTime() - t;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("| %s | %d | %.1f ms | %.1f ms | %.0f |%n", label, nanos.length,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6, nanos.length / seconds);
        }
    }
}
