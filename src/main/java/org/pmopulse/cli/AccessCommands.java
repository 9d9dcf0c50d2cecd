package org.pmopulse.cli;

import org.pmopulse.access.ApiToken;
import org.pmopulse.access.Passwords;
import org.pmopulse.access.Caller;
import org.pmopulse.access.Role;
import org.pmopulse.access.TokenStore;
import org.pmopulse.access.UserStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code users add|list|enable|disable} and {@code tokens create|list|revoke}: the ADMIN's work from a terminal, on the
 * configured MongoDB, as the local user named by {@code --as}.
 */
final class AccessCommands {
    private AccessCommands() {
    }

    static CommandLine users(PulseCli.Context context) {
        return new CommandLine(new Users()).addSubcommand(new AddUser(context)).addSubcommand(new ListUsers(context))
                .addSubcommand(new EnableUser(context)).addSubcommand(new DisableUser(context));
    }

    static CommandLine tokens(PulseCli.Context context) {
        return new CommandLine(new Tokens()).addSubcommand(new CreateToken(context))
                .addSubcommand(new ListTokens(context)).addSubcommand(new RevokeToken(context));
    }

    @Command(name = "users", description = "The people who sign in with a password.")
    static final class Users extends PulseCli.Group {
    }

    @Command(name = "tokens", description = "API tokens for machine clients.")
    static final class Tokens extends PulseCli.Group {
    }

    /** A command an ADMIN runs on the storage: the work gets the caller and the Spring context's beans. */
    abstract static class AsAdmin implements Callable<Integer> {
        final PulseCli.Context context;

        @Mixin
        LocalUser user;

        AsAdmin(PulseCli.Context context) {
            this.context = context;
        }

        <T> int run(String task, Class<T> store, Work<T> work) {
            return PulseCli.withStorage(context, task, spring -> {
                work.run(spring.getBean(store), user.caller(spring, Role.ADMIN));
                return PulseCli.OK;
            });
        }

        interface Work<T> {
            void run(T store, Caller caller);
        }
    }

    @Command(name = "add", description = {"Add a user.",
            "The password is read from the first line of standard input with --password-stdin; otherwise one is"
                    + " generated and printed once."})
    static final class AddUser extends AsAdmin {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "one or more of ${COMPLETION-CANDIDATES}")
        Set<Role> roles;

        @Option(names = "--project", split = ",", paramLabel = "ID", description = "projects the user manages")
        List<String> projects = List.of();

        @Option(names = "--password-stdin", description = "read the password from standard input")
        boolean passwordFromStdin;

        AddUser(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException {
            String password = passwordFromStdin ? firstLine() : Passwords.generate();
            return run("users add", UserStore.class, (users, caller) -> {
                users.add(new UserStore.NewUser(name, password, roles, projects), caller);
                context.out().println("added " + name + " " + roles + (projects.isEmpty() ? "" : " managing " + projects));
                if (!passwordFromStdin) {
                    context.out().println("password (shown once): " + password);
                }
            });
        }

        private String firstLine() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }
    }

    @Command(name = "list", description = "List the users, their roles and projects.")
    static final class ListUsers extends AsAdmin {
        ListUsers(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            return run("users list", UserStore.class, (users, caller) -> users.all().forEach(u -> context.out()
                    .printf("%-24s %-8s %s%s%n", u.name(), u.enabled() ? "enabled" : "disabled",
                            u.roles().stream().map(Role::name).collect(Collectors.joining(",")),
                            u.projects().isEmpty() ? "" : " projects " + u.projects())));
        }
    }

    /** Turns signing in on or off; a user already in that state is left as they are and told so. */
    abstract static class SetEnabled extends AsAdmin {
        @Parameters(paramLabel = "NAME")
        String name;

        private final boolean enabled;

        SetEnabled(PulseCli.Context context, boolean enabled) {
            super(context);
            this.enabled = enabled;
        }

        @Override
        public Integer call() {
            String state = enabled ? "enabled" : "disabled";
            return run("users " + (enabled ? "enable" : "disable"), UserStore.class, (users, caller) -> {
                if (users.find(name).map(u -> u.enabled() == enabled).orElse(false)) {
                    context.out().println(name + " was already " + state);
                    return;
                }
                users.change(name, new UserStore.Change(null, null, enabled, null), caller);
                context.out().println(state + " " + name);
            });
        }
    }

    @Command(name = "enable", description = "Let a disabled user sign in again.")
    static final class EnableUser extends SetEnabled {
        EnableUser(PulseCli.Context context) {
            super(context, true);
        }
    }

    @Command(name = "disable", description = "Stop a user from signing in (their history stays).")
    static final class DisableUser extends SetEnabled {
        DisableUser(PulseCli.Context context) {
            super(context, false);
        }
    }

    @Command(name = "create", description = "Make an API token; its secret is printed once.")
    static final class CreateToken extends AsAdmin {
        @Option(names = "--name", required = true, description = "what the token is for")
        String name;

        @Option(names = "--role", required = true, description = "one of ${COMPLETION-CANDIDATES}")
        Role role;

        @Option(names = "--project", split = ",", paramLabel = "ID", description = "the only projects it reaches")
        List<String> projects = List.of();

        @Option(names = "--days", paramLabel = "N", description = "days until it expires (default 90, at most 366)")
        Integer days;

        CreateToken(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            return run("tokens create", TokenStore.class, (tokens, caller) -> {
                TokenStore.Created created = tokens.create(new TokenStore.NewToken(name, role, projects, days), caller);
                context.out().println("token " + created.token().id() + " (" + role + "), expires "
                        + created.token().expiresAt());
                context.out().println("secret (shown once): " + created.secret());
            });
        }
    }

    @Command(name = "list", description = "List the tokens (never their secrets).")
    static final class ListTokens extends AsAdmin {
        ListTokens(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            return run("tokens list", TokenStore.class, (tokens, caller) -> tokens.all().forEach(t -> context.out()
                    .printf("%s %-8s %-16s %s expires %s%s%n", t.id(), t.state(), t.role(), t.name(), t.expiresAt(),
                            t.projects().isEmpty() ? "" : " projects " + t.projects())));
        }
    }

    @Command(name = "revoke", description = "Revoke a token for good.")
    static final class RevokeToken extends AsAdmin {
        @Parameters(paramLabel = "ID")
        String id;

        RevokeToken(PulseCli.Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            return run("tokens revoke", TokenStore.class, (tokens, caller) -> {
                boolean before = tokens.all().stream().anyMatch(t -> t.id().equals(id) && t.revokedAt() != null);
                ApiToken.View revoked = tokens.revoke(id, caller);
                context.out().println(before
                        ? revoked.id() + " (" + revoked.name() + ") was already revoked, by " + revoked.revokedBy()
                        + " at " + revoked.revokedAt()
                        : "revoked " + revoked.id() + " (" + revoked.name() + ")");
            });
        }
    }
}
