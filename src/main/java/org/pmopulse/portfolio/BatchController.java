package org.pmopulse.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.access.AuditEntry;
import org.pmopulse.access.AuditLog;
import org.pmopulse.access.Caller;
import org.pmopulse.system.NotFoundException;
import org.pmopulse.system.PathValues;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
class BatchController {
    private final WeeklyBatch batch;
    private final AuditLog audit;

    BatchController(WeeklyBatch batch, AuditLog audit) {
        this.batch = batch;
        this.audit = audit;
    }

    @Operation(summary = "Re-assess every project of a week (default: the latest); 202 with the job to follow at /api/jobs/{id}")
    @PostMapping("/api/portfolio/assessments")
    ResponseEntity<Job> start(Caller caller, @RequestParam(required = false) String asOf) {
        Job job = batch.start(asOf == null ? null : PathValues.date("asOf", asOf), caller.name());
        audit.record(caller, AuditEntry.Action.BATCH_STARTED, job.id(), "week " + job.week());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "Take up an INTERRUPTED job (its process stopped): a new job for the same week; 202 with it")
    @PostMapping("/api/jobs/{id}/resume")
    ResponseEntity<Job> resume(Caller caller, @PathVariable String id) {
        Job job = batch.resume(id);
        audit.record(caller, AuditEntry.Action.BATCH_RESUMED, job.id(), "resumes " + id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "A batch job: progress, outcome and the projects that failed")
    @GetMapping("/api/jobs/{id}")
    Job job(@PathVariable String id) {
        return batch.job(id).orElseThrow(() -> new NotFoundException("id", "no job '" + id + "'"));
    }
}
