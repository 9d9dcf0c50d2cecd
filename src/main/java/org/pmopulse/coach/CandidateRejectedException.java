package org.pmopulse.coach;

import org.pmopulse.system.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** A candidate that does not validate cannot be replayed or published; the report says why. */
public class CandidateRejectedException extends ProblemException {
    private final transient ValidationReport report;

    public CandidateRejectedException(ValidationReport report) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rules", "Candidate rule set is not valid",
                "the candidate rule set is not valid: " + report.errors().size() + " error(s), first: "
                        + (report.errors().isEmpty() ? "" : report.errors().get(0)), List.of(),
                Map.of("errors", report.errors(), "validation", report));
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
