package org.pmopulse.rules.fact;

import java.time.LocalDate;

/** Transition into operation: {@code live} once the go-live date is reached. */
public record TransitionFact(LocalDate goLive, boolean live, Double adoptionPct, Double adoptionTargetPct,
                             Integer openIncidents, Integer previousOpenIncidents) {}
