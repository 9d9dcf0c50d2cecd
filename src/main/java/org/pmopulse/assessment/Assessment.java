package org.pmopulse.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.advice.Recommendation;
import org.pmopulse.forecast.Forecast;
import org.pmopulse.metrics.Indicators;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.RuleSetRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The health assessment of one project's snapshot: the output contract of Pulse. It names the rule set and the
 * model that produced it, so an old assessment can be reproduced.
 */
@Schema(description = "Health assessment of one weekly snapshot")
public record Assessment(String projectId, LocalDate asOf,
                         @Schema(description = "ISO week of asOf", example = "2026-W47") String week,
                         Health health, Indicators indicators,
                         @Schema(description = "Every forecast of the finish side by side, each named once and explained")
                         List<ScheduleForecast> scheduleForecasts,
                         List<Finding> findings, Forecast forecast,
                         List<Recommendation> recommendations, RuleSetRef ruleSet, Instant assessedAt) {

    /** This assessment with other findings (the same findings as another reader may read them). */
    public Assessment withFindings(List<Finding> other) {
        return new Assessment(projectId, asOf, week, health, indicators, scheduleForecasts, other, forecast,
                recommendations, ruleSet, assessedAt);
    }

    /** This assessment as read now: its rule set marked live or not. */
    public Assessment readAgainst(String liveRuleSetVersion) {
        return new Assessment(projectId, asOf, week, health, indicators, scheduleForecasts, findings, forecast,
                recommendations, ruleSet.against(liveRuleSetVersion), assessedAt);
    }
}
