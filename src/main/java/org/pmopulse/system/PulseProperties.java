package org.pmopulse.system;

import org.pmopulse.forecast.Forecaster;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Pulse's own settings ({@code pulse.*}); each has a default that works on a laptop and can be set from the
 * environment ({@code PULSE_DATA_DIR}, {@code PULSE_RULES_DIR}, ...). See the table in README.md.
 */
@ConfigurationProperties("pulse")
public record PulseProperties(
        @DefaultValue("./var") Path dataDir,
        @DefaultValue("./rules") Path rulesDir,
        @DefaultValue("./models") Path modelsDir,
        @DefaultValue(Forecaster.DEFAULT_MODEL_FILE) String modelFile,
        @DefaultValue Rules rules,
        @DefaultValue Api api,
        @DefaultValue Demo demo,
        @DefaultValue EmbeddedMongo embeddedMongo) {

    /**
     * @param adminToken bearer token that allows validating, replaying, publishing and rolling back rules over the
     *                   API (they run code on the server); unset, those endpoints are switched off
     */
    public record Rules(@DefaultValue("1s") Duration pollInterval, String adminToken) {}

    public record Api(@DefaultValue("10MB") DataSize maxBodySize) {}

    public record Demo(@DefaultValue("true") boolean load, @DefaultValue("./data/demo") Path dir) {}

    /** The embedded MongoDB server used when no {@code spring.mongodb.uri} or host is set. */
    public record EmbeddedMongo(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean persistent) {}

    public Path modelPath() {
        return modelsDir.resolve(modelFile);
    }
}
