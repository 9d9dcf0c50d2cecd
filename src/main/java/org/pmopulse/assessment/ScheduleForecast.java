package org.pmopulse.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.forecast.Forecast;
import org.pmopulse.metrics.Indicators;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One forecast of the finish, named once, with what it means: the assessment shows the earned-schedule forecast,
 * the project manager's and the model's side by side, so a reader never wonders which "days late" is which.
 * Findings quote the same figures (the earned-schedule forecast from the indicators).
 *
 * @param slipDays days after the baseline finish (negative: early)
 */
@Schema(description = "A forecast finish with its source and a one-line explanation")
public record ScheduleForecast(Source source, LocalDate finish, Integer slipDays,
                               @Schema(description = "The model's 80 % range of the slip, days") List<Integer> range80,
                               String means) {

    public enum Source { EARNED_SCHEDULE, PROJECT_MANAGER, MODEL }

    /** The forecasts a snapshot has, in that order; one that cannot be made is left out. */
    static List<ScheduleForecast> of(Snapshot snapshot, Indicators indicators, Forecast model) {
        List<ScheduleForecast> forecasts = new ArrayList<>();
        LocalDate baselineFinish = snapshot.baseline() == null ? null : snapshot.baseline().finish();
        if (indicators.esForecastFinish() != null) {
            forecasts.add(new ScheduleForecast(Source.EARNED_SCHEDULE, indicators.esForecastFinish(),
                    indicators.esForecastSlipDays() == null ? null : (int) Math.round(indicators.esForecastSlipDays()), null,
                    "earned schedule: the time used so far plus the work left at the pace so far,"
                            + " start + AT + (PD - ES) / SPI(t)"));
        }
        if (snapshot.forecastFinish() != null) {
            forecasts.add(new ScheduleForecast(Source.PROJECT_MANAGER, snapshot.forecastFinish(),
                    baselineFinish == null ? null : (int) ChronoUnit.DAYS.between(baselineFinish, snapshot.forecastFinish()),
                    null, "the project manager's forecast finish, as reported"));
        }
        if (model != null && model.available()) {
            forecasts.add(new ScheduleForecast(Source.MODEL, model.finish(), model.expectedSlipDays(), model.range80(),
                    "Pulse's slip model: the time used plus the work left at the planned pace, AT + (PD - ES), corrected"
                            + " by what finished projects did, with the range the real finish fell in for 80 % of"
                            + " projects the model had not seen"));
        }
        return forecasts;
    }
}
