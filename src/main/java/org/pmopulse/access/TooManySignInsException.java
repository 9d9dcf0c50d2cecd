package org.pmopulse.access;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed sign-ins for a name or an address: 429 with Retry-After, whatever the password. */
final class TooManySignInsException extends AuthenticationException {
    private final Duration retryAfter;

    TooManySignInsException(Duration retryAfter) {
        super("too many failed sign-ins; try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
