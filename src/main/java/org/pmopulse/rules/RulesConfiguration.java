package org.pmopulse.rules;

import org.pmopulse.system.PulseProperties;
import org.pmopulse.system.ReadyLine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.time.Clock;

/** The live rules from the rules folder, built in the background at start, with their health and ready line. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    LiveRules liveRules(PulseProperties properties, Clock clock) {
        LiveRules rules = new LiveRules(properties.rulesDir(), clock);
        rules.loadInBackground();
        return rules;
    }

    @Bean
    @ConditionalOnWebApplication // health is what the server reports; a command-line run does not build it
    HealthIndicator rulesHealthIndicator(LiveRules rules) {
        return () -> {
            Health.Builder health = rules.live().map(set -> Health.up().withDetail("version", set.version())
                    .withDetail("rules", set.catalogue().size()).withDetail("folder", set.origin())
                    .withDetail("loadedAt", set.loadedAt().toString())).orElseGet(Health::down);
            rules.lastRejection().ifPresent(r -> health.withDetail("lastRejection", r));
            return health.build();
        };
    }

    @Bean
    @Order(1)
    ReadyLine rulesReadyLine(LiveRules rules) {
        return new ReadyLine() {
            @Override
            public String name() {
                return "Rules";
            }

            @Override
            public String describe() {
                return rules.dir().toAbsolutePath().normalize() + " ("
                        + rules.live().map(r -> r.catalogue().size() + " rules, " + r.version()).orElse("NO VALID RULE SET")
                        + ")";
            }

            @Override
            public void awaitReady() {
                rules.awaitFirstLook();
            }
        };
    }
}
