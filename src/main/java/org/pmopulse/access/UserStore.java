package org.pmopulse.access;

import org.pmopulse.system.ConflictException;
import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.NotFoundException;
import org.pmopulse.system.PathValues;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The people who sign in with a password, in MongoDB ({@code users}), and their changes, each recorded in the
 * audit trail. Passwords are hashed with Spring Security's delegating encoder before they are stored.
 */
@Component
public class UserStore implements UserDetailsService {
    static final String USERS = "users";
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    /** A user to add. */
    public record NewUser(String name, String password, Set<Role> roles, List<String> projects) {}

    /** A change to a user; null fields stay as they are. */
    public record Change(Set<Role> roles, List<String> projects, Boolean enabled, String password) {}

    private final MongoTemplate mongo;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    public UserStore(MongoTemplate mongo, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        return find(name).map(SignedInUser::new).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<PulseUser> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(mongo.findById(name, PulseUser.class));
    }

    public List<PulseUser> all() {
        return mongo.find(new Query().with(Sort.by("_id")), PulseUser.class);
    }

    /** Adds a user; 409 when the name is taken, 400 naming the field when anything is wrong. */
    public PulseUser add(NewUser user, Caller by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (user.name() == null || !NAME.matcher(user.name()).matches()) {
            problems.add(new FieldProblem("name",
                    "must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        }
        checkPassword(user.password(), problems);
        checkRoles(user.roles(), problems);
        checkProjects(user.projects(), problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.body(problems);
        }
        return insert(user, by);
    }

    /**
     * Adds a user Pulse makes itself (the bootstrap admin, the demo users), whose password the operator chose or
     * Pulse generated; only the name and roles are checked.
     */
    PulseUser addTrusted(NewUser user, Caller by) {
        return insert(user, by);
    }

    private PulseUser insert(NewUser user, Caller by) {
        PulseUser stored = new PulseUser(user.name(), encoder.encode(user.password()), user.roles(),
                user.projects() == null ? List.of() : user.projects(), true, clock.instant(), by.name());
        try {
            mongo.insert(stored);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a user '" + user.name() + "' exists already");
        }
        audit.record(by, AuditEntry.Action.USER_ADDED, user.name(), "roles " + user.roles() + ", projects "
                + stored.projects());
        return stored;
    }

    /** Changes roles, projects, password or whether the user may sign in. */
    public PulseUser change(String name, Change change, Caller by) {
        PulseUser user = find(name).orElseThrow(() -> new NotFoundException("name", "no user '" + name + "'"));
        List<FieldProblem> problems = new ArrayList<>();
        if (change.password() != null) {
            checkPassword(change.password(), problems);
        }
        if (change.roles() != null) {
            checkRoles(change.roles(), problems);
        }
        if (change.projects() != null) {
            checkProjects(change.projects(), problems);
        }
        if (name.equals(by.name()) && Boolean.FALSE.equals(change.enabled())) {
            problems.add(new FieldProblem("enabled", "you cannot disable yourself"));
        }
        if (name.equals(by.name()) && change.roles() != null && user.roles().contains(Role.ADMIN)
                && !change.roles().contains(Role.ADMIN)) {
            problems.add(new FieldProblem("roles", "you cannot take your own ADMIN role: another admin can"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.body(problems);
        }
        PulseUser changed = new PulseUser(name,
                change.password() == null ? user.passwordHash() : encoder.encode(change.password()),
                change.roles() == null ? user.roles() : change.roles(),
                change.projects() == null ? user.projects() : change.projects(),
                change.enabled() == null ? user.enabled() : change.enabled(), user.createdAt(), user.createdBy());
        mongo.save(changed);
        audit.record(by, AuditEntry.Action.USER_CHANGED, name, describe(change));
        return changed;
    }

    private static String describe(Change change) {
        List<String> parts = new ArrayList<>();
        if (change.roles() != null) {
            parts.add("roles " + change.roles());
        }
        if (change.projects() != null) {
            parts.add("projects " + change.projects());
        }
        if (change.enabled() != null) {
            parts.add(change.enabled() ? "enabled" : "disabled");
        }
        if (change.password() != null) {
            parts.add("password changed");
        }
        return parts.isEmpty() ? "nothing changed" : String.join(", ", parts);
    }

    private static void checkPassword(String password, List<FieldProblem> problems) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
            problems.add(new FieldProblem("password", "must be " + MIN_PASSWORD_LENGTH + " to 128 characters long"));
        }
    }

    private static void checkRoles(Set<Role> roles, List<FieldProblem> problems) {
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            problems.add(new FieldProblem("roles", "must name at least one of " + List.of(Role.values())));
        }
    }

    static void checkProjects(List<String> projects, List<FieldProblem> problems) {
        if (projects == null) {
            return;
        }
        for (int i = 0; i < projects.size(); i++) {
            String p = projects.get(i);
            if (p == null || !PathValues.PROJECT_ID.matcher(p).matches()) {
                problems.add(new FieldProblem("projects[" + i + "]", PathValues.PROJECT_ID_RULE));
            }
        }
    }
}
