package org.pmopulse.system;

/** A request body over {@code pulse.api.max-body-size} (413). */
public class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(long limit) {
        super("the body is larger than the limit of " + limit + " bytes (pulse.api.max-body-size)");
    }
}
