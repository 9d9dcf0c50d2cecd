package org.pmopulse.rules;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** The health dimensions a finding belongs to and the assessment scores. */
public enum Dimension {
    SCHEDULE, COST, SCOPE, RISK, RESOURCES, GOVERNANCE, STAKEHOLDERS;

    /** Lower-case name used in JSON, DRL metadata and the thresholds file. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dimension fromKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dimension '" + key + "', expected one of "
                        + Arrays.stream(values()).map(Dimension::key).toList()));
    }
}
