package org.pmopulse.api;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same API contract on a real MongoDB in a container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "pulse.embedded-mongo.enabled=false")
class SnapshotApiOnMongoDbTest extends SnapshotApiContract {
    @Container
    @ServiceConnection
    static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
}
