package org.pmopulse.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule set in force, loaded from the rules folder. A new set replaces it atomically only when it builds
 * cleanly; a set that fails keeps the previous one live and is remembered, with its errors, as the last rejection.
 */
public final class LiveRules {
    private static final Logger log = LoggerFactory.getLogger(LiveRules.class);
    private static final long FIRST_LOOK_TIMEOUT_SECONDS = 120;

    /** A rule set that failed to build, and why. */
    public record Rejection(String version, Instant at, List<RuleMessage> errors) {}

    private final Path dir;
    private final RuleSetBuilder builder;
    private final Clock clock;
    private final AtomicReference<RuleSet> live = new AtomicReference<>();
    private volatile Rejection lastRejection;
    private volatile String lastFingerprint = "";
    private final CountDownLatch firstLook = new CountDownLatch(1);

    public LiveRules(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.builder = new RuleSetBuilder(clock);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Builds the folder on a background thread, so the first build (a few seconds: Drools compiles the rules)
     * overlaps the rest of start-up; {@link #current()} waits for it.
     */
    public void loadInBackground() {
        Thread loader = new Thread(this::refreshIfChanged, "pulse-rules-first-load");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * The live rule set, waiting for the first look at the folder if it is still under way; throws
     * {@link NoRuleSetException} when no set has ever built.
     */
    public RuleSet current() {
        awaitFirstLook();
        RuleSet set = live.get();
        if (set == null) {
            throw new NoRuleSetException(lastRejection);
        }
        return set;
    }

    /** Waits until the folder has been looked at once (built or rejected). */
    public void awaitFirstLook() {
        try {
            if (!firstLook.await(FIRST_LOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new NoRuleSetException(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoRuleSetException(null);
        }
    }

    public Optional<RuleSet> live() {
        return Optional.ofNullable(live.get());
    }

    public Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    /**
     * Reloads when the files on disk changed since the last look (by size and modification time), and their
     * content differs from both the live set and the last rejected one. Returns true when a new set went live.
     */
    public synchronized boolean refreshIfChanged() {
        String fingerprint = fingerprint();
        if (fingerprint.equals(lastFingerprint)) {
            return false;
        }
        lastFingerprint = fingerprint;
        return load();
    }

    /** Reads and builds the folder now; returns true when a new set went live. */
    public synchronized boolean load() {
        try {
            return build();
        } finally {
            firstLook.countDown();
        }
    }

    private boolean build() {
        RuleSources sources;
        try {
            sources = RuleSources.read(dir);
        } catch (RuleSetRejectedException e) {
            return reject(null, e.errors());
        }
        String version = sources.version();
        RuleSet current = live.get();
        if (current != null && current.version().equals(version)) {
            return false;
        }
        Rejection rejected = lastRejection;
        if (rejected != null && version.equals(rejected.version()) && current != null) {
            return false;
        }
        try {
            RuleSet set = builder.build(sources);
            live.set(set);
            lastRejection = null;
            log.info("Rule set {} is live: {} rules from {} files in {}", version, set.catalogue().size(),
                    set.files().size(), dir.toAbsolutePath());
            set.warnings().forEach(w -> log.warn("Rule set warning: {}", w));
            return true;
        } catch (RuleSetRejectedException e) {
            return reject(version, e.errors());
        }
    }

    private boolean reject(String version, List<RuleMessage> errors) {
        lastRejection = new Rejection(version, clock.instant(), errors);
        log.error("Rule set in {} rejected{}; {}:\n  {}", dir.toAbsolutePath(),
                version == null ? "" : " (" + version + ")",
                live.get() == null ? "no rule set is live" : "rule set " + live.get().version() + " stays live",
                errors.stream().map(RuleMessage::toString).collect(Collectors.joining("\n  ")));
        return false;
    }

    private String fingerprint() {
        if (!Files.isDirectory(dir)) {
            return "missing";
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> RuleSources.isRuleFile(dir.relativize(p).toString().replace('\\', '/')))
                    .sorted()
                    .map(p -> {
                        try {
                            return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
                        } catch (IOException e) {
                            return p + ":gone";
                        }
                    })
                    .collect(Collectors.joining("|"));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable:" + e.getMessage();
        }
    }
}
