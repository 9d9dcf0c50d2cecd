package org.pmopulse.system;

import org.pmopulse.assessment.Assessor;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.snapshot.DateWindow;
import org.pmopulse.snapshot.SnapshotReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The plain-Java assessment components, wired once for the web application. The command line wires the same ones. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PulseProperties.class)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotReader snapshotReader(PulseProperties properties, Clock clock) {
        PulseProperties.Dates dates = properties.dates();
        return new SnapshotReader(new DateWindow(dates.earliest(), dates.ahead(), dates.planAhead(), clock),
                properties.api().maxTasks());
    }

    @Bean
    LiveRules liveRules(PulseProperties properties, Clock clock) {
        LiveRules rules = new LiveRules(properties.rulesDir(), clock);
        rules.loadInBackground();
        return rules;
    }

    @Bean
    Forecaster forecaster(PulseProperties properties) {
        return Forecaster.load(properties.modelPath());
    }

    @Bean
    Assessor assessor(Forecaster forecaster, Clock clock) {
        return new Assessor(forecaster, clock);
    }
}
