package org.pmopulse.access;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a password or an API token, as a tool or a script does it: what is refused is a 401 problem
 * (never a 5xx) and writes nothing; users and tokens are managed through the API and every change is audited.
 */
class SignInTest {
    private static final String SNAPSHOT = "{\"projectId\": \"SIGN-IN\", \"asOf\": \"2026-11-20\"}";
    private static RunningPulse pulse;
    private static Http admin;

    @BeforeAll
    static void start() {
        pulse = RunningPulse.start();
        admin = pulse.http();
    }

    @AfterAll
    static void stop() {
        pulse.close();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void addUser(String name, String password, String roles, String projects) {
        Http.Response r = admin.post("/api/users", json("{\"name\": \"" + name + "\", \"password\": \"" + password
                + "\", \"roles\": " + roles + ", \"projects\": " + projects + "}"), "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static String token(String body) {
        Http.Response r = admin.post("/api/tokens", json(body), "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("secret").asString();
    }

    /** The refused write: 401 with a problem naming Authorization, and nothing stored. */
    private static void refused(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("Authorization");
        assertThat(r.header("WWW-Authenticate")).contains("Basic").contains("Bearer");
        assertThat(admin.get("/api/projects/SIGN-IN/snapshots").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Basic bm9ib2R5OnBhc3N3b3JkLTEyMzQ=", // nobody:password-1234
            "Basic YWRtaW46d3JvbmctcGFzc3dvcmQ=",                  // admin:wrong-password
            "Basic !!!not-base64!!!", "Basic", "Bearer", "Bearer pulse_not-a-token", "Bearer not.a.jwt",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.", "Digest username=admin"})
    void badCredentialsAreA401AndWriteNothing(String authorization) {
        refused(admin.send("PUT", "/api/projects/SIGN-IN/snapshots/2026-11-20", json(SNAPSHOT),
                "Content-Type", "application/json", "Authorization", authorization));
    }

    @Test
    void aDisabledUserCannotSignInAnyMore() {
        addUser("leaver", "leaver-password-1", "[\"PROJECT_MANAGER\"]", "[\"SIGN-IN\"]");
        Http leaver = admin.as("leaver", "leaver-password-1");
        assertThat(leaver.get("/api/me").json().get("name").asString()).isEqualTo("leaver");

        Http.Response disabled = admin.send("PATCH", "/api/users/leaver", json("{\"enabled\": false}"),
                "Content-Type", "application/json");

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        refused(leaver.put("/api/projects/SIGN-IN/snapshots/2026-11-20", json(SNAPSHOT)));
        assertThat(leaver.get("/api/me").json().get("detail").asString()) // the same words as a wrong password
                .isEqualTo(admin.as("leaver", "wrong-password").get("/api/me").json().get("detail").asString());
    }

    @Test
    void aTokenWorksUntilItIsRevokedAndIsStoredOnlyAsAHash() {
        String secret = token("{\"name\": \"CI job\", \"role\": \"PMO_LEAD\", \"expiresInDays\": 7}");
        Http ci = admin.bearer(secret);
        JsonNode me = ci.get("/api/me").json();
        assertThat(me.get("roles").toString()).isEqualTo("[\"PMO_LEAD\"]");
        assertThat(me.get("via").asString()).isEqualTo("TOKEN");
        String id = me.get("name").asString().substring("token:".length());
        assertThat(admin.get("/api/tokens").body()).contains(id).doesNotContain(secret);
        assertThat(pulse.bean(org.springframework.data.mongodb.core.MongoTemplate.class)
                .getCollection("api_tokens").find().first().toJson()).doesNotContain(secret);

        assertThat(admin.delete("/api/tokens/" + id).json().get("state").asString()).isEqualTo("REVOKED");

        Http.Response after = ci.get("/api/portfolio");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void aTokenLimitedToProjectsWritesOnlyThose() {
        String secret = token("{\"name\": \"PPM export\", \"role\": \"PROJECT_MANAGER\", \"projects\": [\"LIMITED-1\"]}");
        Http export = admin.bearer(secret);

        assertThat(export.put("/api/projects/LIMITED-1/snapshots/2026-11-20",
                json("{\"projectId\": \"LIMITED-1\", \"asOf\": \"2026-11-20\"}")).status()).isEqualTo(201);
        Http.Response other = export.put("/api/projects/LIMITED-2/snapshots/2026-11-20",
                json("{\"projectId\": \"LIMITED-2\", \"asOf\": \"2026-11-20\"}"));
        Http.Response bulk = export.post("/api/snapshots", json("[{\"projectId\": \"LIMITED-1\", \"asOf\": \"2026-11-27\"},"
                + " {\"projectId\": \"LIMITED-2\", \"asOf\": \"2026-11-27\"}]"), "application/json");

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(bulk.status()).isEqualTo(403);
        assertThat(bulk.json().get("detail").asString()).contains("LIMITED-2");
        assertThat(admin.get("/api/projects/LIMITED-1/snapshots").json()).hasSize(1); // nothing of the bulk stored
        assertThat(admin.get("/api/projects/LIMITED-2/snapshots").status()).isEqualTo(404);
    }

    @Test
    void aTokenLimitedToProjectsCannotReachWhatSpansEveryProject() {
        String pmo = token("{\"name\": \"one project's report\", \"role\": \"PMO_LEAD\", \"projects\": [\"LIMITED-1\"]}");
        Http.Response limitedAdmin = admin.post("/api/tokens", json("{\"name\": \"x\", \"role\": \"ADMIN\","
                + " \"projects\": [\"LIMITED-1\"]}"), "application/json");

        assertThat(admin.bearer(pmo).post("/api/portfolio/assessments", new byte[0], "application/json").status())
                .isEqualTo(403);
        assertThat(admin.bearer(pmo).get("/api/audit").status()).isEqualTo(403);
        assertThat(admin.bearer(pmo).get("/api/me").json().get("limitedTo").toString()).isEqualTo("[\"LIMITED-1\"]");
        assertThat(limitedAdmin.status()).isEqualTo(422);
        assertThat(limitedAdmin.json().at("/errors/0/field").asString()).isEqualTo("projects");
    }

    @Test
    void guessesSentTogetherCannotSlipPastTheLimit() throws Exception {
        addUser("parallel", "parallel-password", "[\"PMO_LEAD\"]", "[]");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String guess = "guess-" + i;
                answers.add(pool.submit(() -> admin.as("parallel", guess).get("/api/me").status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badUsersAndTokensAreRefusedNamingTheField() {
        Http.Response shortPassword = admin.post("/api/users", json("{\"name\": \"x\", \"password\": \"short\","
                + " \"roles\": [\"COACH\"]}"), "application/json");
        Http.Response unknownRole = admin.post("/api/users", json("{\"name\": \"y\", \"password\": \"long-enough-pw-1\","
                + " \"roles\": [\"KING\"]}"), "application/json");
        Http.Response taken = admin.post("/api/users", json("{\"name\": \"admin\", \"password\": \"long-enough-pw-1\","
                + " \"roles\": [\"COACH\"]}"), "application/json");
        Http.Response forever = admin.post("/api/tokens", json("{\"name\": \"t\", \"role\": \"COACH\","
                + " \"expiresInDays\": 5000}"), "application/json");

        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(shortPassword.json().at("/errors/0/field").asString()).isEqualTo("password");
        assertThat(unknownRole.status()).isEqualTo(422);
        assertThat(unknownRole.json().at("/errors/0/field").asString()).startsWith("roles");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(forever.status()).isEqualTo(422);
        assertThat(forever.json().at("/errors/0/field").asString()).isEqualTo("expiresInDays");
        assertThat(admin.get("/api/users").body()).doesNotContain("\"x\"").doesNotContain("\"y\"");
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDownEvenForTheRightOne() {
        addUser("target", "target-password-1", "[\"PMO_LEAD\"]", "[]");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(admin.as("target", "guess-" + i).get("/api/portfolio").status());
        }

        Http.Response locked = admin.as("target", "target-password-1").get("/api/portfolio");

        assertThat(statuses).containsOnly(401);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/me").status()).isEqualTo(200); // another name is not held up
    }

    @Test
    void everyChangeIsInTheAuditTrailUnderWhoMadeIt() {
        addUser("auditor", "auditor-password", "[\"PMO_LEAD\"]", "[]");
        assertThat(admin.put("/api/projects/AUDITED/snapshots/2026-11-20",
                json("{\"projectId\": \"AUDITED\", \"asOf\": \"2026-11-20\"}")).status()).isEqualTo(201);
        assertThat(admin.post("/api/portfolio/assessments", new byte[0], "application/json").status()).isEqualTo(202);

        JsonNode stored = admin.as("auditor", "auditor-password").get("/api/audit?action=SNAPSHOT_STORED&target=AUDITED/2026-W47").json();
        JsonNode users = admin.get("/api/audit?action=USER_ADDED&actor=admin").json();
        JsonNode batch = admin.get("/api/audit?action=BATCH_STARTED").json();

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(stored.get(0).get("via").asString()).isEqualTo("PASSWORD");
        assertThat(users.toString()).contains("auditor");
        assertThat(batch.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(admin.get("/api/projects/AUDITED/snapshots").json().get(0).get("receivedBy").asString())
                .isEqualTo("admin");
        assertThat(admin.get("/api/audit?target=AUDITED").json()).extracting(e -> e.get("target").asString())
                .containsExactly("AUDITED/2026-W47"); // a project finds its weeks
        assertThat(admin.get("/api/audit?target=AUDIT").json()).isEmpty(); // but not another project's
        assertThat(admin.get("/api/audit?from=2026-12-05&to=2026-12-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/audit?limit=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/audit?action=NAPPING").json().at("/errors/0/field").asString()).isEqualTo("action");
    }

    @Test
    void healthShowsItsDetailsOnlyToSignedInCallers() {
        JsonNode anonymous = admin.anonymous().get("/actuator/health").json();
        JsonNode signedIn = admin.get("/actuator/health").json();

        assertThat(anonymous.get("status")).isNotNull();
        assertThat(anonymous.has("components")).isFalse();
        assertThat(signedIn.at("/components/mongo/status").asString()).isEqualTo("UP");
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheSignInPageAndAScriptIsNot() {
        Http.Response page = admin.anonymous().get("/", "Accept", "text/html");
        Http.Response dashboardCall = admin.anonymous().get("/api/portfolio", "X-Requested-With", "XMLHttpRequest");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(dashboardCall.status()).isEqualTo(401);
        assertThat(dashboardCall.header("WWW-Authenticate")).doesNotContain("Basic"); // no browser password prompt
    }

    @Test
    void aChangeSentWithTheSessionCookieNeedsTheCsrfToken() {
        admin.put("/api/projects/CSRF/snapshots/2026-11-20", json("{\"projectId\": \"CSRF\", \"asOf\": \"2026-11-20\"}"));
        Http.Response signIn = admin.anonymous().get("/login");
        String xsrf = cookie(signIn, "XSRF-TOKEN");
        Http.Response withoutToken = admin.anonymous().post("/login", json("username=admin&password=" + Http.ADMIN_PASSWORD),
                "application/x-www-form-urlencoded");
        Http.Response signedIn = admin.anonymous().post("/login", json("username=admin&password=" + Http.ADMIN_PASSWORD),
                "application/x-www-form-urlencoded", "Cookie", "XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf);
        String session = cookie(signedIn, "JSESSIONID");

        Http.Response forged = admin.anonymous().post("/api/portfolio/assessments", new byte[0],
                "application/x-www-form-urlencoded", "Cookie", "JSESSIONID=" + session);
        Http.Response fromTheDashboard = admin.anonymous().post("/api/portfolio/assessments", new byte[0],
                "application/json", "Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().at("/errors/0/field").asString()).isEqualTo("X-XSRF-TOKEN");
        assertThat(fromTheDashboard.status()).as(fromTheDashboard.body()).isEqualTo(202);
    }

    @Test
    void aSessionEndsWhenItsUserIsDisabledAndFollowsTheirNewRoles() {
        addUser("session.user", "session-password", "[\"PMO_LEAD\"]", "[]");
        String xsrf = cookie(admin.anonymous().get("/login"), "XSRF-TOKEN");
        String session = cookie(admin.anonymous().post("/login", json("username=session.user&password=session-password"),
                "application/x-www-form-urlencoded", "Cookie", "XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf), "JSESSIONID");
        Http browser = admin.anonymous();
        String[] withSession = {"Cookie", "JSESSIONID=" + session};
        assertThat(browser.get("/api/portfolio", withSession).status()).isEqualTo(200);

        admin.send("PATCH", "/api/users/session.user", json("{\"roles\": [\"COACH\"]}"), "Content-Type", "application/json");
        Http.Response asCoach = browser.get("/api/portfolio", withSession);
        admin.send("PATCH", "/api/users/session.user", json("{\"enabled\": false}"), "Content-Type", "application/json");
        Http.Response disabled = browser.get("/api/rules", withSession);

        assertThat(asCoach.status()).isEqualTo(403);
        assertThat(disabled.status()).isEqualTo(401);
    }

    private static String cookie(Http.Response r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + r.headers()));
    }
}
