package org.pmopulse.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

/**
 * Pulse's own settings ({@code pulse.*}); each has a default that works on a laptop and can be set from the
 * environment ({@code PULSE_DATA_DIR}, {@code PULSE_RULES_DIR}, ...). See the table in README.md.
 */
@ConfigurationProperties("pulse")
public record PulseProperties(
        @DefaultValue("./var") Path dataDir,
        @DefaultValue("./rules") Path rulesDir,
        @DefaultValue("./models") Path modelsDir,
        @DefaultValue(PulseProperties.DEFAULT_MODEL_FILE) String modelFile,
        @DefaultValue Rules rules,
        @DefaultValue Api api,
        @DefaultValue Demo demo,
        @DefaultValue EmbeddedMongo embeddedMongo,
        @DefaultValue Mongo mongo,
        @DefaultValue Dates dates) {

    /** The slip model's file name in the models folder, unless {@code pulse.model-file} says otherwise. */
    public static final String DEFAULT_MODEL_FILE = "slip-model.tribuo";

    /** @param sandbox limits of the worker process a candidate rule set is validated and replayed in */
    public record Rules(@DefaultValue("1s") Duration pollInterval, @DefaultValue Sandbox sandbox) {}

    /** @param timeout the worker is killed after this; @param memory its heap limit */
    public record Sandbox(@DefaultValue("60s") Duration timeout, @DefaultValue("512MB") DataSize memory) {}

    /** @param maxTasks snapshots with more tasks are refused up front (422) */
    public record Api(@DefaultValue("10MB") DataSize maxBodySize, @DefaultValue("50000") int maxTasks) {}

    /**
     * The dates a snapshot may hold (the snapshot package's DateWindow checks them).
     *
     * @param earliest  no date before this one
     * @param ahead     how far after today a date of something that happened may lie (asOf, actual dates, reviews)
     * @param planAhead how far after today a planned or forecast date may lie (baselines, due dates)
     */
    public record Dates(@DefaultValue("1990-01-01") LocalDate earliest, @DefaultValue("P1Y") Period ahead,
                        @DefaultValue("P20Y") Period planAhead) {}

    public record Demo(@DefaultValue("true") boolean load, @DefaultValue("./data/demo") Path dir) {}

    /**
     * The embedded MongoDB server used when no {@code spring.mongodb.uri} or host is set.
     *
     * @param port loopback port it listens on; 0 picks a free one (set one to look at the data with a MongoDB tool)
     */
    public record EmbeddedMongo(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean persistent,
                                @DefaultValue("0") int port) {}

    /**
     * How writes are acknowledged by a real MongoDB: by default once a majority of the replica set has them in its
     * journal, so an answer of 2xx survives the loss of the primary.
     *
     * @param writeConcern {@code majority}, or a number of members
     * @param journal      whether the write must be in the on-disk journal before it is acknowledged
     */
    public record Mongo(@DefaultValue("majority") String writeConcern, @DefaultValue("true") boolean journal) {}

    public Path modelPath() {
        return modelsDir.resolve(modelFile);
    }
}
