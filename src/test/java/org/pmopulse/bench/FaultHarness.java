package org.pmopulse.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.system.BsonJson;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills Pulse mid-write and checks what survived (not a test; it needs {@code target/pulse.jar}):
 * {@code mvn -q package -DskipTests && mvn -q -Pbench test-compile exec:exec -Dbench.main=org.pmopulse.bench.FaultHarness}
 * ({@code -Dbench.rounds=10}).
 *
 * <p>Each round starts the jar on one data folder (embedded MongoDB on a fixed port), runs four writers that send
 * new weeks and corrections, publishes a rule change while they write, and kills the process with SIGKILL at a
 * random moment. After the restart (and its reconciliation) it reads the database through the MongoDB driver and
 * counts: writes acknowledged, found (the week holds what was last acknowledged, or the write still in flight),
 * repaired by the start-up reconciliation, lost, and project-weeks whose assessment, portfolio line or summary
 * disagree with the snapshot; and answers of 5xx. Then it sends hostile candidate rule sets (System.exit, a loop
 * without end, a 4 GB allocation) and times the next request.
 */
public final class FaultHarness {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SnapshotReader READER = new SnapshotReader();
    private static final String PASSWORD = "fault-harness-password";
    private static final String ADMIN = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final int WRITERS = 4;
    private static final int PROJECTS_PER_WRITER = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The last acknowledged content of each project-week, and the one sent but not answered when Pulse died. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final Random random = new Random(2026_12_02L);
    private final Path dataDir;
    private final Path rulesDir;
    private final int httpPort;
    private final int mongoPort;

    private FaultHarness(Path work) throws IOException {
        this.dataDir = work.resolve("var");
        this.rulesDir = work.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), rulesDir);
        this.httpPort = freePort();
        this.mongoPort = freePort();
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/pulse.jar");
        if (!Files.exists(jar)) {
            System.out.println("target/pulse.jar is missing: run mvn -q package -DskipTests first");
            return;
        }
        int rounds = Integer.getInteger("bench.rounds", 10);
        Path work = Files.createTempDirectory("pulse-fault-harness");
        try {
            new FaultHarness(work).run(jar, rounds);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private void run(Path jar, int rounds) throws Exception {
        System.out.printf("%d rounds of kill -9 under %d writers and a rule publish; data in %s%n", rounds, WRITERS, dataDir);
        System.out.println("| round | killed after | writes acknowledged | weeks found as last acknowledged (all rounds) | repaired at restart | lost | inconsistent | 5xx |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        int totalLost = 0;
        int totalInconsistent = 0;
        for (int round = 1; round <= rounds; round++) {
            Process pulse = start(jar);
            int acksBefore = acks.get();
            int errorsBefore = serverErrors.get();
            long killAfter = 2_000 + random.nextInt(6_000);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.add(new Thread(() -> write(writer, stop)));
            }
            threads.add(new Thread(() -> publish(stop)));
            threads.forEach(Thread::start);
            Thread.sleep(killAfter);
            pulse.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
            stop.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
            Process restarted = start(jar);
            Check check = check();
            int lost = check.lost();
            totalLost += lost;
            totalInconsistent += check.inconsistent().size();
            System.out.printf("| %d | %.1f s | %d | %d | %d | %d | %d | %d |%n", round, killAfter / 1000.0,
                    acks.get() - acksBefore, acknowledged.size() - lost, check.repaired(), lost,
                    check.inconsistent().size(), serverErrors.get() - errorsBefore);
            check.inconsistent().stream().limit(5).forEach(i -> System.out.println("  inconsistent: " + i));
            if (round == rounds) {
                hostileCandidates();
            }
            restarted.destroy();
            restarted.waitFor();
        }
        System.out.printf("total: %d acknowledged writes, %d lost, %d inconsistent after reconciliation, %d answers of 5xx%n",
                acks.get(), totalLost, totalInconsistent, serverErrors.get());
    }

    private Process start(Path jar) throws Exception {
        Files.createDirectories(dataDir);
        Process p = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + httpPort,
                "--pulse.data-dir=" + dataDir, "--pulse.embedded-mongo.port=" + mongoPort, "--pulse.demo.load=false",
                "--pulse.rules-dir=" + rulesDir, "--PULSE_ADMIN_PASSWORD=" + PASSWORD,
                "--logging.level.root=WARN", "--logging.level.org.pmopulse.system.StartupLog=INFO")
                .redirectErrorStream(true).redirectOutput(dataDir.resolveSibling("pulse.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.readString(dataDir.resolveSibling("pulse.log")).contains("Pulse is ready")) {
                Files.writeString(dataDir.resolveSibling("pulse.log"), ""); // the next start's line is its own
                return p;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("Pulse did not start:\n" + Files.readString(dataDir.resolveSibling("pulse.log")));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Pulse did not get ready within 2 minutes");
    }

    /** New weeks and corrections of this writer's own projects, until told to stop or Pulse dies. */
    private void write(int writer, AtomicBoolean stop) {
        Random mine = new Random(writer * 7919L + System.nanoTime());
        String[] rag = {"GREEN", "AMBER", "RED"};
        while (!stop.get()) {
            String project = "H-" + writer + "-" + mine.nextInt(PROJECTS_PER_WRITER);
            LocalDate asOf = LocalDate.of(2026, 6, 5).plusWeeks(mine.nextInt(20));
            String key = project + "/" + asOf;
            String body = """
                    {"projectId":"%s","asOf":"%s","pmStatus":"%s","progress":{"percentComplete":%d},
                     "baseline":{"start":"2026-01-05","finish":"2026-12-18","budget":1000000}}"""
                    .formatted(project, asOf, rag[mine.nextInt(3)], mine.nextInt(101));
            inFlight.put(key, body);
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/projects/"
                                + project + "/snapshots/" + asOf)).header("Content-Type", "application/json")
                        .header("Authorization", ADMIN).timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    acknowledged.put(key, body);
                    acks.incrementAndGet();
                } else if (r.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                    System.out.println("  5xx: " + r.statusCode() + " " + r.body());
                }
                inFlight.remove(key);
            } catch (IOException | InterruptedException e) {
                return; // Pulse was killed: this write stays in flight
            }
        }
    }

    /** A rule change while the writers write: the green band moves by one point. */
    private void publish(AtomicBoolean stop) {
        try {
            Thread.sleep(500);
            String thresholds = Files.readString(rulesDir.resolve("thresholds.yaml"));
            String changed = thresholds.contains("green: 80 ") ? thresholds.replace("green: 80 ", "green: 81 ")
                    : thresholds.replace("green: 81 ", "green: 80 ");
            String body = JSON.writeValueAsString(Map.of("files", Map.of("thresholds.yaml", changed)));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/rules/publish"))
                    .header("Content-Type", "application/json").header("Authorization", ADMIN).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                serverErrors.incrementAndGet();
            }
        } catch (IOException | InterruptedException e) {
            // killed while publishing
        }
    }

    private record Check(int lost, int repaired, List<String> inconsistent) {}

    /** What the database holds after the restart, read through the MongoDB driver. */
    private Check check() {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            MongoDatabase db = client.getDatabase("pulse");
            int lost = 0;
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                String[] key = ack.getKey().split("/");
                String week = IsoWeek.of(LocalDate.parse(key[1]));
                Document stored = db.getCollection("snapshots").find(new Document("_id", key[0] + "/" + week)).first();
                Snapshot held = stored == null ? null : BsonJson.fromBson(stored.get("snapshot", Document.class), Snapshot.class);
                boolean found = held != null && (same(held, ack.getValue()) || same(held, inFlight.get(ack.getKey())));
                if (!found) {
                    lost++;
                    System.out.println("  lost: " + ack.getKey());
                } else if (same(held, inFlight.get(ack.getKey()))) {
                    ack.setValue(inFlight.get(ack.getKey())); // the in-flight write made it: it is the latest now
                }
            }
            inFlight.clear();
            Document report = db.getCollection("reconciliations").find().sort(new Document("startedAt", -1)).first();
            int repaired = report == null ? 0 : report.getList("reassessed", String.class).size()
                    + report.getList("removed", String.class).size() + report.getInteger("jobsInterrupted", 0);
            return new Check(lost, repaired, inconsistencies(db));
        }
    }

    private static boolean same(Snapshot held, String sent) {
        return sent != null && held.equals(READER.read(sent.getBytes(StandardCharsets.UTF_8)));
    }

    /** Project-weeks whose assessment, portfolio line or summary disagree with the stored snapshot. */
    private static List<String> inconsistencies(MongoDatabase db) {
        Map<String, Document> counting = new HashMap<>();
        for (Document a : db.getCollection("assessments").find().projection(new Document("assessment", 0))) {
            String key = a.getString("projectId") + "/" + a.getString("week");
            Document known = counting.get(key);
            if (known == null || a.getDate("assessedAt").after(known.getDate("assessedAt"))) {
                counting.put(key, a);
            }
        }
        Map<String, Date> lines = new HashMap<>();
        for (Document week : db.getCollection("portfolio_weeks").find()) {
            for (Document line : week.getList("projects", Document.class)) {
                lines.put(line.getString("projectId") + "/" + week.getString("_id"), line.getDate("assessedAt"));
            }
        }
        Map<String, String> latestWeek = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Document s : db.getCollection("snapshots").find().projection(new Document("snapshot", 0))) {
            String key = s.getString("projectId") + "/" + s.getString("week");
            latestWeek.merge(s.getString("projectId"), s.getString("week"), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            Document a = counting.get(key);
            if (a == null || !s.getString("contentHash").equals(a.getString("snapshotHash"))) {
                wrong.add(key + ": no assessment of its content");
            } else if (!a.getDate("assessedAt").equals(lines.get(key))) {
                wrong.add(key + ": portfolio line behind");
            }
        }
        latestWeek.forEach((project, week) -> {
            Document summary = db.getCollection("projects").find(new Document("_id", project)).first();
            Document a = counting.get(project + "/" + week);
            if (summary == null || !week.equals(summary.getString("week"))
                    || (a != null && !a.getDate("assessedAt").equals(summary.getDate("assessedAt")))) {
                wrong.add(project + ": summary behind week " + week);
            }
        });
        return wrong;
    }

    /** Candidates that would end, hang or exhaust a process, and how fast Pulse answers right after each. */
    private void hostileCandidates() throws Exception {
        Map<String, String> hostile = Map.of("System.exit(42)", "System.exit(42);",
                "a loop without end", "for (;;) { }",
                "a 4 GB allocation", "long[] big = new long[500_000_000];");
        for (Map.Entry<String, String> candidate : hostile.entrySet()) {
            String drl = """
                    package earlywarning;
                    import org.pmopulse.rules.fact.*;
                    // hostile on purpose
                    rule "EW-TST-001 Hostile"
                        @kind(EARLY_WARNING) @dimension(schedule) @severity(LOW)
                    when
                        $p : ProjectFact()
                    then
                        %s
                    end
                    """.formatted(candidate.getValue());
            long t = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/rules/validate"))
                    .header("Content-Type", "application/json").header("Authorization", ADMIN)
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("files", Map.of("earlywarning/hostile.drl", drl))))).build(),
                    HttpResponse.BodyHandlers.ofString());
            long validated = System.nanoTime() - t;
            t = System.nanoTime();
            HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/projects")).header("Authorization", ADMIN).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("hostile candidate, %s: %d in %.1f s (%s); the next request: %d in %d ms%n",
                    candidate.getKey(), r.statusCode(), validated / 1e9, summary(r.body()), next.statusCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
        }
    }

    private static String summary(String body) {
        JsonNode json = JSON.readTree(body);
        return json.has("detail") ? json.get("detail").asString() : json.at("/errors/0/message").asString();
    }

    private String base() {
        return "http://localhost:" + httpPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
