package org.pmopulse.system;

/** The request body is not well-formed JSON (or NDJSON); the message says where. */
public class NotJsonException extends RuntimeException {
    public NotJsonException(String message) {
        super(message);
    }
}
