package org.pmopulse.forecast;

import org.pmopulse.system.PulseProperties;
import org.pmopulse.system.ReadyLine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The slip model from the models folder (or the reason there is none), with its health and ready line. */
@Configuration(proxyBeanMethods = false)
class ForecastConfiguration {

    @Bean
    Forecaster forecaster(PulseProperties properties) {
        return Forecaster.load(properties.modelPath());
    }

    @Bean
    @ConditionalOnWebApplication // health is what the server reports; a command-line run does not build it
    HealthIndicator forecastHealthIndicator(Forecaster forecaster) {
        return () -> forecaster.model()
                .map(m -> Health.up().withDetail("mode", "model").withDetail("model", m.version()).build())
                .orElseGet(() -> Health.up().withDetail("mode", "rules only")
                        .withDetail("reason", forecaster.unavailableReason().orElse("")).build());
    }

    @Bean
    @Order(2)
    ReadyLine modelReadyLine(Forecaster forecaster) {
        return new ReadyLine() {
            @Override
            public String name() {
                return "Model";
            }

            @Override
            public String describe() {
                return forecaster.model().map(SlipModel::version).orElse(forecaster.unavailableReason().orElse("none"));
            }
        };
    }
}
