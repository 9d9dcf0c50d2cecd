package org.pmopulse.access;

import java.security.SecureRandom;
import java.util.Base64;

/** Passwords Pulse makes for people: 120 random bits, 20 URL-safe characters. */
public final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String generate() {
        byte[] random = new byte[15];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
