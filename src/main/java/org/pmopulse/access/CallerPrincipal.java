package org.pmopulse.access;

/** A principal that knows its {@link Caller}: a signed-in user's details, a token's or a JWT's authentication. */
public interface CallerPrincipal {
    Caller caller();
}
