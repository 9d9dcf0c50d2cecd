package org.pmopulse.system;

import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health of what Pulse needs (a bean named {@code xHealthIndicator} reports as {@code x}). {@code mongo} pings the database (Boot's own check sends {@code hello}, which the
 * embedded server does not know, so it is switched off in application.yaml); {@code rules} is DOWN only when no rule set is live (nothing can be assessed) and
 * shows a rejected later build as a detail; {@code forecast} is UP either way, and says whether the model is
 * loaded or why Pulse runs on rules alone.
 */
@Configuration(proxyBeanMethods = false)
class PulseHealth {

    @Bean
    @ConditionalOnWebApplication // health is what the server reports; a command-line run does not build it
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                mongo.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("database", mongo.getDb().getName()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
        };
    }
}
