package org.pmopulse.portfolio;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A weekly batch run, kept in {@code jobs}: which week, how far it got, and every project that failed with why.
 * One failing project does not stop the others; the job ends SUCCEEDED, or COMPLETED_WITH_FAILURES.
 */
public record Job(@Id String id, String week, LocalDate weekStart, Status status, String requestedBy, int total,
                  int done, int failed, List<Failure> failures, Instant startedAt, Instant finishedAt) {

    public enum Status { RUNNING, SUCCEEDED, COMPLETED_WITH_FAILURES }

    public record Failure(String projectId, String message) {}

    Job progress(int done, int failed, List<Failure> failures) {
        return new Job(id, week, weekStart, status, requestedBy, total, done, failed, List.copyOf(failures), startedAt, finishedAt);
    }

    Job finished(Instant at) {
        return new Job(id, week, weekStart, failed == 0 ? Status.SUCCEEDED : Status.COMPLETED_WITH_FAILURES, requestedBy,
                total, done, failed, failures, startedAt, at);
    }
}
