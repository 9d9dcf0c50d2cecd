package org.pmopulse.system;

import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.LiveRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once Pulse is ready, where everything is read from and which URL to open. */
@Component
class StartupLog {
    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);
    private final PulseProperties properties;
    private final LiveRules rules;
    private final Forecaster forecaster;
    private final Environment env;

    StartupLog(PulseProperties properties, LiveRules rules, Forecaster forecaster, Environment env) {
        this.properties = properties;
        this.rules = rules;
        this.forecaster = forecaster;
        this.env = env;
    }

    /** Runs once everything else has started; waits for the first rule build so "ready" means ready. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        rules.awaitFirstLook();
        String mongo = env.containsProperty("spring.mongodb.uri") || env.containsProperty("spring.mongodb.host")
                ? "configured MongoDB (spring.mongodb.*)"
                : properties.embeddedMongo().persistent()
                ? "embedded MongoDB, data in " + properties.dataDir().toAbsolutePath().normalize()
                : "embedded MongoDB, in memory";
        log.info("Pulse is ready. Storage: {}. Rules: {} ({}). Model: {}.", mongo,
                rules.dir().toAbsolutePath().normalize(),
                rules.live().map(r -> r.catalogue().size() + " rules, " + r.version()).orElse("NO VALID RULE SET"),
                forecaster.model().map(m -> m.version()).orElse(forecaster.unavailableReason().orElse("none")));
        log.info("Open http://localhost:{}/api/projects (API description: /v3/api-docs, health: /actuator/health)",
                env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
    }
}
