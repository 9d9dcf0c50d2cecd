package org.pmopulse.access;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a person or a token may do. A person may hold several; the bootstrap user {@code admin} holds all four.
 * The README's roles table says which endpoints each one opens.
 */
public enum Role {
    /** Reads the whole portfolio, its reports and the audit trail; runs the weekly batch. */
    PMO_LEAD,
    /** Reads and writes the projects they are assigned to, and reads their assessments. */
    PROJECT_MANAGER,
    /** Everything about rules: validate, replay, publish, roll back, the change log. */
    COACH,
    /** Users, tokens, deletions and the audit trail. */
    ADMIN;

    /** The roles as an unmodifiable set in this order, so lists of them read the same everywhere. */
    public static Set<Role> ordered(Collection<Role> roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }

    /** The authority Spring Security checks ({@code ROLE_PMO_LEAD}, ...). */
    public String authority() {
        return "ROLE_" + name();
    }
}
