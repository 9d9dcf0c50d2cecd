package org.pmopulse.coach;

import org.bson.types.ObjectId;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleFolder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule change log in MongoDB. Every rule set that goes live is kept whole ({@code rule_set_files}, by
 * version) so it can be restored; every change is an entry ({@code rule_changes}). Sets published through Pulse
 * are logged by the publisher with who and why; any other new set came from editing the folder and is logged as
 * a change by "file system".
 *
 * <p>Which version is live is recorded in MongoDB too ({@code rule_set_live}), and moved forward with a
 * compare-and-set: whoever moves it logs the change, once. The publisher moves it before it writes the folder, so
 * the load its write causes (here, or in another instance reading the same folder and database) finds the
 * version already recorded and logs nothing.
 */
@Component
public class RuleChangeLog {
    static final String CHANGES = "rule_changes";
    static final String FILES = "rule_set_files";
    static final String LIVE = "rule_set_live";
    private static final String LIVE_ID = "live";

    /** The whole coaches' folder of one rule-set version (a list: paths hold '.' which MongoDB keys may not). */
    record StoredFolder(@Id String version, List<StoredFile> files) {
        RuleFolder folder() {
            Map<String, String> map = new TreeMap<>();
            files.forEach(f -> map.put(f.path(), f.content()));
            return new RuleFolder(map);
        }
    }

    record StoredFile(String path, String content) {}

    /** The live version as recorded, shared by every instance on the database. */
    record LiveVersion(@Id String id, String version) {}

    private final MongoTemplate mongo;
    private final LiveRules rules;
    private final Reassessment reassessment;
    private final Clock clock;

    public RuleChangeLog(MongoTemplate mongo, LiveRules rules, Reassessment reassessment, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.reassessment = reassessment;
        this.clock = clock;
    }

    /**
     * The server records what goes live from its start on; a command-line run, which only reads the rules when its
     * command needs them, does not watch them.
     */
    @Component
    @ConditionalOnWebApplication
    static class OnServerStart {
        private final RuleChangeLog log;

        OnServerStart(RuleChangeLog log) {
            this.log = log;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            log.listen();
        }
    }

    /** From now on, record every set that goes live; and the one live now, if the log does not know it yet. */
    void listen() {
        rules.onLoaded(this::loaded);
        rules.awaitFirstLook();
        rules.live().ifPresent(set -> loaded(new LiveRules.Loaded(null, set, RuleFolder.read(rules.dir()))));
    }

    private void loaded(LiveRules.Loaded loaded) {
        String version = loaded.current().version();
        keep(version, loaded.folder());
        Optional<RuleChange> last = latest();
        Optional<String> recorded = liveVersion();
        if (recorded.map(version::equals).orElse(last.map(c -> c.versionAfter().equals(version)).orElse(false))) {
            if (recorded.isEmpty()) {
                claim(null, version); // a log from before the live version was recorded
            }
            return; // a publish, or another instance, has logged it
        }
        String before = recorded.orElse(last.map(RuleChange::versionAfter).orElse(null));
        if (!claim(before, version)) {
            return; // another instance saw the same edit first and logged it
        }
        RuleFolder previous = before == null ? new RuleFolder(Map.of()) : folder(before).orElse(new RuleFolder(Map.of()));
        append(RuleChange.Kind.FILE_SYSTEM, RuleChange.FILE_SYSTEM, before, version, diff(previous, loaded.folder()),
                null, last.isEmpty() ? "first rule set Pulse has seen" : "edited in the rules folder");
    }

    /** The live version as recorded in MongoDB; empty before the first rule set. */
    Optional<String> liveVersion() {
        return Optional.ofNullable(mongo.findById(LIVE_ID, LiveVersion.class, LIVE)).map(LiveVersion::version);
    }

    /**
     * Moves the recorded live version from {@code from} (null: none recorded yet) to {@code to}, only if it is still
     * {@code from}; false when another change got there first.
     */
    boolean claim(String from, String to) {
        if (from == null) {
            try {
                mongo.insert(new LiveVersion(LIVE_ID, to), LIVE);
                return true;
            } catch (DuplicateKeyException alreadyRecorded) {
                return false;
            }
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(LIVE_ID).and("version").is(from)),
                Update.update("version", to), LIVE).getModifiedCount() == 1;
    }

    void keep(String version, RuleFolder folder) {
        List<StoredFile> files = new ArrayList<>();
        folder.files().forEach((path, content) -> files.add(new StoredFile(path, content)));
        mongo.save(new StoredFolder(version, files), FILES);
    }

    /** Logs a change that put {@code after} live, and starts the re-assessment the change needs. */
    RuleChange append(RuleChange.Kind kind, String who, String before, String after, List<RuleChange.FileChange> files,
                      String replaySummary, String comment) {
        // the first rule set Pulse sees replaces nothing: whatever is assessed was assessed with it
        String job = before == null ? null
                : reassessment.start("rule set " + after.substring(0, Math.min(after.length(), 19))).orElse(null);
        RuleChange change = new RuleChange(new ObjectId().toHexString(), clock.instant(), who, kind, before, after,
                files, replaySummary, comment, job);
        mongo.insert(change, CHANGES);
        return change;
    }

    public Optional<RuleFolder> folder(String version) {
        return Optional.ofNullable(mongo.findById(version, StoredFolder.class, FILES)).map(StoredFolder::folder);
    }

    /** Newest first. */
    public List<RuleChange> changes() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")), RuleChange.class, CHANGES);
    }

    private Optional<RuleChange> latest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                RuleChange.class, CHANGES));
    }

    static List<RuleChange.FileChange> diff(RuleFolder before, RuleFolder after) {
        List<RuleChange.FileChange> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        for (String path : paths) {
            String was = before.files().get(path);
            String is = after.files().get(path);
            if (was == null) {
                changes.add(new RuleChange.FileChange(path, RuleChange.Change.ADDED));
            } else if (is == null) {
                changes.add(new RuleChange.FileChange(path, RuleChange.Change.REMOVED));
            } else if (!was.equals(is)) {
                changes.add(new RuleChange.FileChange(path, RuleChange.Change.MODIFIED));
            }
        }
        return changes;
    }
}
