package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The project as a whole in the week being assessed. {@code previousPhase} is the phase reported the week
 * before (null without history); {@code esForecastFinish} is the earned-schedule forecast beside the PM's own
 * {@code forecastFinish}; derived flags spare the rules repeating the same logic.
 */
public record ProjectFact(String projectId, LocalDate asOf, Methodology methodology, Phase phase, Phase previousPhase,
                          Rag pmStatus, LocalDate baselineStart, LocalDate baselineFinish,
                          LocalDate baselineApprovedOn, Double budget, LocalDate forecastFinish,
                          LocalDate esForecastFinish, boolean hasBaseline) {

    /** Execution or later: the phases in which a plan must already be approved. */
    public boolean isInExecution() {
        return phase == Phase.EXECUTION || phase == Phase.CLOSING;
    }

    /** The project moved to another phase since last week (a phase exit). */
    public boolean isPhaseChanged() {
        return previousPhase != null && phase != null && previousPhase != phase;
    }

    public boolean isAgileDelivery() {
        return methodology == Methodology.AGILE || methodology == Methodology.HYBRID;
    }

    public boolean isStageGated() {
        return methodology == Methodology.WATERFALL || methodology == Methodology.HYBRID;
    }

    /**
     * How many days earlier the PM's forecast finish is than the earned-schedule forecast (positive: the PM is
     * more optimistic), null when either is missing.
     */
    public Integer getForecastOptimismDays() {
        return forecastFinish == null || esForecastFinish == null ? null
                : (int) ChronoUnit.DAYS.between(forecastFinish, esForecastFinish);
    }
}
