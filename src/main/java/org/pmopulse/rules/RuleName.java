package org.pmopulse.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule's name is its stable id followed by a readable title: {@code "EW-SCH-003 SPI(t) below band three weeks running"}. */
public record RuleName(String id, String title) {
    static final Pattern FORMAT = Pattern.compile("([A-Z]{2,5}(?:-[A-Z0-9]{2,5})*-\\d{2,3})\\s+(\\S.*)");

    public static RuleName parse(String name) {
        Matcher m = FORMAT.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("rule name '" + name
                    + "' must start with a stable id such as 'EW-SCH-003' followed by a title");
        }
        return new RuleName(m.group(1), m.group(2).trim());
    }

    public static boolean isValid(String name) {
        return FORMAT.matcher(name).matches();
    }
}
