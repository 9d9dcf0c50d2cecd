package org.pmopulse.snapshot;

import org.pmopulse.system.PulseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The snapshot reader with the configured date window and size limits. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    SnapshotReader snapshotReader(PulseProperties properties, Clock clock) {
        PulseProperties.Dates dates = properties.dates();
        return new SnapshotReader(new DateWindow(dates.earliest(), dates.ahead(), dates.planAhead(), clock),
                properties.api().maxTasks());
    }
}
