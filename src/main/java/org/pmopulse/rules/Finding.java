package org.pmopulse.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Severity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule found: the rule that fired, a sentence with the actual numbers, and the evidence values behind it.
 * Rules create findings through {@link Emit}; the engine fills in the source file from the catalogue.
 */
@Schema(description = "A rule that fired, with the numbers that made it fire")
public record Finding(
        @Schema(example = "EW-SCH-003") String ruleId,
        String title,
        FindingKind kind,
        Dimension dimension,
        Severity severity,
        @Schema(description = "Plain-words reason with the actual numbers") String because,
        @Schema(description = "The values that made the rule fire") Map<String, Object> evidence,
        @Schema(description = "Rule file, relative to the rules folder") String source) {

    public Finding {
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** This finding with one more evidence value; rules chain it: {@code finding(...).with("spi", $spi)}. */
    public Finding with(String name, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(evidence);
        values.put(name, value);
        return new Finding(ruleId, title, kind, dimension, severity, because, values, source);
    }

    Finding withSource(String file) {
        return new Finding(ruleId, title, kind, dimension, severity, because, evidence, file);
    }
}
