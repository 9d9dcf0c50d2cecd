package org.pmopulse.snapshot;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** Snapshot storage on a real MongoDB in a container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "pulse.embedded-mongo.enabled=false")
class SnapshotStoreOnMongoDbTest extends SnapshotStoreContract {
    @Container
    @ServiceConnection
    static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
}
