package org.pmopulse.access;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** 403: the caller is signed in but their role or projects do not allow this. */
public class NotAllowedException extends ProblemException {
    public NotAllowedException(String field, String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail, List.of(new FieldProblem(field, detail)));
    }
}
