package org.pmopulse.coach;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.access.Caller;
import org.pmopulse.system.PathValues;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The coach's loop over HTTP, for the COACH role (the security configuration says so). Candidates run in the
 * sandbox worker, never in this process; a change is logged as the signed-in coach's.
 */
@RestController
@RequestMapping("/api/rules")
class RuleChangeController {
    static final String ZIP = "application/zip";

    private final RulePublisher publisher;
    private final RuleChangeLog log;

    RuleChangeController(RulePublisher publisher, RuleChangeLog log) {
        this.publisher = publisher;
        this.log = log;
    }

    @Operation(summary = "Build and test a candidate on top of the live rules, changing nothing live")
    @PostMapping(path = "/validate", consumes = {MediaType.APPLICATION_JSON_VALUE, ZIP})
    ValidationReport validate(@RequestHeader(value = "Content-Type") String contentType,
                              @RequestBody byte[] body, @RequestParam(required = false) String comment) {
        return publisher.validate(request(contentType, body, comment, null, null, null).files());
    }

    @Operation(summary = "Run a candidate over stored weeks next to the live rules; writes nothing")
    @PostMapping(path = "/replay", consumes = {MediaType.APPLICATION_JSON_VALUE, ZIP})
    ReplayReport replay(@RequestHeader(value = "Content-Type") String contentType, @RequestBody byte[] body,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) List<String> project) {
        CandidateRequest request = request(contentType, body, null, from, to, project);
        return publisher.replay(request.files(), request.from(), request.to(), request.projects());
    }

    @Operation(summary = "Validate, replay and write a candidate into the rules folder as one step, and log it")
    @PostMapping(path = "/publish", consumes = {MediaType.APPLICATION_JSON_VALUE, ZIP})
    RuleChange publish(Caller caller,
                       @RequestHeader(value = "Content-Type") String contentType, @RequestBody byte[] body,
                       @RequestParam(required = false) String comment) {
        CandidateRequest request = request(contentType, body, comment, null, null, null);
        return publisher.publish(request.files(), caller, request.comment());
    }

    @Operation(summary = "Restore the folder of an earlier rule-set version, as a change of its own")
    @PostMapping("/rollback/{version}")
    RuleChange rollback(Caller caller, @PathVariable String version,
                        @RequestParam(required = false) String comment) {
        return publisher.rollback(version, caller, comment);
    }

    @Operation(summary = "The rule change log, newest first")
    @GetMapping("/changes")
    List<RuleChange> changes() {
        return log.changes();
    }

    private static CandidateRequest request(String contentType, byte[] body, String comment, String from, String to,
                                            List<String> projects) {
        if (contentType != null && contentType.startsWith(ZIP)) {
            return CandidateRequest.zip(body, comment, from == null ? null : PathValues.date("from", from),
                    to == null ? null : PathValues.date("to", to), projects);
        }
        CandidateRequest json = CandidateRequest.json(body);
        return new CandidateRequest(json.files(), comment != null ? comment : json.comment(),
                from != null ? PathValues.date("from", from) : json.from(),
                to != null ? PathValues.date("to", to) : json.to(),
                projects != null ? projects : json.projects());
    }
}
