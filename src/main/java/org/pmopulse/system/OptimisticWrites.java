package org.pmopulse.system;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.function.Supplier;

/**
 * Writes that check a version instead of locking: an attempt that finds its data changed under it throws
 * {@link Conflict} and is made again from a fresh read, after a short random pause so that racing writers
 * spread out. After {@value #RETRIES} retries the caller gets a {@link ConcurrentModificationException} (409).
 */
public final class OptimisticWrites {
    private static final int RETRIES = 24;
    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(Conflict.class).maxRetries(RETRIES)
            .delay(Duration.ofMillis(1)).jitter(Duration.ofMillis(1)).multiplier(1.5).maxDelay(Duration.ofMillis(20))
            .build());

    private OptimisticWrites() {
    }

    /** Thrown by an attempt whose read is stale: another writer got there first. */
    public static final class Conflict extends RuntimeException {
        public Conflict() {
            super(null, null, false, false); // expected and frequent: no stack trace
        }
    }

    /** Runs {@code attempt} until it does not throw {@link Conflict}; {@code what} names the data in the 409. */
    public static <T> T write(String what, Supplier<T> attempt) {
        try {
            return RETRY.invoke(attempt);
        } catch (Conflict exhausted) {
            throw new ConcurrentModificationException(what + " kept changing while it was being written");
        }
    }
}
