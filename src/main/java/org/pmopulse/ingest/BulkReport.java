package org.pmopulse.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.system.FieldProblem;
import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;
import java.util.List;

/** What happened to each snapshot of a bulk upload, in the order they were sent. */
@Schema(description = "Outcome of a bulk upload, item by item")
public record BulkReport(int received, int created, int replaced, int unchanged, int rejected, int failed,
                         List<Item> items) {

    /**
     * One item: CREATED, REPLACED or UNCHANGED (stored) with its score, or with {@code assessed: false} and why when
     * the assessment failed after storing; REJECTED with its problems (nothing stored); FAILED: not stored, and why.
     */
    public record Item(int index, @Schema(description = "Line number, for NDJSON") Integer line, String projectId,
                       LocalDate asOf, Outcome outcome,
                       @Schema(description = "Whether the stored snapshot is assessed yet") boolean assessed,
                       Integer score, Rag rag, List<FieldProblem> errors) {}

    public enum Outcome { CREATED, REPLACED, UNCHANGED, REJECTED, FAILED }

    static BulkReport of(List<Item> items) {
        return new BulkReport(items.size(), count(items, Outcome.CREATED), count(items, Outcome.REPLACED),
                count(items, Outcome.UNCHANGED), count(items, Outcome.REJECTED), count(items, Outcome.FAILED), items);
    }

    boolean nothingAccepted() {
        return created + replaced + unchanged == 0;
    }

    private static int count(List<Item> items, Outcome outcome) {
        return (int) items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
