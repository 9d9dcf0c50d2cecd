package org.pmopulse.forecast.training;

import org.pmopulse.forecast.Stage;

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
        return Stage.of(percentComplete);
    }
}
