package org.pmopulse.access;

import org.pmopulse.system.Sha256;
import org.springframework.security.core.userdetails.User;

import java.nio.charset.StandardCharsets;

/** A user as Spring Security holds them once signed in with a password: their details and their {@link Caller}. */
final class SignedInUser extends User implements CallerPrincipal {
    private final Caller caller;
    /** A digest of the password hash the user signed in with: a new password ends the sessions of the old. */
    private final String passwordStamp;

    SignedInUser(PulseUser user) {
        this(user, user.caller(Caller.Via.PASSWORD));
    }

    private SignedInUser(PulseUser user, Caller caller) {
        super(user.name(), user.passwordHash(), user.enabled(), true, true, true, caller.authorities());
        this.caller = caller;
        this.passwordStamp = stamp(user);
    }

    boolean samePassword(PulseUser now) {
        return passwordStamp.equals(stamp(now));
    }

    private static String stamp(PulseUser user) {
        return Sha256.hex(user.passwordHash().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Caller caller() {
        return caller;
    }

}
