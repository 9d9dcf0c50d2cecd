package org.pmopulse.system;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Checks values taken from a URL, so a malformed one is a 400 naming the parameter. */
public final class PathValues {
    /** Project ids: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final String PROJECT_ID_RULE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private PathValues() {
    }

    private static InvalidInputException parameter(String field, String message) {
        return InvalidInputException.parameter(field, message);
    }

    public static String projectId(String value) {
        if (value == null || !PROJECT_ID.matcher(value).matches()) {
            throw parameter("projectId", PROJECT_ID_RULE + ", was '" + value + "'");
        }
        return value;
    }

    /** An enum value from a query parameter, exactly as the enum spells it; null stays null. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw parameter(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A date from a URL; years before 1000 are refused too, since no week of Pulse lies there. */
    public static LocalDate date(String field, String value) {
        try {
            LocalDate date = LocalDate.parse(value, ISO);
            if (date.getYear() < 1000) {
                throw parameter(field, "'" + value + "' is before the year 1000");
            }
            return date;
        } catch (DateTimeParseException | NullPointerException e) {
            throw parameter(field, "'" + value + "' is not an ISO date (YYYY-MM-DD)");
        }
    }
}
