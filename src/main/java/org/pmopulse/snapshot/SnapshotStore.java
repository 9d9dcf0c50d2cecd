package org.pmopulse.snapshot;

import org.bson.Document;
import org.pmopulse.system.BsonJson;
import org.pmopulse.system.MongoIndexes;
import org.pmopulse.system.OptimisticWrites;
import org.pmopulse.system.PulseJson;
import org.pmopulse.system.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps one snapshot per project and ISO week. Saving the same content again changes nothing; different content
 * for the week replaces it after the previous version has been copied to {@code snapshot_versions}.
 * MongoDB writes here are single-document and ordered so that an interruption never loses a version:
 * the copy is written (idempotently) before the replacement, and the replacement is conditional on the version
 * read, so two writers of the same week cannot overwrite each other unseen.
 */
@Component
public class SnapshotStore implements MongoIndexes {
    static final String CURRENT = "snapshots";
    static final String VERSIONS = "snapshot_versions";

    /** What saving did. */
    public enum Outcome { CREATED, REPLACED, UNCHANGED }

    public record Saved(Outcome outcome, StoredSnapshot stored) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    public SnapshotStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Indexes the queries need; the unique one guards "one snapshot per project and week" even against a bug. */
    @Override
    public void createIndexes() {
        mongo.indexOps(CURRENT).createIndex(new Index().on("projectId", Sort.Direction.ASC)
                .on("week", Sort.Direction.ASC).unique().named("project_week_unique"));
        mongo.indexOps(VERSIONS).createIndex(new Index().on("projectId", Sort.Direction.ASC)
                .on("week", Sort.Direction.ASC).on("version", Sort.Direction.ASC).named("project_week_version"));
    }

    /** Stores the snapshot as its week's current version, sent by {@code by}. */
    public Saved save(Snapshot snapshot, String by) {
        String week = IsoWeek.of(snapshot.asOf());
        String id = snapshot.projectId() + "/" + week;
        String hash = contentHash(snapshot);
        return OptimisticWrites.write("snapshot " + id, () -> {
            StoredSnapshot existing = mongo.findById(id, StoredSnapshot.class, CURRENT);
            if (existing == null) {
                // a week deleted before keeps its versions: numbering goes on so none is overwritten
                StoredSnapshot created = stored(id, snapshot, week, lastVersion(snapshot.projectId(), week) + 1, hash, by);
                try {
                    mongo.insert(created, CURRENT);
                    return new Saved(Outcome.CREATED, created);
                } catch (DuplicateKeyException raced) {
                    throw new OptimisticWrites.Conflict(); // another writer created the week first: compare with theirs
                }
            }
            if (existing.contentHash().equals(hash)) {
                return new Saved(Outcome.UNCHANGED, existing);
            }
            mongo.save(existing.asVersion(clock.instant(), false), VERSIONS);
            StoredSnapshot replacement = stored(id, snapshot, week, existing.version() + 1, hash, by);
            Query sameVersion = Query.query(Criteria.where("_id").is(id).and("version").is(existing.version()));
            if (mongo.findAndReplace(sameVersion, replacement, FindAndReplaceOptions.none(), StoredSnapshot.class,
                    CURRENT) == null) {
                throw new OptimisticWrites.Conflict();
            }
            return new Saved(Outcome.REPLACED, replacement);
        });
    }

    private StoredSnapshot stored(String id, Snapshot snapshot, String week, int version, String hash, String by) {
        return new StoredSnapshot(id, snapshot.projectId(), week, snapshot.asOf().toString(), version, hash,
                clock.instant(), by, null, false, BsonJson.toBson(snapshot));
    }

    private int lastVersion(String projectId, String week) {
        Query latest = Query.query(Criteria.where("projectId").is(projectId).and("week").is(week))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1);
        latest.fields().include("version");
        return Optional.ofNullable(mongo.findOne(latest, Document.class, VERSIONS))
                .map(d -> d.getInteger("version")).orElse(0);
    }

    /**
     * Takes a week out of the current snapshots; what it held stays under {@code snapshot_versions}, marked deleted,
     * so nothing a user sent is lost and the deletion can itself be undone. Copy first, then remove: an interruption
     * leaves the week in both places, never in neither. Returns whether there was a week to delete.
     */
    public boolean delete(String projectId, String week) {
        return OptimisticWrites.write("snapshot " + projectId + "/" + week, () -> {
            StoredSnapshot existing = mongo.findById(projectId + "/" + week, StoredSnapshot.class, CURRENT);
            if (existing == null) {
                return false;
            }
            mongo.save(existing.asVersion(clock.instant(), true), VERSIONS);
            Query sameVersion = Query.query(Criteria.where("_id").is(existing.id()).and("version").is(existing.version()));
            if (mongo.remove(sameVersion, CURRENT).getDeletedCount() == 0) {
                throw new OptimisticWrites.Conflict(); // a correction came in between: delete that one
            }
            return true;
        });
    }

    /** Takes every week of a project out of the current snapshots, as {@link #delete} does; returns how many. */
    public int deleteProject(String projectId) {
        int deleted = 0;
        for (StoredSnapshot week : list(projectId)) {
            deleted += delete(projectId, week.week()) ? 1 : 0;
        }
        return deleted;
    }

    /** What a stored week is, without its content: for finding what a crash left unassessed. */
    public record Stub(String projectId, String week, String contentHash, Instant receivedAt) {}

    /** The current weeks of the given projects, without content, oldest week first. */
    public List<Stub> stubsOf(Collection<String> projectIds) {
        Query query = Query.query(Criteria.where("projectId").in(projectIds)).with(Sort.by("projectId", "week"));
        query.fields().include("projectId", "week", "contentHash", "receivedAt");
        return mongo.find(query, Document.class, CURRENT).stream()
                .map(d -> new Stub(d.getString("projectId"), d.getString("week"), d.getString("contentHash"),
                        d.getDate("receivedAt").toInstant()))
                .toList();
    }

    /** A week taken out by a deletion at or after {@code since} (every deletion when null). */
    public record Deleted(String projectId, String week) {}

    public List<Deleted> deletedSince(Instant since) {
        Criteria deleted = Criteria.where("deleted").is(true);
        Query query = Query.query(since == null ? deleted : deleted.and("replacedAt").gte(since));
        query.fields().include("projectId", "week");
        return mongo.find(query, Document.class, VERSIONS).stream()
                .map(d -> new Deleted(d.getString("projectId"), d.getString("week"))).distinct().toList();
    }

    /** Projects with a week received at or after {@code since}; every project with a snapshot when null. */
    public Set<String> projectsReceivedSince(Instant since) {
        Query query = since == null ? new Query() : Query.query(Criteria.where("receivedAt").gte(since));
        return Set.copyOf(mongo.findDistinct(query, "projectId", CURRENT, String.class));
    }

    public Optional<StoredSnapshot> find(String projectId, String week) {
        return Optional.ofNullable(mongo.findById(projectId + "/" + week, StoredSnapshot.class, CURRENT));
    }

    /** Every current snapshot of a project, oldest week first. */
    public List<StoredSnapshot> list(String projectId) {
        return mongo.find(Query.query(Criteria.where("projectId").is(projectId))
                .with(Sort.by("week")), StoredSnapshot.class, CURRENT);
    }

    /** The snapshots of the weeks before {@code week}, most recent first. */
    public List<Snapshot> before(String projectId, String week, int limit) {
        return mongo.find(Query.query(Criteria.where("projectId").is(projectId).and("week").lt(week))
                        .with(Sort.by(Sort.Direction.DESC, "week")).limit(limit), StoredSnapshot.class, CURRENT)
                .stream().map(StoredSnapshot::snapshot).toList();
    }

    /** The snapshots of the weeks after {@code week}, oldest first. */
    public List<Snapshot> after(String projectId, String week) {
        return mongo.find(Query.query(Criteria.where("projectId").is(projectId).and("week").gt(week))
                .with(Sort.by("week")), StoredSnapshot.class, CURRENT).stream().map(StoredSnapshot::snapshot).toList();
    }

    /** Replaced (and deleted) versions of a week, oldest first. */
    public List<StoredSnapshot> versions(String projectId, String week) {
        return mongo.find(Query.query(Criteria.where("projectId").is(projectId).and("week").is(week))
                .with(Sort.by("version")), StoredSnapshot.class, VERSIONS);
    }

    /** Current snapshots of the weeks from {@code fromWeek} to {@code toWeek}, of some projects or (empty) all. */
    public List<StoredSnapshot> between(String fromWeek, String toWeek, Collection<String> projects) {
        Criteria criteria = Criteria.where("week").gte(fromWeek).lte(toWeek);
        if (!projects.isEmpty()) {
            criteria = criteria.and("projectId").in(projects);
        }
        return mongo.find(Query.query(criteria), StoredSnapshot.class, CURRENT);
    }

    /** Every project's latest week. */
    public List<Snapshot> latestOfEachProject() {
        Map<String, String> latest = new TreeMap<>();
        List<String> projects = List.copyOf(projectsReceivedSince(null));
        stubsOf(projects).forEach(s -> latest.merge(s.projectId(), s.week(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return latest.entrySet().stream().map(e -> find(e.getKey(), e.getValue())).flatMap(Optional::stream)
                .map(StoredSnapshot::snapshot).toList();
    }

    /** The weeks after {@code week} that have a snapshot, oldest first. */
    public List<String> weeksAfter(String week) {
        return mongo.findDistinct(Query.query(Criteria.where("week").gt(week)), "week", CURRENT, String.class)
                .stream().sorted().toList();
    }

    /** The latest week any project has a snapshot for. */
    public Optional<String> latestWeek() {
        return firstWeek(Sort.Direction.DESC);
    }

    /** The earliest week any project has a snapshot for. */
    public Optional<String> earliestWeek() {
        return firstWeek(Sort.Direction.ASC);
    }

    private Optional<String> firstWeek(Sort.Direction order) {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(order, "week")).limit(1),
                StoredSnapshot.class, CURRENT)).map(StoredSnapshot::week);
    }

    public long count() {
        return mongo.count(new Query(), CURRENT);
    }

    /** sha256 of a snapshot's JSON: what an assessment records to say which content it judged. */
    public static String contentHash(Snapshot snapshot) {
        return "sha256:" + Sha256.hex(PulseJson.mapper().writeValueAsBytes(snapshot));
    }
}
