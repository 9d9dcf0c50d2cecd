package org.pmopulse.coach;

import java.util.Optional;

/**
 * What follows a new live rule set: every project's latest week assessed again, as a job, so the colours on show
 * are the live rules' colours. The change log names the job.
 */
public interface Reassessment {
    /** Starts the job; its id, or empty when there is nothing to assess. */
    Optional<String> start(String reason);
}
