package org.pmopulse.system;

/** What the user asked for does not exist (404); {@code field} names the part of the request that pointed at it. */
public class NotFoundException extends RuntimeException {
    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
