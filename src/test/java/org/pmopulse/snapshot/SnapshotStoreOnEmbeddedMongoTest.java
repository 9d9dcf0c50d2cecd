package org.pmopulse.snapshot;

/** Snapshot storage on the embedded MongoDB wire-protocol server. */
class SnapshotStoreOnEmbeddedMongoTest extends SnapshotStoreContract {
}
