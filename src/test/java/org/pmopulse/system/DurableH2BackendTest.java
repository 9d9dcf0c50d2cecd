package org.pmopulse.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is on disk the moment a write is acknowledged: a copy of the store file taken right then, opened as a
 * crashed process's file would be, holds the write.
 */
class DurableH2BackendTest {
    @TempDir
    Path dir;

    @Test
    void anAcknowledgedWriteIsInTheFileBeforeTheAnswer() throws IOException {
        Path file = dir.resolve("pulse.mv");
        MongoServer server = new MongoServer(DurableH2Backend.open(file.toString()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            client.getDatabase("pulse").getCollection("snapshots").insertOne(new Document("_id", "P/2026-W47"));
            client.getDatabase("pulse").getCollection("snapshots")
                    .updateOne(new Document("_id", "P/2026-W47"), new Document("$set", new Document("version", 2)));

            Path copy = dir.resolve("at-acknowledgement.mv");
            Files.copy(file, copy); // what a kill -9 now would leave

            assertThat(readBack(copy)).isEqualTo(new Document("_id", "P/2026-W47").append("version", 2));
        } finally {
            server.shutdownNow();
        }
    }

    private static Document readBack(Path file) {
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            return client.getDatabase("pulse").getCollection("snapshots").find().first();
        } finally {
            server.shutdownNow();
        }
    }
}
