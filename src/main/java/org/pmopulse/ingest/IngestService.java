package org.pmopulse.ingest;

import org.pmopulse.access.AuditEntry;
import org.pmopulse.access.AuditLog;
import org.pmopulse.access.Caller;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.portfolio.AssessmentService;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.NotJsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Stores snapshots and assesses them: one at a time, or a bulk upload item by item. */
@Service
public class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    /**
     * What ingesting did: the snapshot is stored ({@code outcome}) and, normally, assessed. When the assessment
     * fails after the snapshot was stored, {@code assessment} is null and {@code notAssessed} says why; the
     * reconciliation assesses it later.
     */
    public record Ingested(SnapshotStore.Outcome outcome, Assessment assessment, String notAssessed) {}

    /** One item of a bulk upload as read: a parsed JSON value, or why its line was not JSON. */
    record BulkItem(int index, Integer line, JsonNode json, String notJson) {}

    private final SnapshotReader reader;
    private final SnapshotStore snapshots;
    private final AssessmentService assessments;
    private final LiveRules rules;
    private final AuditLog audit;

    public IngestService(SnapshotReader reader, SnapshotStore snapshots, AssessmentService assessments, LiveRules rules,
                         AuditLog audit) {
        this.reader = reader;
        this.snapshots = snapshots;
        this.assessments = assessments;
        this.rules = rules;
        this.audit = audit;
    }

    /** Stores the snapshot as sent by {@code by} (who must be allowed to write its project) and assesses it. */
    public Ingested ingest(Snapshot snapshot, Caller by) {
        by.requireWrite(List.of(snapshot.projectId()));
        rules.current(); // refuse before storing anything when no rule set is live
        SnapshotStore.Saved saved = snapshots.save(snapshot, by.name());
        if (saved.outcome() != SnapshotStore.Outcome.UNCHANGED) {
            audit.record(by, AuditEntry.Action.SNAPSHOT_STORED, snapshot.projectId() + "/" + saved.stored().week(),
                    saved.outcome() + " as version " + saved.stored().version());
        }
        try {
            Assessment assessment = saved.outcome() == SnapshotStore.Outcome.UNCHANGED
                    ? assessments.existingOrAssess(snapshot)
                    : assessments.assessAndFollowing(snapshot);
            return new Ingested(saved.outcome(), assessment, null);
        } catch (RuntimeException e) {
            log.error("{} {} is stored ({}) but could not be assessed", snapshot.projectId(), snapshot.asOf(),
                    saved.outcome(), e);
            return new Ingested(saved.outcome(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Validates every item on its own, then stores the valid ones in week order per project (so each is assessed
     * with the weeks before it already in place). An invalid item is reported and nothing of it is stored.
     */
    BulkReport ingestAll(List<BulkItem> items, Caller by) {
        rules.current();
        BulkReport.Item[] outcomes = new BulkReport.Item[items.size()];
        record Valid(BulkItem item, Snapshot snapshot) {}
        List<Valid> valid = new ArrayList<>();
        for (BulkItem item : items) {
            if (item.notJson() != null) {
                outcomes[item.index()] = rejected(item, null, List.of(new FieldProblem("$", item.notJson())));
                continue;
            }
            try {
                valid.add(new Valid(item, reader.read(item.json())));
            } catch (InvalidInputException e) {
                outcomes[item.index()] = rejected(item, item.json(), e.problems());
            }
        }
        // a project the caller may not write refuses the whole upload (403), before anything is stored
        by.requireWrite(valid.stream().map(v -> v.snapshot().projectId()).toList());
        valid.sort(Comparator.comparing((Valid v) -> v.snapshot().projectId()).thenComparing(v -> v.snapshot().asOf()));
        for (Valid v : valid) {
            Snapshot s = v.snapshot();
            try {
                Ingested done = ingest(s, by);
                BulkReport.Outcome outcome = BulkReport.Outcome.valueOf(done.outcome().name());
                outcomes[v.item().index()] = done.assessment() == null
                        ? new BulkReport.Item(v.item().index(), v.item().line(), s.projectId(), s.asOf(), outcome,
                        false, null, null, List.of(new FieldProblem("$", "stored, but not assessed yet ("
                                + done.notAssessed() + "); Pulse assesses it again by itself")))
                        : new BulkReport.Item(v.item().index(), v.item().line(), s.projectId(), s.asOf(), outcome,
                        true, done.assessment().health().score(), done.assessment().health().rag(), null);
            } catch (RuntimeException e) {
                log.error("Bulk item {} ({} {}) could not be stored", v.item().index(), s.projectId(), s.asOf(), e);
                outcomes[v.item().index()] = new BulkReport.Item(v.item().index(), v.item().line(), s.projectId(),
                        s.asOf(), BulkReport.Outcome.FAILED, false, null, null,
                        List.of(new FieldProblem("$", "not stored: " + e.getMessage())));
            }
        }
        return BulkReport.of(List.of(outcomes));
    }

    private static BulkReport.Item rejected(BulkItem item, JsonNode json, List<FieldProblem> problems) {
        String projectId = json != null && json.path("projectId").isString() ? json.path("projectId").asString() : null;
        return new BulkReport.Item(item.index(), item.line(), projectId, null, BulkReport.Outcome.REJECTED, false, null,
                null, problems);
    }

    /** Splits a bulk body: a JSON array of snapshots, or NDJSON (one snapshot per line, blank lines ignored). */
    List<BulkItem> split(byte[] body, boolean ndjson) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new NotJsonException("the body is empty; expected a JSON array or NDJSON lines of snapshots");
        }
        List<BulkItem> items = new ArrayList<>();
        if (!ndjson && trimmed.startsWith("[")) {
            JsonNode array = reader.parse(body);
            for (int i = 0; i < array.size(); i++) {
                items.add(new BulkItem(i, null, array.get(i), null));
            }
        } else {
            String[] lines = text.split("\r?\n", -1);
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].isBlank()) {
                    continue;
                }
                try {
                    items.add(new BulkItem(items.size(), n + 1, reader.parse(lines[n].getBytes(StandardCharsets.UTF_8)), null));
                } catch (NotJsonException e) {
                    items.add(new BulkItem(items.size(), n + 1, null, "line " + (n + 1) + ": " + e.getMessage()));
                }
            }
        }
        if (items.isEmpty()) {
            throw new NotJsonException("the body holds no snapshots");
        }
        return items;
    }
}
