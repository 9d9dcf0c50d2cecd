package org.pmopulse.metrics;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Earned value and earned schedule indicators of one snapshot. Any indicator whose inputs are missing, or whose
 * denominator is zero, is null rather than a made-up number. Ratios are rounded to 3 decimals and days to 1,
 * once, here: rules, scores and the JSON all see the same value.
 */
@Schema(description = "Earned value (EVM) and earned schedule (ES) indicators")
public record Indicators(
        @Schema(description = "Budget at completion") Double bac,
        @Schema(description = "Planned value at asOf (reported, else read off the baseline curve)") Double pv,
        @Schema(description = "Earned value") Double ev,
        @Schema(description = "Actual cost") Double ac,
        @Schema(description = "Percent complete, reported or EV/BAC") Double percentComplete,
        @Schema(description = "Schedule variance EV - PV") Double sv,
        @Schema(description = "Cost variance EV - AC") Double cv,
        @Schema(description = "Schedule performance index EV / PV") Double spi,
        @Schema(description = "Cost performance index EV / AC") Double cpi,
        @Schema(description = "To-complete performance index (BAC - EV) / (BAC - AC)") Double tcpi,
        @Schema(description = "Estimate at completion BAC / CPI") Double eac,
        @Schema(description = "Planned duration in days") Double plannedDurationDays,
        @Schema(description = "Actual time: days from baseline start to asOf") Double actualTimeDays,
        @Schema(description = "Earned schedule in days from baseline start") Double esDays,
        @Schema(description = "Schedule variance in time ES - AT, in whole days: how far behind (negative) the work is now")
        Double svtDays,
        @Schema(description = "Schedule performance index in time ES / AT") Double spiT,
        @Schema(description = "The earned-schedule forecast finish: start + AT + (PD - ES) / SPI(t)") LocalDate esForecastFinish,
        @Schema(description = "Days the earned-schedule forecast finish lies after the baseline finish") Double esForecastSlipDays) {

    public static Indicators none() {
        return new Indicators(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
