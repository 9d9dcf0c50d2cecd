package org.pmopulse.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;

/**
 * One error shape for the whole API: RFC 9457 problem details. Field-level problems are listed in
 * {@code errors} as {@code {field, message}}; Spring MVC's own errors (wrong method, media type, ...) get the same
 * shape from the base class. A user's mistake is always a 4xx; a 500 says only that it was our fault.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    static final String TYPES = "https://pmopulse.org/problems/";

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        String detail = e.problems().size() == 1 ? e.problems().get(0).field() + " " + e.problems().get(0).message()
                : e.problems().size() + " problems, first: " + e.problems().get(0).field() + " " + e.problems().get(0).message();
        return problem(HttpStatus.valueOf(e.status()), "invalid-input",
                e.status() == 400 ? "Invalid request" : "Invalid content", detail, e.problems());
    }

    @ExceptionHandler(NotJsonException.class)
    ResponseEntity<ProblemDetail> notJson(NotJsonException e) {
        return problem(HttpStatus.BAD_REQUEST, "not-json", "Body is not JSON", e.getMessage(),
                List.of(new FieldProblem("body", e.getMessage())));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Body too large", e.getMessage(),
                List.of(new FieldProblem("body", e.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ResponseEntity<ProblemDetail> response = problem(e.status(), e.type(), e.title(), e.getMessage(), e.problems());
        e.properties().forEach(response.getBody()::setProperty);
        return response;
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConcurrentModificationException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrentModificationException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Concurrent change", e.getMessage() + "; send it again", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Pulse failed on this request; the error is in the server log", List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                 List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
