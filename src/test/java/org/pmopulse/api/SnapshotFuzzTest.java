package org.pmopulse.api;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.snapshot.TestSnapshots.load;

/**
 * Ten thousand mutated snapshots and bulk bodies against a running Pulse (the real reader, validator, storage and
 * assessment): wrong types, out-of-range numbers, odd dates, missing and unknown fields, operator keys, unicode,
 * deep nesting, large lists and long text, broken bytes. Every answer must be a 2xx or a 4xx problem, never a 5xx;
 * a refused body must leave the store as it was; whatever is stored must read back as a valid snapshot.
 */
class SnapshotFuzzTest {
    private static final int MAX_BODY = 2 * 1024 * 1024;
    /** Tomcat's limit on the request line and headers (server.max-http-request-header-size, 8 KB). */
    private static final int MAX_REQUEST_LINE = 8 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Each generated snapshot is of a project of its own, so storing one never re-assesses a long history. */
    private static final AtomicInteger PROJECTS = new AtomicInteger();
    /** How many tries run between two checks of what is stored (and a fresh start). */
    private static final int BATCH = 1_000;
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static final AtomicInteger STORED = new AtomicInteger();
    private static final ObjectNode FULL = load("full");
    private static RunningPulse pulse;
    private static Http http;
    private static SnapshotStore store;

    @BeforeContainer
    static void start() {
        pulse = RunningPulse.start("--pulse.api.max-body-size=" + MAX_BODY + "B", "--pulse.models-dir=target/no-models");
        // an API token, as a PPM tool's export would send them: it costs a hash of the secret a call, not a bcrypt
        http = pulse.http().bearer(pulse.http().post("/api/tokens", "{\"name\": \"fuzz\", \"role\": \"PROJECT_MANAGER\"}"
                .getBytes(StandardCharsets.UTF_8), "application/json").json().get("secret").asString());
        store = pulse.bean(SnapshotStore.class);
    }

    @AfterContainer
    static void everythingStoredIsValidAndStop() {
        everythingStoredIsValidThenStartAfresh();
        assertThat(STORED.get()).isGreaterThan(PROJECTS.get() / 10); // the valid tries did store something
        pulse.close();
    }

    /**
     * Reads back every week stored so far, strictly, then empties the data collections. The embedded server scans
     * a whole collection for any query but by id, so without this each try would cost more than the one before;
     * the rules' change log and the users and tokens (the tries sign in) are left alone.
     */
    private static final List<String> KEPT = List.of("users", "api_tokens");

    private static void everythingStoredIsValidThenStartAfresh() {
        SnapshotReader strict = new SnapshotReader();
        List<StoredSnapshot> stored = store.between("0000-W01", "9999-W53", List.of());
        for (StoredSnapshot week : stored) {
            strict.read(JSON.writeValueAsBytes(week.snapshot())); // throws if anything invalid got in
        }
        STORED.addAndGet(stored.size());
        MongoTemplate mongo = pulse.bean(MongoTemplate.class);
        mongo.getCollectionNames().stream().filter(name -> !name.startsWith("rule_") && !KEPT.contains(name))
                .forEach(name -> mongo.getCollection(name).deleteMany(new Document()));
    }

    /** One request: how to send it and which project-weeks it could write. */
    record Attempt(String how, String path, byte[] body, String contentType, List<String[]> targets) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return how + " " + path + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    @Property(tries = 10_000, seed = "20261202")
    void everyAnswerIsA2xxOrA4xxProblemAndNothingInvalidIsStored(@ForAll("attempts") Attempt attempt) {
        if (TRIES.incrementAndGet() % BATCH == 0) {
            everythingStoredIsValidThenStartAfresh();
        }
        Map<String, Optional<String>> before = state(attempt.targets());

        Http.Response r;
        try {
            r = attempt.how().equals("PUT") ? http.put(attempt.path(), attempt.body(), attempt.contentType())
                    : http.post(attempt.path(), attempt.body(), attempt.contentType());
        } catch (UncheckedIOException closed) {
            // a body over its limit, or a request line over the server's (an id of 20 000 characters), is refused
            // before the body is read: a client still sending may only see the connection close. That is a
            // refusal too, and must change nothing.
            assertThat(attempt.body().length > MAX_BODY || attempt.path().length() > MAX_REQUEST_LINE)
                    .as("only a request refused before its body is read may be cut off: " + attempt).isTrue();
            assertThat(state(attempt.targets())).as("a refused body changes nothing").isEqualTo(before);
            return;
        }

        assertThat(r.status()).as(r.body()).isBetween(200, 499).isNotIn(401, 403); // the token may write any project
        if (r.status() >= 400) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(r.status());
            if (attempt.how().equals("PUT")) {
                assertThat(state(attempt.targets())).as("a refused snapshot changes nothing").isEqualTo(before);
            }
        }
        if (attempt.how().equals("POST")) {
            for (JsonNode item : r.json().path("items")) {
                assertThat(item.get("outcome").asString()).isIn("CREATED", "REPLACED", "UNCHANGED", "REJECTED");
            }
        }
    }

    /** Content hash of the current snapshot of each target week, or empty. */
    private static Map<String, Optional<String>> state(List<String[]> targets) {
        Map<String, Optional<String>> state = new java.util.TreeMap<>();
        for (String[] t : targets) {
            state.put(t[0] + "/" + t[1], store.find(t[0], t[1]).map(StoredSnapshot::contentHash));
        }
        return state;
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(6, put()),
                Tuple.of(2, bulk(false)),
                Tuple.of(1, bulk(true)),
                Tuple.of(1, brokenBytes())));
    }

    private Arbitrary<Attempt> put() {
        return snapshot().map(node -> {
            String project = text(node, "projectId", "FZ-0");
            String asOf = text(node, "asOf", "2026-11-20");
            return new Attempt("PUT", "/api/projects/" + urlSafe(project) + "/snapshots/" + urlSafe(asOf),
                    JSON.writeValueAsBytes(node), "application/json", targets(List.of(node)));
        });
    }

    private Arbitrary<Attempt> bulk(boolean ndjson) {
        return snapshot().list().ofMinSize(1).ofMaxSize(4).map(nodes -> {
            StringBuilder body = new StringBuilder(ndjson ? "" : "[");
            for (int i = 0; i < nodes.size(); i++) {
                body.append(i > 0 ? (ndjson ? "\n" : ",") : "").append(JSON.writeValueAsString(nodes.get(i)));
            }
            body.append(ndjson ? "\n" : "]");
            return new Attempt("POST", "/api/snapshots", body.toString().getBytes(StandardCharsets.UTF_8),
                    ndjson ? "application/x-ndjson" : "application/json", targets(nodes));
        });
    }

    /**
     * A valid snapshot's bytes cut short, with a byte changed, with invalid UTF-8, with a byte-order mark, or with
     * arrays nested thousands deep (deeper than a JSON writer would write).
     */
    private Arbitrary<Attempt> brokenBytes() {
        return Combinators.combine(snapshot(), Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 10_000),
                Arbitraries.bytes()).as((node, how, at, b) -> {
                    byte[] bytes = JSON.writeValueAsBytes(node);
                    int i = Math.min(at, bytes.length - 1);
                    byte[] broken = switch (how) {
                        case 0 -> java.util.Arrays.copyOf(bytes, i);
                        case 1 -> { byte[] c = bytes.clone(); c[i] = b; yield c; }
                        case 2 -> { byte[] c = bytes.clone(); c[i] = (byte) 0xC3; yield c; }
                        case 3 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
                        default -> ("{\"projectId\":\"FZ-0\",\"asOf\":\"2026-01-02\",\"risks\":" + "[".repeat(at)
                                + "]".repeat(at) + "}").getBytes(StandardCharsets.UTF_8);
                    };
                    return new Attempt("PUT", "/api/projects/" + urlSafe(text(node, "projectId", "FZ-0"))
                            + "/snapshots/" + urlSafe(text(node, "asOf", "2026-11-20")), broken, "application/json",
                            targets(List.of(node)));
                });
    }

    /**
     * A valid snapshot of a new project in one of 350 weeks (so no week's portfolio grows long), with one to three
     * mutations.
     */
    private Arbitrary<ObjectNode> snapshot() {
        Arbitrary<ObjectNode> valid = Combinators.combine(Arbitraries.integers().between(0, 350),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false))).as((week, full) -> {
                    ObjectNode node = full ? FULL.deepCopy() : JSON.createObjectNode();
                    node.put("projectId", "FZ-" + PROJECTS.getAndIncrement());
                    node.put("asOf", LocalDate.of(2020, 1, 3).plusWeeks(week).toString());
                    return node;
                });
        return Combinators.combine(valid, mutation().list().ofMinSize(1).ofMaxSize(3))
                .as((node, mutations) -> {
                    ObjectNode mutated = node;
                    for (UnaryOperator<ObjectNode> m : mutations) {
                        mutated = m.apply(mutated);
                    }
                    return mutated;
                });
    }

    private Arbitrary<UnaryOperator<ObjectNode>> mutation() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000_000);
        return Arbitraries.oneOf(
                Combinators.combine(pick, value()).as((at, v) -> n -> set(n, at, v)),
                pick.map(at -> n -> remove(n, at)),
                Combinators.combine(pick, key(), value()).as((at, k, v) -> n -> add(n, at, k, v)),
                Combinators.combine(pick, date()).as((at, d) -> n -> set(n, at, NODES.stringNode(d))),
                Combinators.combine(pick, Arbitraries.integers().between(2, 200)).as((at, times) -> n -> grow(n, at, times)));
    }

    private Arbitrary<JsonNode> value() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.integers().between(-200, 200).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(1e308, -1e308, 4.9e-324, -0.0, 0.5, 100.0000001).map(NODES::numberNode),
                text().map(NODES::stringNode),
                date().map(NODES::stringNode),
                Arbitraries.integers().between(1, 400).map(SnapshotFuzzTest::nested),
                Arbitraries.just(NODES.arrayNode()),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.of("WATERFALL", "waterfall", "GREEN", "PURPLE", "OPEN", "FS", "CRITICAL").map(NODES::stringNode));
    }

    private Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("\u0000\u202e\ud83d\ude00\u00e9\n\r\t\"\\$.").ofMaxLength(20),
                Arbitraries.of("745000", "1e3", "NaN", "Infinity", "", " ", "null", "true", "$where", "{\"$gt\": 1}",
                        "=HYPERLINK(\"x\")", "../../etc/passwd", "ERP-2026", "a/b"),
                Arbitraries.integers().between(1_000, 20_000).map("x"::repeat));
    }

    private Arbitrary<String> date() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d)),
                Arbitraries.of("2026-11-20T10:00:00", "20/11/2026", "2026-W47", "+12026-11-20", "2026-11-20Z", "2026-2-3"));
    }

    private Arbitrary<String> key() {
        return Arbitraries.oneOf(Arbitraries.of("$set", "$where", "a.b", "", "\u0000", "budgett", "_id", "\ud83d\ude00"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    /** Every object and array inside {@code root}, with a way to pick one by a number. */
    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(JsonNode node, List<JsonNode> all) {
        if (node.isObject() || node.isArray()) {
            all.add(node);
            node.forEach(child -> collect(child, all));
        }
    }

    private static ObjectNode set(ObjectNode root, int at, JsonNode value) {
        JsonNode target = pickWithChildren(root, at);
        if (target instanceof ObjectNode object) {
            String field = object.propertyNames().stream().toList().get(at % object.size());
            object.set(field, value.deepCopy());
        } else if (target instanceof ArrayNode array) {
            array.set(at % array.size(), value.deepCopy());
        }
        return root;
    }

    private static ObjectNode remove(ObjectNode root, int at) {
        JsonNode target = pickWithChildren(root, at);
        if (target instanceof ObjectNode object) {
            object.remove(object.propertyNames().stream().toList().get(at % object.size()));
        } else if (target instanceof ArrayNode array) {
            array.remove(at % array.size());
        }
        return root;
    }

    private static ObjectNode add(ObjectNode root, int at, String key, JsonNode value) {
        List<JsonNode> objects = containers(root).stream().filter(JsonNode::isObject).toList();
        ((ObjectNode) objects.get(at % objects.size())).set(key, value.deepCopy());
        return root;
    }

    private static ObjectNode grow(ObjectNode root, int at, int times) {
        List<JsonNode> arrays = containers(root).stream().filter(n -> n.isArray() && !n.isEmpty()).toList();
        if (!arrays.isEmpty()) {
            ArrayNode array = (ArrayNode) arrays.get(at % arrays.size());
            JsonNode element = array.get(0);
            for (int i = 1; i < times; i++) {
                array.add(element.deepCopy());
            }
        }
        return root;
    }

    /** An object or array with something in it, or null when there is none. */
    private static JsonNode pickWithChildren(ObjectNode root, int at) {
        List<JsonNode> candidates = containers(root).stream().filter(n -> !n.isEmpty()).toList();
        return candidates.isEmpty() ? null : candidates.get(at % candidates.size());
    }

    private static List<String[]> targets(List<ObjectNode> nodes) {
        List<String[]> targets = new ArrayList<>();
        for (ObjectNode n : nodes) {
            String project = n.path("projectId").isString() ? n.get("projectId").asString() : null;
            String asOf = n.path("asOf").isString() ? n.get("asOf").asString() : null;
            if (project != null && project.startsWith("FZ-") && asOf != null) {
                try {
                    targets.add(new String[] {project, IsoWeek.of(LocalDate.parse(asOf))});
                } catch (RuntimeException notADate) {
                    // cannot name a week: nothing of it can be stored either
                }
            }
        }
        return targets;
    }

    private static String text(ObjectNode node, String field, String fallback) {
        return node.path(field).isString() ? node.get(field).asString() : fallback;
    }

    /** Percent-encodes a path segment as a client would, so the request reaches Pulse and is judged there. */
    private static String urlSafe(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
