package org.pmopulse.system;

/**
 * A part of Pulse that the start-up log's ready line reports on ("Rules: ...", "Model: ..."). Features provide
 * one as a bean, ordered with {@link org.springframework.core.annotation.Order}; the log waits for each to be
 * ready, so "ready" means ready.
 */
public interface ReadyLine {
    /** The part's name in the line. */
    String name();

    /** Where it is read from and its state, once ready. */
    String describe();

    /** Blocks until the part has finished starting (the first rule build, say). */
    default void awaitReady() {
    }
}
