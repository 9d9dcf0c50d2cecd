package org.pmopulse.system;

/** The request is well-formed but the thing it names is not in a state that allows it (409). */
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
