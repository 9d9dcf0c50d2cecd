package org.pmopulse.forecast;

import java.util.Locale;

/** Where a project is, by percent complete (earned value / budget): the evaluation and the range use it. */
public enum Stage {
    EARLY("early (< 30 %)"), MIDDLE("middle"), LATE("late (> 70 %)");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The key in the model card. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param percentComplete 0..100 */
    public static Stage of(double percentComplete) {
        return percentComplete < 30 ? EARLY : percentComplete > 70 ? LATE : MIDDLE;
    }
}
