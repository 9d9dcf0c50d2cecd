package org.pmopulse.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * JWT sign-in through Spring's provider, with the one failure that is not the caller's told apart: when the
 * identity provider's keys cannot be read, the answer is a 503 problem, not a server error.
 */
final class IdentityProviderSignIn implements AuthenticationProvider {
    private final AuthenticationProvider jwts;

    IdentityProviderSignIn(AuthenticationProvider jwts) {
        this.jwts = jwts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        try {
            return jwts.authenticate(attempt);
        } catch (AuthenticationServiceException e) {
            throw new Unavailable(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return jwts.supports(authentication);
    }

    /** The identity provider could not be asked (its key set is down or not JSON). */
    static final class Unavailable extends AuthenticationException {
        Unavailable(Throwable cause) {
            super("the identity provider's signing keys could not be read; try again later", cause);
        }
    }
}
