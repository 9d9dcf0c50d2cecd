package org.pmopulse.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.pmopulse.system.MongoSetup;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.net.InetSocketAddress;

/**
 * The embedded MongoDB wire-protocol server, in memory, with a template mapped the way Pulse maps: for tests of
 * one service and its stores without the whole application. Close it after the test class.
 */
public final class InMemoryMongo implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "pulse-test");
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(MongoSetup.conversions().getSimpleTypeHolder());
        mapping.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mapping);
        converter.setCustomConversions(MongoSetup.conversions());
        converter.afterPropertiesSet();
        template = new MongoTemplate(factory, converter);
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
