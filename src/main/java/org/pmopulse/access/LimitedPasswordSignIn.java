package org.pmopulse.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Instant;

/**
 * Password sign-in (HTTP Basic and the sign-in page) through Spring's provider, behind the {@link SignInLimiter}.
 * Every refusal reads the same, so nobody learns from it whether a name exists or is disabled.
 */
final class LimitedPasswordSignIn implements AuthenticationProvider {
    static final String REFUSED = "wrong user name or password, or the user is disabled";

    private final AuthenticationProvider passwords;
    private final SignInLimiter limiter;

    LimitedPasswordSignIn(AuthenticationProvider passwords, SignInLimiter limiter) {
        this.passwords = passwords;
        this.limiter = limiter;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "local";
        Instant started = limiter.begin(name, address);
        Authentication done;
        try {
            done = passwords.authenticate(attempt);
        } catch (AuthenticationException e) {
            throw new BadCredentialsException(REFUSED);
        }
        limiter.succeeded(name, address, started);
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
