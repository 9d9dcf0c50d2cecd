package org.pmopulse.access;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.MongoIndexes;
import org.pmopulse.system.NotFoundException;
import org.pmopulse.system.Sha256;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** API tokens in MongoDB: made, listed, revoked (each recorded in the audit trail), and checked on every request. */
@Component
public class TokenStore implements MongoIndexes {
    static final String TOKENS = "api_tokens";
    /** Every secret starts so; it tells a Pulse token from a JWT at a glance, and secret scanners can match it. */
    static final String PREFIX = "pulse_";
    public static final int MAX_DAYS = 366;
    private static final int NAME_LENGTH = 100;

    /** A token to make. */
    public record NewToken(String name, Role role, List<String> projects, Integer expiresInDays) {}

    /** A token just made, with its secret: the only time the secret is seen. */
    public record Created(ApiToken.View token, String secret) {}

    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenStore(MongoTemplate mongo, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void createIndexes() {
        mongo.indexOps(TOKENS).createIndex(new Index().on("secretHash", Sort.Direction.ASC).unique());
    }

    /** Makes a token; 400 naming the field when anything is wrong. */
    public Created create(NewToken token, Caller by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (token.name() == null || token.name().isBlank() || token.name().length() > NAME_LENGTH) {
            problems.add(new FieldProblem("name", "must say what the token is for, in 1 to " + NAME_LENGTH + " characters"));
        }
        if (token.role() == null) {
            problems.add(new FieldProblem("role", "must be one of " + List.of(Role.values())));
        }
        UserStore.checkProjects(token.projects(), problems);
        if (token.projects() != null && !token.projects().isEmpty()
                && (token.role() == Role.ADMIN || token.role() == Role.COACH)) {
            problems.add(new FieldProblem("projects", "can limit only PROJECT_MANAGER and PMO_LEAD tokens;"
                    + " the work of a " + token.role() + " token reaches every project"));
        }
        int days = token.expiresInDays() == null ? 90 : token.expiresInDays();
        if (days < 1 || days > MAX_DAYS) {
            problems.add(new FieldProblem("expiresInDays", "must be from 1 to " + MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.body(problems);
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        Instant now = clock.instant();
        ApiToken stored = new ApiToken(HexFormat.of().formatHex(randomBytes(6)), token.name().strip(), hash(secret),
                token.role(), token.projects(), now, by.name(), now.plus(Duration.ofDays(days)), null, null);
        mongo.insert(stored);
        audit.record(by, AuditEntry.Action.TOKEN_CREATED, stored.id(), "'" + stored.name() + "', role " + stored.role()
                + (stored.projects().isEmpty() ? "" : ", projects " + stored.projects()) + ", expires " + stored.expiresAt());
        return new Created(stored.view(now), secret);
    }

    public List<ApiToken.View> all() {
        Instant now = clock.instant();
        return mongo.find(new Query().with(Sort.by("createdAt")), ApiToken.class).stream().map(t -> t.view(now)).toList();
    }

    /** Revokes a token for good; revoking it again changes nothing. */
    public ApiToken.View revoke(String id, Caller by) {
        ApiToken revoked = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null)),
                new Update().set("revokedAt", clock.instant()).set("revokedBy", by.name()),
                FindAndModifyOptions.options().returnNew(true), ApiToken.class);
        if (revoked != null) {
            audit.record(by, AuditEntry.Action.TOKEN_REVOKED, id, "'" + revoked.name() + "'");
            return revoked.view(clock.instant());
        }
        return Optional.ofNullable(mongo.findById(id, ApiToken.class)).map(t -> t.view(clock.instant())) // revoked before
                .orElseThrow(() -> new NotFoundException("id", "no token '" + id + "'"));
    }

    /** The caller a bearer secret stands for; throws when it is unknown, revoked or expired. */
    Caller authenticate(String secret) {
        ApiToken token = mongo.findOne(Query.query(Criteria.where("secretHash").is(hash(secret))), ApiToken.class);
        if (token == null) {
            throw new BadCredentialsException("unknown token");
        }
        if (token.revokedAt() != null) {
            throw new BadCredentialsException("the token was revoked");
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw new CredentialsExpiredException("the token expired at " + token.expiresAt());
        }
        return token.caller();
    }

    static boolean looksLikeToken(String bearer) {
        return bearer.startsWith(PREFIX);
    }

    private static String hash(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
