package org.pmopulse.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated API token or JWT: its principal is the {@link Caller}. */
final class CallerAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(caller.authorities());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
