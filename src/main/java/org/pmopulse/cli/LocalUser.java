package org.pmopulse.cli;

import org.pmopulse.access.Caller;
import org.pmopulse.access.PulseUser;
import org.pmopulse.access.Role;
import org.pmopulse.access.UserStore;
import org.pmopulse.system.InvalidInputException;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Option;

/**
 * {@code --as USER}: the local user a command that writes acts as. The user must exist, be enabled and hold the
 * role the command needs; what the command does is recorded in the audit trail under their name.
 */
final class LocalUser {
    @Option(names = "--as", required = true, paramLabel = "USER",
            description = "the Pulse user this command acts as (recorded in the audit trail)")
    String name;

    /** The user as a caller, or an error naming what is missing. */
    Caller caller(ApplicationContext spring, Role needed) {
        PulseUser user = spring.getBean(UserStore.class).find(name)
                .orElseThrow(() -> refused("no user '" + name + "' (start Pulse once to create admin)"));
        if (!user.enabled()) {
            throw refused("user '" + name + "' is disabled");
        }
        if (!user.roles().contains(needed)) {
            throw refused("user '" + name + "' does not hold the role " + needed);
        }
        return user.caller(Caller.Via.COMMAND_LINE);
    }

    private static InvalidInputException refused(String message) {
        return InvalidInputException.parameter("as", message);
    }
}
