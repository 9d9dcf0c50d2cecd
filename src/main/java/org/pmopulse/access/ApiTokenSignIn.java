package org.pmopulse.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Bearer sign-in with a Pulse API token ({@code pulse_...}); other bearer tokens are left to the JWT provider. */
final class ApiTokenSignIn implements AuthenticationProvider {
    private final TokenStore tokens;
    private final boolean jwtsAccepted;

    /** @param jwtsAccepted whether a JWT provider comes after this one; without one, any other bearer is refused */
    ApiTokenSignIn(TokenStore tokens, boolean jwtsAccepted) {
        this.tokens = tokens;
        this.jwtsAccepted = jwtsAccepted;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String secret = ((BearerTokenAuthenticationToken) attempt).getToken();
        if (TokenStore.looksLikeToken(secret)) {
            return new CallerAuthentication(tokens.authenticate(secret));
        }
        if (jwtsAccepted) {
            return null;
        }
        throw new BadCredentialsException("not a Pulse API token, and no JWT issuer is configured");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
