package org.pmopulse.system;

import java.util.List;

/**
 * Something a user sent cannot be accepted; carries every problem found, each naming its field.
 * {@code status} is 400 for a malformed request (path, parameters) and 422 for a well-formed body whose
 * values break the contract.
 */
public class InvalidInputException extends RuntimeException {
    private final int status;
    private final List<FieldProblem> problems;

    public InvalidInputException(int status, List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    /** A body that breaks the snapshot contract (422). */
    public static InvalidInputException body(List<FieldProblem> problems) {
        return new InvalidInputException(422, problems);
    }

    /** A malformed request parameter (400). */
    public static InvalidInputException parameter(String field, String message) {
        return new InvalidInputException(400, List.of(new FieldProblem(field, message)));
    }

    public int status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
