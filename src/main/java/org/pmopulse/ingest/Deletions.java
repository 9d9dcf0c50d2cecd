package org.pmopulse.ingest;

import org.pmopulse.access.AuditEntry;
import org.pmopulse.access.AuditLog;
import org.pmopulse.access.Caller;
import org.pmopulse.portfolio.Reconciler;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
import org.pmopulse.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Undoing a mistake: a week sent for the wrong project or date, or a project that should not be there. The snapshots
 * leave the current ones but stay in their versions (marked deleted), so a deletion can itself be undone by sending
 * the snapshot again; what was derived from them (assessments, portfolio lines, the summary) goes, and the weeks
 * after a deleted one are assessed again, since their history changed. The reconciliation finishes a deletion an
 * interruption cut short.
 */
@Service
public class Deletions {
    private static final Logger log = LoggerFactory.getLogger(Deletions.class);

    /** What a deletion did: the weeks deleted and what was repaired or assessed again after it. */
    public record Deleted(String projectId, List<String> weeks, List<String> repaired) {}

    private final SnapshotStore snapshots;
    private final Reconciler reconciler;
    private final AuditLog audit;

    public Deletions(SnapshotStore snapshots, Reconciler reconciler, AuditLog audit) {
        this.snapshots = snapshots;
        this.reconciler = reconciler;
        this.audit = audit;
    }

    public Deleted week(String projectId, String week, Caller who) {
        if (!snapshots.delete(projectId, week)) {
            throw new NotFoundException("asOf", "no snapshot of project '" + projectId + "' for week " + week);
        }
        audit.record(who, AuditEntry.Action.SNAPSHOT_DELETED, projectId + "/" + week, "kept in snapshot_versions");
        log.info("{} deleted week {} of project {} (kept in snapshot_versions)", who.name(), week, projectId);
        return new Deleted(projectId, List.of(week), reconciler.repair(projectId, Set.of(week)));
    }

    public Deleted project(String projectId, Caller who) {
        Set<String> weeks = snapshots.list(projectId).stream().map(StoredSnapshot::week).collect(Collectors.toSet());
        if (weeks.isEmpty()) {
            throw new NotFoundException("projectId", "no snapshots of project '" + projectId + "'");
        }
        snapshots.deleteProject(projectId);
        audit.record(who, AuditEntry.Action.PROJECT_DELETED, projectId, weeks.size() + " weeks, kept in snapshot_versions");
        log.info("{} deleted project {} with its {} weeks (kept in snapshot_versions)", who.name(), projectId, weeks.size());
        return new Deleted(projectId, weeks.stream().sorted().toList(), reconciler.repair(projectId, weeks));
    }
}
