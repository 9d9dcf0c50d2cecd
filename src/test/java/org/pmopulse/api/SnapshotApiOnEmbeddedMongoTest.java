package org.pmopulse.api;

/** The API contract on the embedded MongoDB wire-protocol server, as it runs by default. */
class SnapshotApiOnEmbeddedMongoTest extends SnapshotApiContract {
}
