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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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

    /** A new rule set went live: the one before it (null at the first load) and the folder it came from. */
    public record Loaded(RuleSet previous, RuleSet current, RuleFolder folder) {}

    private final Path dir;
    private final RuleSetBuilder builder;
    private final Clock clock;
    private final AtomicReference<RuleSet> live = new AtomicReference<>();
    private volatile Rejection lastRejection;
    private volatile String lastFingerprint = "";
    private final CountDownLatch firstLook = new CountDownLatch(1);
    private volatile Consumer<Loaded> listener = loaded -> { };

    public LiveRules(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.builder = new RuleSetBuilder(clock);
    }

    public Path dir() {
        return dir;
    }

    /** The folder as live rule sets name their origin. */
    private String origin() {
        return dir.toAbsolutePath().normalize().toString();
    }

    /**
     * Builds {@code folder} as this folder's rule set would be built, without putting it live: what a publish
     * installs with {@link #write} once the candidate passed. Throws {@link RuleSetRejectedException}.
     */
    public RuleSet build(RuleFolder folder) {
        return builder.build(folder.ruleSources(origin()));
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
        if (RuleFolderWriter.pending(dir)) {
            return false; // a publish is being applied; look again once it is complete
        }
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

    /** Tells {@code listener} about every rule set that goes live from now on. */
    public void onLoaded(Consumer<Loaded> listener) {
        this.listener = listener;
    }

    /**
     * Writes changes into the folder as one step ({@link RuleFolderWriter}) and puts {@code built}, the rule set
     * those changes make, live as it is: it was validated already, so it is not compiled again. Holds the folder so
     * the watcher never sees it half-written. Returns true when the written set went live.
     */
    public synchronized boolean write(Map<String, String> changes, RuleSet built) {
        RuleFolderWriter.apply(dir, changes);
        lastFingerprint = fingerprint();
        RuleFolder folder = RuleFolder.read(dir);
        if (!folder.ruleSources(origin()).version().equals(built.version())) {
            return load(); // the folder changed on disk meanwhile: what is there now decides
        }
        go(built, folder);
        return true;
    }

    private boolean build() {
        if (firstLook.getCount() > 0) {
            RuleFolderWriter.recover(dir);
        }
        if (!Files.isDirectory(dir)) {
            return reject(null, List.of(RuleMessage.error(dir.toString(), 0, "rules folder does not exist")));
        }
        RuleFolder folder = RuleFolder.read(dir);
        RuleSources sources = folder.ruleSources(origin());
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
            go(builder.build(sources), folder);
            return true;
        } catch (RuleSetRejectedException e) {
            return reject(version, e.errors());
        }
    }

    private void go(RuleSet set, RuleFolder folder) {
        RuleSet previous = live.getAndSet(set);
        lastRejection = null;
        notifyListener(new Loaded(previous, set, folder));
        log.info("Rule set {} is live: {} rules from {} files in {}", set.version(), set.catalogue().size(),
                set.files().size(), dir.toAbsolutePath());
        set.warnings().forEach(w -> log.warn("Rule set warning: {}", w));
    }

    /** The new set is live whatever the listener does: a change-log failure must not hold rules back. */
    private void notifyListener(Loaded loaded) {
        try {
            listener.accept(loaded);
        } catch (RuntimeException e) {
            log.error("Could not record rule set {} in the change log", loaded.current().version(), e);
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
