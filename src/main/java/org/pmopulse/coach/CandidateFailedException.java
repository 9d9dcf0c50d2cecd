package org.pmopulse.coach;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A candidate that broke its sandbox worker: it ran too long, ran out of memory, or stopped the process (422). */
public class CandidateFailedException extends ProblemException {
    CandidateFailedException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "candidate-failed", "Candidate rule set failed in the sandbox", detail,
                List.of(new FieldProblem("files", detail)));
    }
}
