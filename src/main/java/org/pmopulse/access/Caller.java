package org.pmopulse.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, whichever way they signed in: a person (password or JWT), an API token, or a local user named
 * on the command line. It decides which projects the caller reads and writes.
 *
 * @param name      the person or token, as the audit trail records it
 * @param roles     what the caller may do
 * @param assigned  the projects a project manager manages; null means every project (a token of that role made
 *                  for a PPM tool's nightly export)
 * @param limitedTo a token's projects, outside which it does nothing whatever its role; null means no limit
 * @param via       how the caller signed in
 */
public record Caller(String name, Set<Role> roles, Set<String> assigned, Set<String> limitedTo, Via via)
        implements CallerPrincipal, Serializable {

    public enum Via { PASSWORD, TOKEN, JWT, COMMAND_LINE, SYSTEM }

    public Caller {
        roles = Role.ordered(roles);
        assigned = assigned == null ? null : Set.copyOf(assigned);
        limitedTo = limitedTo == null ? null : Set.copyOf(limitedTo);
    }

    @Override
    public Caller caller() {
        return this;
    }

    /** Pulse itself, for what it does on its own (the weekly batch, re-assessments). */
    public static Caller system(String what) {
        return new Caller(what, EnumSet.allOf(Role.class), null, null, Via.SYSTEM);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller may read the project's snapshots, assessments and place in the portfolio. */
    public boolean reads(String projectId) {
        return withinLimit(projectId) && (has(Role.PMO_LEAD) || has(Role.ADMIN) || manages(projectId));
    }

    /** Whether the caller may send the project's snapshots (and import its files). */
    public boolean writes(String projectId) {
        return withinLimit(projectId) && manages(projectId);
    }

    /** Whether every project is visible, so a list needs no filtering. */
    public boolean readsEveryProject() {
        return limitedTo == null && (has(Role.PMO_LEAD) || has(Role.ADMIN) || has(Role.PROJECT_MANAGER) && assigned == null);
    }

    /** Throws 403 unless the caller may write every one of these projects. */
    public void requireWrite(Collection<String> projectIds) {
        List<String> refused = projectIds.stream().distinct().filter(p -> !writes(p)).sorted().toList();
        if (!refused.isEmpty()) {
            throw new NotAllowedException("projectId", name + " may not write " + (refused.size() == 1 ? "project " : "projects ")
                    + String.join(", ", refused));
        }
    }

    private boolean manages(String projectId) {
        return has(Role.PROJECT_MANAGER) && (assigned == null || assigned.contains(projectId));
    }

    private boolean withinLimit(String projectId) {
        return limitedTo == null || limitedTo.contains(projectId);
    }

    /** The authorities Spring Security checks URLs against. */
    public List<GrantedAuthority> authorities() {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    /** The caller behind an authentication made by any of Pulse's sign-in paths; empty for anybody else. */
    static Optional<Caller> from(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CallerPrincipal principal
                ? Optional.of(principal.caller()) : Optional.empty();
    }

    /** The caller of the request running on this thread. */
    public static Caller current() {
        return from(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new IllegalStateException("no caller: the request was not authenticated"));
    }
}
