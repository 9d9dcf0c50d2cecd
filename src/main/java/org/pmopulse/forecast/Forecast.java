package org.pmopulse.forecast;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The slip forecast of one snapshot, or why there is none ({@code available=false} with a {@code reason}).
 * Slip is in calendar days against the baseline finish; positive is late.
 */
@Schema(description = "Slip forecast from the Tribuo model, or the reason there is none")
public record Forecast(boolean available,
                       @Schema(description = "Why there is no forecast (rules-only mode)") String reason,
                       Integer expectedSlipDays,
                       @Schema(description = "80% range of the slip in days [low, high]") List<Integer> range80,
                       @Schema(description = "Probability of finishing after the baseline finish, 0..1") Double probabilityLate,
                       LocalDate finish,
                       List<Factor> mainFactors,
                       @Schema(description = "Model name and file hash") String model) {

    /**
     * One feature's contribution to this forecast, in days and in words.
     *
     * @param feature              the feature's code name (as in the model card)
     * @param name                 the feature in words
     * @param unit                 the unit of {@code value}: "%" (0-100), "days", or "" for a ratio or a count
     * @param value                the value in the snapshot contract's units
     * @param outsideTrainingRange the value is outside the range the model was trained on (it read the edge)
     */
    public record Factor(String feature, String name, String unit, double value, String effect,
                         boolean outsideTrainingRange, String explanation) {}

    public static Forecast unavailable(String reason) {
        return new Forecast(false, reason, null, null, null, null, null, null);
    }
}
