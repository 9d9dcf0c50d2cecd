package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;

/**
 * The project as a whole in the week being assessed. {@code baselineApproved} and {@code inExecution} are derived
 * so rules do not repeat the same date logic.
 */
public record ProjectFact(String projectId, LocalDate asOf, Methodology methodology, Phase phase, Rag pmStatus,
                          LocalDate baselineStart, LocalDate baselineFinish, LocalDate baselineApprovedOn,
                          Double budget, LocalDate forecastFinish, boolean hasBaseline) {

    /** Execution or later: the phases in which a plan must already be approved. */
    public boolean isInExecution() {
        return phase == Phase.EXECUTION || phase == Phase.CLOSING;
    }
}
