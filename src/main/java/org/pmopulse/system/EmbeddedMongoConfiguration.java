package org.pmopulse.system;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With no MongoDB configured, Pulse runs its own: mongo-java-server inside the JVM, listening on a free loopback
 * port ({@code pulse.embedded-mongo.port} to fix one), storing in an H2 file under {@code pulse.data-dir} so data
 * survives a restart; every write is on disk before it is acknowledged ({@link DurableH2Backend}). With
 * {@code spring.mongodb.uri} or {@code spring.mongodb.host} set, none of this starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoMongoConfigured.class)
class EmbeddedMongoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    static final String DATABASE = "pulse";

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(PulseProperties properties) {
        MongoBackend backend;
        if (properties.embeddedMongo().persistent()) {
            Path folder = properties.dataDir().toAbsolutePath().normalize();
            Path file = folder.resolve("pulse.mv");
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder " + folder, e);
            }
            backend = DurableH2Backend.open(file.toString()); // DataFolderLock made sure no other Pulse has it
            log.info("Embedded MongoDB stores its data in {} (each write synced to disk before it is acknowledged)", file);
        } else {
            backend = new MemoryBackend();
            log.info("Embedded MongoDB keeps its data in memory only");
        }
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", properties.embeddedMongo().port()));
        return server;
    }

    @Bean
    @ConditionalOnMissingBean(MongoConnectionDetails.class)
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + DATABASE);
        return () -> uri;
    }

    /** True when neither a URI nor a host is configured and the embedded server is not switched off. */
    static final class NoMongoConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embeddedWanted(context.getEnvironment());
        }

        static boolean embeddedWanted(Environment env) {
            return !env.containsProperty("spring.mongodb.uri") && !env.containsProperty("spring.mongodb.host")
                    && env.getProperty("pulse.embedded-mongo.enabled", Boolean.class, true);
        }
    }
}
