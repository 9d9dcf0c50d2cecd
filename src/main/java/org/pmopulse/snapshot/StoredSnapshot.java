package org.pmopulse.snapshot;

import org.bson.Document;
import org.pmopulse.system.BsonJson;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;

/**
 * A snapshot as kept in MongoDB: the current one of its week in {@code snapshots}, earlier versions of the same
 * week in {@code snapshot_versions}. The user's snapshot is kept whole in {@code snapshot}; the other fields are
 * for finding and comparing it.
 *
 * @param id          {@code projectId/week} in {@code snapshots}, {@code projectId/week/vN} in {@code snapshot_versions}
 * @param contentHash sha256 of the snapshot's JSON: the same snapshot sent again has the same hash
 * @param receivedBy  who sent this version (the signed-in user or token), as the audit trail names them
 * @param replacedAt  when a later version replaced it, or it was deleted (versions only)
 * @param deleted     whether it left the current snapshots by a deletion rather than a correction (versions only)
 */
public record StoredSnapshot(@Id String id, String projectId, String week, String asOf, int version,
                             String contentHash, Instant receivedAt, String receivedBy, Instant replacedAt, boolean deleted,
                             @Field("snapshot") Document body) {

    public Snapshot snapshot() {
        return BsonJson.fromBson(body, Snapshot.class);
    }

    StoredSnapshot asVersion(Instant replaced, boolean byDeletion) {
        return new StoredSnapshot(id + "/v" + version, projectId, week, asOf, version, contentHash, receivedAt,
                receivedBy, replaced, byDeletion, body);
    }
}
