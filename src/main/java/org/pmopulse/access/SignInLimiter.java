package org.pmopulse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts password sign-ins per user name and per client address over a sliding window, so guessing a password
 * costs hours, not seconds. An attempt counts from the moment it starts (so parallel guesses cannot slip past the
 * limit) and is forgotten for its name if the password was right. In memory: each instance counts on its own,
 * which still bounds the rate. Synchronized: a sign-in costs a password hash, far more than this.
 */
final class SignInLimiter {
    /** Above this many names and addresses, the ones with nothing left in the window are dropped. */
    private static final int SWEEP_ABOVE = 10_000;

    private final AccessProperties.SignIn limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

    SignInLimiter(AccessProperties.SignIn limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts an attempt, or throws when the name or the address has failed too often lately. */
    synchronized Instant begin(String name, String address) {
        Instant now = clock.instant();
        Duration wait = longest(waitFor(userKey(name), limits.maxFailuresPerUser(), now),
                waitFor(addressKey(address), limits.maxFailuresPerAddress(), now));
        if (!wait.isZero()) {
            throw new TooManySignInsException(wait);
        }
        attempts.computeIfAbsent(userKey(name), k -> new ArrayDeque<>()).addLast(now);
        attempts.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
        if (attempts.size() > SWEEP_ABOVE) {
            attempts.values().forEach(times -> forget(times, now));
            attempts.values().removeIf(Deque::isEmpty);
        }
        return now;
    }

    /**
     * A right password: the name's count starts again, and this attempt no longer counts for the address (one
     * right password must not hide another name's guessing from the same address, so only this one goes).
     */
    synchronized void succeeded(String name, String address, Instant attempt) {
        attempts.remove(userKey(name));
        Deque<Instant> times = attempts.get(addressKey(address));
        if (times != null) {
            times.removeLastOccurrence(attempt);
        }
    }

    private Duration waitFor(String key, int max, Instant now) {
        Deque<Instant> times = attempts.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        forget(times, now);
        if (times.size() < max) {
            return Duration.ZERO;
        }
        Instant oldestThatCounts = times.stream().skip(times.size() - max).findFirst().orElseThrow();
        return Duration.between(now, oldestThatCounts.plus(limits.window()));
    }

    private void forget(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(limits.window()))) {
            times.removeFirst();
        }
    }

    private static String userKey(String name) {
        return "user:" + name;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
