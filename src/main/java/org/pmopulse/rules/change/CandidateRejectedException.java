package org.pmopulse.rules.change;

/** A candidate that does not validate cannot be replayed or published; the report says why. */
public class CandidateRejectedException extends RuntimeException {
    private final transient ValidationReport report;

    public CandidateRejectedException(ValidationReport report) {
        super("the candidate rule set is not valid: " + report.errors().size() + " error(s), first: "
                + (report.errors().isEmpty() ? "" : report.errors().get(0)));
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
