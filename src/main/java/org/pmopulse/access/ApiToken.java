package org.pmopulse.access;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A machine client's credential ({@code api_tokens}): a role, optionally a list of projects it is limited to, an
 * expiry. Only the SHA-256 of the secret is kept (the secret is 256 random bits, so a slow hash adds nothing);
 * the secret itself is shown once, when the token is made.
 *
 * @param id       the public handle, used to list and revoke it and as its name in the audit trail
 * @param projects the projects it is limited to; empty means every project its role reaches
 */
@Document(TokenStore.TOKENS)
public record ApiToken(@Id String id, String name, String secretHash, Role role, List<String> projects,
                       Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy) {

    public ApiToken {
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    /** The name the audit trail and the token's caller carry. */
    String actor() {
        return "token:" + id;
    }

    /**
     * The token as a caller: its projects both limit it and, for a PROJECT_MANAGER token, are the ones it manages;
     * without projects, a PROJECT_MANAGER token (a PPM tool's export) manages every project.
     */
    Caller caller() {
        Set<String> limit = projects.isEmpty() ? null : Set.copyOf(projects);
        return new Caller(actor(), Set.of(role), limit, limit, Caller.Via.TOKEN);
    }

    /** What the API and the CLI show: everything but the hash. */
    public View view(Instant now) {
        String state = revokedAt != null ? "REVOKED" : now.isBefore(expiresAt) ? "ACTIVE" : "EXPIRED";
        return new View(id, name, role, projects, createdAt, createdBy, expiresAt, revokedAt, revokedBy, state);
    }

    public record View(String id, String name, Role role, List<String> projects, Instant createdAt, String createdBy,
                       Instant expiresAt, Instant revokedAt, String revokedBy, String state) {}
}
