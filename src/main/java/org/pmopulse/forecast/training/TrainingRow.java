package org.pmopulse.forecast.training;

import java.time.LocalDate;
import java.util.Map;

/**
 * One snapshot of a finished project as the training and the evaluation see it: its features, the classic
 * forecasts on the same snapshot and the real duration. Durations are calendar days from the baseline start.
 *
 * @param percentComplete 0..100, which stage the snapshot is in
 */
public record TrainingRow(String projectId, LocalDate asOf, double percentComplete, double plannedDays,
                          double actualTimeDays, double esDays, Double spiT, double es1Days, double es2Days,
                          double realDays, Map<String, Double> features) {

    /** What the model learns: {@code log(real duration / ES1)}. */
    public double target() {
        return Math.log(realDays / es1Days);
    }

    public Stage stage() {
        return percentComplete < 30 ? Stage.EARLY : percentComplete > 70 ? Stage.LATE : Stage.MIDDLE;
    }

    public enum Stage {
        EARLY("early (< 30 %)"), MIDDLE("middle"), LATE("late (> 70 %)");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
