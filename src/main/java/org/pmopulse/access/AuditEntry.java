package org.pmopulse.access;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One line of the audit trail ({@code audit}): who did what to what, when, and how they had signed in.
 *
 * @param actor  the signed-in user, token ({@code token:<id>}) or command-line user that did it
 * @param via    how the actor signed in
 * @param action what was done
 * @param target what it was done to (a project and week, a user, a token's id, a rule-set version)
 * @param detail a line for people
 */
@Document(AuditLog.AUDIT)
public record AuditEntry(@Id String id, Instant at, String actor, Caller.Via via, Action action, String target,
                         String detail) {

    public enum Action {
        SNAPSHOT_STORED, SNAPSHOT_DELETED, PROJECT_DELETED, IMPORT, BATCH_STARTED, BATCH_RESUMED,
        RULES_PUBLISHED, RULES_ROLLED_BACK, USER_ADDED, USER_CHANGED, TOKEN_CREATED, TOKEN_REVOKED
    }
}
