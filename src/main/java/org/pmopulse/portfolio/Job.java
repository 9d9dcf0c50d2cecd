package org.pmopulse.portfolio;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A weekly batch run, kept in {@code jobs}: which week, how far it got, and every project that failed with why.
 * One failing project does not stop the others; the job ends SUCCEEDED, or COMPLETED_WITH_FAILURES. A job whose
 * process died (no heartbeat) becomes INTERRUPTED and can be resumed: running the batch again is safe, since an
 * assessment that says the same is not rewritten.
 *
 * @param instance    the Pulse process running it
 * @param heartbeatAt the last time that process said it was still at it
 * @param resumes     the interrupted job this one takes up, if any
 */
public record Job(@Id String id, String week, LocalDate weekStart, Status status, String requestedBy, int total,
                  int done, int failed, List<Failure> failures, Instant startedAt, Instant finishedAt,
                  String instance, Instant heartbeatAt, String resumes) {

    public enum Status { RUNNING, SUCCEEDED, COMPLETED_WITH_FAILURES, INTERRUPTED }

    public record Failure(String projectId, String message) {}

    Job progress(int done, int failed, List<Failure> failures, Instant now) {
        return new Job(id, week, weekStart, status, requestedBy, total, done, failed, List.copyOf(failures), startedAt,
                finishedAt, instance, now, resumes);
    }

    /** Stopped by a shutdown part way: it can be resumed. */
    Job interrupted(Instant at) {
        return new Job(id, week, weekStart, Status.INTERRUPTED, requestedBy, total, done, failed, failures, startedAt, at,
                instance, at, resumes);
    }

    Job finished(Instant at) {
        return new Job(id, week, weekStart, failed == 0 ? Status.SUCCEEDED : Status.COMPLETED_WITH_FAILURES, requestedBy,
                total, done, failed, failures, startedAt, at, instance, at, resumes);
    }
}
