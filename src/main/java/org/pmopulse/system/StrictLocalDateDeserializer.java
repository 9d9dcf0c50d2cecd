package org.pmopulse.system;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Accepts dates only as {@code YYYY-MM-DD}. Jackson's default reader also takes a date-time and drops its time,
 * which would silently change what the user sent.
 */
final class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getString();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text, STRICT);
            } catch (DateTimeParseException e) {
                // falls through to the same report as a malformed date
            }
        }
        return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not an ISO date (YYYY-MM-DD)");
    }
}
