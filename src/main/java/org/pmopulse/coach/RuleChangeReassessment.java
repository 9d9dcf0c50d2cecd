package org.pmopulse.coach;

import org.pmopulse.portfolio.Job;
import org.pmopulse.portfolio.WeeklyBatch;

import org.springframework.stereotype.Component;

import java.util.Optional;

/** A new rule set's re-assessment as a batch job: every project's latest week, providers first. */
@Component
class RuleChangeReassessment implements Reassessment {
    private final WeeklyBatch batch;

    RuleChangeReassessment(WeeklyBatch batch) {
        this.batch = batch;
    }

    @Override
    public Optional<String> start(String reason) {
        return batch.startReassessment(reason).map(Job::id);
    }
}
