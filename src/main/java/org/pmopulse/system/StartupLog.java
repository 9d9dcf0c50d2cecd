package org.pmopulse.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/** Says, once the server is ready, where everything is read from and which URL to open. */
@Component
@ConditionalOnWebApplication
class StartupLog {
    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);
    private final PulseProperties properties;
    private final ObjectProvider<ReadyLine> parts;
    private final ObjectProvider<StartupNotice> notices;
    private final Environment env;

    StartupLog(PulseProperties properties, ObjectProvider<ReadyLine> parts, ObjectProvider<StartupNotice> notices,
               Environment env) {
        this.properties = properties;
        this.parts = parts;
        this.notices = notices;
        this.env = env;
    }

    /** Runs once everything else has started; waits for each part (the first rule build) so "ready" means ready. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        List<ReadyLine> ordered = parts.orderedStream().toList();
        ordered.forEach(ReadyLine::awaitReady);
        String mongo = env.containsProperty("spring.mongodb.uri") || env.containsProperty("spring.mongodb.host")
                ? "configured MongoDB (spring.mongodb.*)"
                : properties.embeddedMongo().persistent()
                ? "embedded MongoDB, data in " + properties.dataDir().toAbsolutePath().normalize()
                : "embedded MongoDB, in memory";
        StringBuilder line = new StringBuilder("Pulse is ready. Storage: ").append(mongo).append('.');
        ordered.forEach(part -> line.append(' ').append(part.name()).append(": ").append(part.describe()).append('.'));
        log.info(line.toString());
        log.info("Open http://localhost:{}/ for the dashboard (API: /api/projects, its description: /v3/api-docs,"
                + " health: /actuator/health)", env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
        notices.orderedStream().flatMap(n -> n.lines().stream()).forEach(log::info);
    }
}
