package org.pmopulse.ingest;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** A bulk upload of which no snapshot was accepted (422): every item's problems, and the report item by item. */
class NothingAcceptedException extends ProblemException {
    NothingAcceptedException(BulkReport report) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-accepted", "No snapshot accepted",
                "none of the " + report.received() + " snapshots was accepted; the report lists each one's problems",
                report.items().stream().flatMap(item -> item.errors() == null ? java.util.stream.Stream.empty()
                        : item.errors().stream().map(p -> new FieldProblem(where(item) + p.field(), p.message())))
                        .toList(),
                Map.of("report", report));
    }

    /** The item's place in the body: {@code [2].} for an array, {@code line 3: } for NDJSON. */
    private static String where(BulkReport.Item item) {
        return item.line() != null ? "line " + item.line() + ": " : "[" + item.index() + "].";
    }
}
