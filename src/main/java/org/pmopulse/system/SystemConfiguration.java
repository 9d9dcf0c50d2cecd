package org.pmopulse.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** What every feature shares: the clock, Pulse's settings and scheduling. Each feature wires its own beans. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PulseProperties.class)
class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
