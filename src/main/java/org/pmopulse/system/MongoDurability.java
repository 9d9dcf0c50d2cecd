package org.pmopulse.system;

import com.mongodb.WriteConcern;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every write waits for the write concern in {@code pulse.mongo.*} (majority, journaled, by default) before Pulse
 * answers: a 2xx means the data is durable. The embedded server ignores write concerns; it syncs each write itself.
 */
@Configuration(proxyBeanMethods = false)
class MongoDurability {

    @Bean
    MongoClientSettingsBuilderCustomizer durableWrites(PulseProperties properties) {
        return settings -> settings.writeConcern(writeConcern(properties.mongo()));
    }

    static WriteConcern writeConcern(PulseProperties.Mongo mongo) {
        String w = mongo.writeConcern().strip();
        WriteConcern concern = w.chars().allMatch(Character::isDigit) && !w.isEmpty()
                ? new WriteConcern(Integer.parseInt(w)) : new WriteConcern(w);
        return concern.withJournal(mongo.journal());
    }
}
