package org.pmopulse.system;

import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.LiveRules;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health beside MongoDB's: {@code rules} is DOWN only when no rule set is live (nothing can be assessed) and
 * shows a rejected later build as a detail; {@code forecast} is UP either way, and says whether the model is
 * loaded or why Pulse runs on rules alone.
 */
@Configuration(proxyBeanMethods = false)
class PulseHealth {

    @Bean
    HealthIndicator rules(LiveRules rules) {
        return () -> {
            Health.Builder health = rules.live().map(set -> Health.up().withDetail("version", set.version())
                    .withDetail("rules", set.catalogue().size()).withDetail("folder", set.origin())
                    .withDetail("loadedAt", set.loadedAt().toString())).orElseGet(Health::down);
            rules.lastRejection().ifPresent(r -> health.withDetail("lastRejection", r));
            return health.build();
        };
    }

    @Bean
    HealthIndicator forecast(Forecaster forecaster) {
        return () -> forecaster.model()
                .map(m -> Health.up().withDetail("mode", "model").withDetail("model", m.version()).build())
                .orElseGet(() -> Health.up().withDetail("mode", "rules only")
                        .withDetail("reason", forecaster.unavailableReason().orElse("")).build());
    }
}
