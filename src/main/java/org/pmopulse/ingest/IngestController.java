package org.pmopulse.ingest;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.access.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.pmopulse.assessment.Assessment;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.pmopulse.portfolio.OtherProjects;
import org.pmopulse.portfolio.ProjectStore;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.PathValues;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@RestController
class IngestController {
    static final String NDJSON = "application/x-ndjson";
    static final String OUTCOME_HEADER = "Pulse-Snapshot-Outcome";

    private final SnapshotReader reader;
    private final IngestService ingest;
    private final Deletions deletions;
    private final ProjectStore projects;

    IngestController(SnapshotReader reader, IngestService ingest, Deletions deletions, ProjectStore projects) {
        this.reader = reader;
        this.ingest = ingest;
        this.deletions = deletions;
        this.projects = projects;
    }

    @Operation(summary = "Create or replace the snapshot of a week and return its assessment",
            description = "201 when the week is new, 200 when it replaced or matched the stored one. The header "
                    + OUTCOME_HEADER + " says CREATED, REPLACED or UNCHANGED. A replaced version stays retrievable. "
                    + "202 when the snapshot is stored but could not be assessed yet (the body says why); Pulse "
                    + "assesses it again by itself.")
    @ApiResponse(responseCode = "201", description = "a new week, with its assessment",
            content = @Content(schema = @Schema(implementation = Assessment.class)))
    @ApiResponse(responseCode = "200", description = "a replaced or identical week, with its assessment",
            content = @Content(schema = @Schema(implementation = Assessment.class)))
    @ApiResponse(responseCode = "202", description = "stored, not assessed yet",
            content = @Content(schema = @Schema(implementation = NotAssessedYet.class)))
    @PutMapping(path = "/api/projects/{projectId}/snapshots/{asOf}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> put(Caller caller, @PathVariable String projectId, @PathVariable String asOf,
                                   @RequestBody(content = @Content(schema = @Schema(implementation = Snapshot.class)))
                                   @org.springframework.web.bind.annotation.RequestBody(required = false) byte[] body) {
        PathValues.projectId(projectId);
        LocalDate date = PathValues.date("asOf", asOf);
        Snapshot snapshot = reader.read(reader.parse(body));
        List<FieldProblem> mismatches = new ArrayList<>();
        if (!snapshot.projectId().equals(projectId)) {
            mismatches.add(new FieldProblem("projectId", "is '" + snapshot.projectId() + "' in the body but '"
                    + projectId + "' in the path"));
        }
        if (!snapshot.asOf().equals(date)) {
            mismatches.add(new FieldProblem("asOf", "is " + snapshot.asOf() + " in the body but " + date + " in the path"));
        }
        if (!mismatches.isEmpty()) {
            throw InvalidInputException.body(mismatches);
        }
        IngestService.Ingested done = ingest.ingest(snapshot, caller);
        ResponseEntity.BodyBuilder answer = ResponseEntity
                .status(done.assessment() == null ? HttpStatus.ACCEPTED
                        : done.outcome() == SnapshotStore.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/projects/" + projectId + "/assessments/" + date))
                .header(OUTCOME_HEADER, done.outcome().name());
        return done.assessment() != null ? answer.body(OtherProjects.hiddenFrom(caller, projects).assessment(done.assessment()))
                : answer.body(new NotAssessedYet(projectId, date, IsoWeek.of(date), done.outcome(), done.notAssessed()));
    }

    /** The answer when a snapshot is stored but its assessment failed: 202, the reconciliation assesses it later. */
    record NotAssessedYet(String projectId, LocalDate asOf, String week, SnapshotStore.Outcome outcome, String reason) {}

    @Operation(summary = "Upload many snapshots: a JSON array, or NDJSON (one per line)",
            description = "Each item is validated on its own; valid items are stored and assessed, invalid ones are "
                    + "reported with their problems and nothing of them is stored. 200 with the report when any item "
                    + "was accepted; when none was, a 422 problem listing every item's problems, with the report.")
    @PostMapping(path = "/api/snapshots", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    ResponseEntity<BulkReport> bulk(Caller caller,
                                    @RequestHeader(value = "Content-Type", required = false) String contentType,
                                    @RequestBody(content = @Content(schema = @Schema(implementation = Snapshot[].class)))
                                    @org.springframework.web.bind.annotation.RequestBody(required = false) byte[] body) {
        boolean ndjson = contentType != null && contentType.startsWith(NDJSON);
        BulkReport report = ingest.ingestAll(ingest.split(body, ndjson), caller);
        if (report.nothingAccepted()) {
            throw new NothingAcceptedException(report);
        }
        return ResponseEntity.ok(report);
    }

    @Operation(summary = "Delete the snapshot of the week that contains asOf, to undo a mistake",
            description = "The week leaves the current snapshots but stays under .../versions (marked deleted); its "
                    + "assessments and portfolio line go, and the project's later weeks are assessed again. ADMIN only.")
    @DeleteMapping("/api/projects/{projectId}/snapshots/{asOf}")
    Deletions.Deleted deleteWeek(Caller caller, @PathVariable String projectId,
                                 @PathVariable String asOf) {
        PathValues.projectId(projectId);
        return deletions.week(projectId, IsoWeek.of(PathValues.date("asOf", asOf)), caller);
    }

    @Operation(summary = "Delete a whole project: every week as above, its summary and its portfolio lines",
            description = "ADMIN only.")
    @DeleteMapping("/api/projects/{projectId}")
    Deletions.Deleted deleteProject(Caller caller, @PathVariable String projectId) {
        return deletions.project(PathValues.projectId(projectId), caller);
    }
}
