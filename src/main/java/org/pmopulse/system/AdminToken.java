package org.pmopulse.system;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer token ({@code pulse.rules.admin-token}) that guards what changes or removes more than a snapshot:
 * rule changes (they run code on the server) and deletions. Unset, those endpoints are switched off (403).
 */
@Component
public class AdminToken {
    private final String token;

    AdminToken(PulseProperties properties) {
        this.token = properties.rules().adminToken();
    }

    /** Throws 403 while no token is configured and 401 unless {@code authorization} is {@code Bearer <token>}. */
    public void check(String authorization, String what) {
        if (token == null || token.isBlank()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    what + " over the API is switched off; set PULSE_RULES_ADMIN_TOKEN to switch it on");
        }
        String expected = "Bearer " + token;
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "send Authorization: Bearer <the admin token>");
        }
    }
}
