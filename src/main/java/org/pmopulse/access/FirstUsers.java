package org.pmopulse.access;

import org.pmopulse.system.StartupNotice;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users a newcomer signs in with. On a database without the user {@code admin}, the first start creates it
 * with every role and the password from {@code PULSE_ADMIN_PASSWORD}, or a generated one that the start-up log shows
 * this once, next to the dashboard's URL. The demo load adds a user per role with the same password.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE - 20) // before the demo load, which adds its users
public class FirstUsers implements ApplicationRunner, StartupNotice {
    public static final String ADMIN = "admin";
    static final String PASSWORD_VARIABLE = "PULSE_ADMIN_PASSWORD";
    private static final Caller BOOTSTRAP = Caller.system("first start");

    private final UserStore users;
    private final Environment env;
    private final List<String> notice = new ArrayList<>();
    private String password;
    private boolean adminMadeNow;

    FirstUsers(UserStore users, Environment env) {
        this.users = users;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.find(ADMIN).isPresent()) {
            return;
        }
        users.addTrusted(new UserStore.NewUser(ADMIN, password(), EnumSet.allOf(Role.class), List.of()), BOOTSTRAP);
        adminMadeNow = true;
        notice.add("Sign in as '" + ADMIN + "' with " + (chosen().isPresent()
                ? "the password in " + PASSWORD_VARIABLE : "the password " + password
                + " (generated on this first start and shown only now; set " + PASSWORD_VARIABLE + " to choose it)"));
    }

    /**
     * Adds the demo users (a project manager per entry of {@code managers}, a PMO lead and a coach) with the same
     * password as {@code admin}, when they do not exist yet.
     */
    public void addDemoUsers(Map<String, List<String>> managers) {
        List<String> added = new ArrayList<>();
        for (var manager : managers.entrySet()) {
            add(manager.getKey(), Set.of(Role.PROJECT_MANAGER), manager.getValue(), added);
        }
        add("pmo", Set.of(Role.PMO_LEAD), List.of(), added);
        add("coach", Set.of(Role.COACH), List.of(), added);
        if (!added.isEmpty()) {
            boolean samePassword = adminMadeNow || chosen().isPresent();
            notice.add("Demo users, " + (samePassword ? "same password as " + ADMIN : "password " + password) + ": "
                    + String.join(", ", added));
        }
    }

    private void add(String name, Set<Role> roles, List<String> projects, List<String> added) {
        if (users.find(name).isEmpty()) {
            users.addTrusted(new UserStore.NewUser(name, password(), roles, projects), BOOTSTRAP);
            added.add(name + " (" + roles.iterator().next() + (projects.isEmpty() ? "" : " of " + String.join(", ", projects)) + ")");
        }
    }

    /** The operator's password, or one generated for this start. */
    private synchronized String password() {
        if (password == null) {
            password = chosen().orElseGet(Passwords::generate);
        }
        return password;
    }

    /** The password the operator set, if they set one (a blank one is none). */
    private Optional<String> chosen() {
        return Optional.ofNullable(env.getProperty(PASSWORD_VARIABLE)).filter(p -> !p.isBlank());
    }

    @Override
    public List<String> lines() {
        return List.copyOf(notice);
    }
}
