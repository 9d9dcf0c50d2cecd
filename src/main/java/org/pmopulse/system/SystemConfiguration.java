package org.pmopulse.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** What every feature shares: the clock, Pulse's settings and scheduling. Each feature wires its own beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PulseProperties.class)
class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Scheduled work (the weekly batch, the rules watcher, the reconciliation) is the server's. A command-line run
     * does its one command: without scheduling, its lazily made context builds only what the command uses.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @EnableScheduling
    static class Scheduling {
    }
}
