package org.pmopulse.rules.fact;

import java.time.LocalDate;

/**
 * The governance record, with the age of each artefact in days at the snapshot date (null when never done).
 * Inserted for every snapshot, so a missing {@code governance} section reads as "nothing recorded".
 */
public record GovernanceFact(LocalDate charterApprovedOn, Boolean raciDefined, Integer daysSinceStatusReport,
                             Integer daysSinceSteeringMeeting, Integer riskReviewCadenceDays,
                             LocalDate requirementsSignedOffOn, Boolean definitionOfDoneAgreed,
                             Integer daysSinceBacklogRefinement) {}
