package org.pmopulse.coach;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A publish or rollback whose folder is the live one: there is no change to make or to log (422). */
class NothingToPublishException extends ProblemException {
    NothingToPublishException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-to-publish", "Nothing to publish",
                "the candidate is the live rule set: no file would change", List.of(new FieldProblem("files",
                        "the candidate is the live rule set: no file would change")));
    }
}
