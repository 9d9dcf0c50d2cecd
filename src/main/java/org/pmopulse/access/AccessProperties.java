package org.pmopulse.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Sign-in settings ({@code pulse.security.*}). The JWT decoder itself is Spring Boot's, set with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} and {@code audiences}; these
 * say how its claims become a {@link Caller}.
 *
 * @param bcryptStrength the cost of a password hash (log2 of rounds, 4 to 31): 10 takes about 0.1 s a sign-in
 */
@ConfigurationProperties("pulse.security")
public record AccessProperties(@DefaultValue SignIn signIn, @DefaultValue Jwt jwt,
                               @DefaultValue("10") int bcryptStrength) {

    /**
     * Failed password sign-ins allowed per user name, and per client address, within the window; past either, the
     * name or address is refused (429) until the window has passed.
     */
    public record SignIn(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
                         @DefaultValue("15m") Duration window) {}

    /**
     * @param nameClaim     the claim naming the person (audit trail)
     * @param rolesClaim    the claim listing roles; a dotted path reaches into objects ({@code realm_access.roles}
     *                      for Keycloak)
     * @param projectsClaim the claim listing the projects a project manager manages
     * @param roleValues    the claim values that stand for a role ({@code pulse-coaches: COACH}); a value not
     *                      mapped here grants nothing, whatever it is called
     */
    public record Jwt(@DefaultValue("preferred_username") String nameClaim, @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("projects") String projectsClaim, Map<String, Role> roleValues) {
        public Jwt {
            roleValues = roleValues == null ? Map.of() : Map.copyOf(roleValues);
        }
    }
}
