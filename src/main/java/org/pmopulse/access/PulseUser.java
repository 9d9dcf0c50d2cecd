package org.pmopulse.access;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person who signs in with a password ({@code users}). The password is kept only as the delegating encoder's
 * hash ({@code {bcrypt}...}), so a stronger scheme can take over without resetting anyone.
 *
 * @param projects the projects the user manages as a project manager
 */
@Document(UserStore.USERS)
public record PulseUser(@Id String name, String passwordHash, Set<Role> roles, List<String> projects, boolean enabled,
                        Instant createdAt, String createdBy) {

    public PulseUser {
        roles = Role.ordered(roles);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    /** As a caller: an ADMIN who is also a project manager (the bootstrap admin) manages every project. */
    public Caller caller(Caller.Via via) {
        return new Caller(name, roles, roles.contains(Role.ADMIN) ? null : Set.copyOf(projects), null, via);
    }

    /** What the API and the CLI show: everything but the hash. */
    public View view() {
        return new View(name, roles, projects, enabled, createdAt, createdBy);
    }

    public record View(String name, Set<Role> roles, List<String> projects, boolean enabled, Instant createdAt,
                       String createdBy) {}
}
