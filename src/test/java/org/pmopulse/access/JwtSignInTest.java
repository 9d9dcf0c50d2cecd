package org.pmopulse.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enterprise sign-in: JWTs from an identity provider, checked by Spring Security's resource server against the
 * provider's key set, served here from a local endpoint with a key made by the test (the real verification path,
 * configured as a Keycloak realm would be: roles under {@code realm_access.roles}, mapped by value).
 */
class JwtSignInTest {
    private static final String ISSUER = "https://id.example.org/realms/pmo";
    private static RSAKey key;
    private static RSAKey stranger;
    private static HttpServer keySet;
    private static RunningPulse pulse;

    @BeforeAll
    static void start() throws JOSEException, IOException {
        key = new RSAKeyGenerator(2048).keyID("pmo-key").generate();
        stranger = new RSAKeyGenerator(2048).keyID("pmo-key").generate(); // same key id, another key
        byte[] published = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keySet = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        keySet.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        keySet.start();
        pulse = RunningPulse.start(
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + keySet.getAddress().getPort() + "/certs",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=pulse",
                "--pulse.security.jwt.roles-claim=realm_access.roles",
                "--pulse.security.jwt.role-values.pulse-managers=PROJECT_MANAGER");
        for (String project : List.of("JWT-OWN", "JWT-OTHER")) {
            assertThat(pulse.http().put("/api/projects/" + project + "/snapshots/2026-11-20", snapshot(project)).status())
                    .isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        pulse.close();
        keySet.stop(0);
    }

    private static byte[] snapshot(String project) {
        return ("{\"projectId\": \"" + project + "\", \"asOf\": \"2026-11-20\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** What the provider issues for Maria, project manager of JWT-OWN. */
    private static JWTClaimsSet.Builder maria() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("pulse").subject("f3a9-maria")
                .claim("preferred_username", "maria")
                // ADMIN is the provider's own role of that name: unmapped, it grants nothing in Pulse
                .claim("realm_access", Map.of("roles", List.of("pulse-managers", "offline_access", "ADMIN")))
                .claim("projects", List.of("JWT-OWN")).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String signed(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aProjectManagerSignedInByTheProviderSeesAndWritesTheirProjectOnly() {
        Http maria = pulse.http().bearer(signed(maria().build(), key));

        JsonNode me = maria.get("/api/me").json();
        JsonNode projects = maria.get("/api/projects").json();
        Http.Response own = maria.put("/api/projects/JWT-OWN/snapshots/2026-11-27",
                "{\"projectId\": \"JWT-OWN\", \"asOf\": \"2026-11-27\"}".getBytes(StandardCharsets.UTF_8));
        Http.Response other = maria.get("/api/projects/JWT-OTHER/assessments/latest");

        assertThat(me.get("name").asString()).isEqualTo("maria");
        assertThat(me.get("roles").toString()).isEqualTo("[\"PROJECT_MANAGER\"]");
        assertThat(me.get("via").asString()).isEqualTo("JWT");
        assertThat(projects).extracting(p -> p.get("projectId").asString()).containsExactly("JWT-OWN");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(403);
        assertThat(pulse.http().get("/api/audit?actor=maria").json().get(0).get("target").asString())
                .isEqualTo("JWT-OWN/2026-W48");
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("signed by another key", signed(maria().build(), stranger)),
                Arguments.of("for another audience", signed(maria().audience("payroll").build(), key)),
                Arguments.of("from another issuer", signed(maria().issuer("https://evil.example.org").build(), key)),
                Arguments.of("expired", signed(maria().expirationTime(Date.from(Instant.now().minusSeconds(600))).build(), key)),
                Arguments.of("unsigned (alg none)", new PlainJWT(maria().build()).serialize()),
                Arguments.of("tampered", tampered(signed(maria().build(), key))),
                Arguments.of("not a JWT", "a.b.c"));
    }

    /** The payload swapped for one naming another project, the signature kept. */
    private static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(maria()
                .claim("projects", List.of("JWT-OTHER")).build().toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    @ParameterizedTest(name = "a JWT {0} is refused")
    @MethodSource("badTokens")
    void aTokenTheProviderDidNotIssueForPulseIsA401AndWritesNothing(String what, String token) {
        Http.Response r = pulse.http().bearer(token).put("/api/projects/JWT-BAD/snapshots/2026-11-20",
                "{\"projectId\": \"JWT-BAD\", \"asOf\": \"2026-11-20\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(pulse.http().get("/api/projects/JWT-BAD/snapshots").status()).isEqualTo(404);
    }

    @Test
    void rolesAsOneStringWithRepeatsAreRead() {
        Http maria = pulse.http().bearer(signed(maria().claim("realm_access", Map.of("roles",
                "pulse-managers pulse-managers")).build(), key));

        assertThat(maria.get("/api/me").json().get("roles").toString()).isEqualTo("[\"PROJECT_MANAGER\"]");
    }

    @Test
    void anIdentityProviderThatCannotBeReachedIsA503NotAServerError() {
        try (RunningPulse cutOff = RunningPulse.start(
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/certs",
                "--spring.security.oauth2.resourceserver.jwt.audiences=pulse")) {
            Http.Response r = cutOff.http().bearer(signed(maria().build(), key)).get("/api/me");

            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isNotNull();
            assertThat(cutOff.http().get("/api/me").status()).isEqualTo(200); // its own users still sign in
        }
    }

    @Test
    void pulseTokensStillWorkBesideTheProvidersJwts() {
        String secret = pulse.http().post("/api/tokens", "{\"name\": \"ci\", \"role\": \"PMO_LEAD\"}"
                .getBytes(StandardCharsets.UTF_8), "application/json").json().get("secret").asString();

        assertThat(pulse.http().bearer(secret).get("/api/portfolio").status()).isEqualTo(200);
    }
}
