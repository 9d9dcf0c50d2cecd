package org.pmopulse.snapshot;

import java.util.List;

/** A snapshot the user sent cannot be accepted; carries every problem found, each naming its field. */
public class InvalidSnapshotException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidSnapshotException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid snapshot" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
