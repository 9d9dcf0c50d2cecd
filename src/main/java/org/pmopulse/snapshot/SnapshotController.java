package org.pmopulse.snapshot;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.system.NotFoundException;
import org.pmopulse.system.PathValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/projects/{projectId}/snapshots")
class SnapshotController {
    private final SnapshotStore store;

    SnapshotController(SnapshotStore store) {
        this.store = store;
    }

    /** A stored snapshot without its content: which week, which version, when it came and from whom. */
    record SnapshotInfo(String week, LocalDate asOf, int version, String contentHash, Instant receivedAt,
                        String receivedBy, Instant replacedAt, boolean deleted) {
        static SnapshotInfo of(StoredSnapshot s) {
            return new SnapshotInfo(s.week(), LocalDate.parse(s.asOf()), s.version(), s.contentHash(), s.receivedAt(),
                    s.receivedBy(), s.replacedAt(), s.deleted());
        }
    }

    /** A replaced version of a week with what it held. */
    record SnapshotVersion(SnapshotInfo info, Snapshot snapshot) {}

    @Operation(summary = "The project's current snapshots, one per week, oldest first")
    @GetMapping
    List<SnapshotInfo> list(@PathVariable String projectId) {
        PathValues.projectId(projectId);
        List<SnapshotInfo> list = store.list(projectId).stream().map(SnapshotInfo::of).toList();
        if (list.isEmpty()) {
            throw new NotFoundException("projectId", "no snapshots of project '" + projectId + "'");
        }
        return list;
    }

    @Operation(summary = "The current snapshot of the week that contains asOf, as it was sent")
    @GetMapping("/{asOf}")
    Snapshot one(@PathVariable String projectId, @PathVariable String asOf) {
        String week = week(projectId, asOf);
        return store.find(projectId, week).map(StoredSnapshot::snapshot)
                .orElseThrow(() -> new NotFoundException("asOf", "no snapshot of project '" + projectId + "' for week " + week));
    }

    @Operation(summary = "Earlier versions of the week's snapshot that a correction replaced or a deletion removed, oldest first")
    @GetMapping("/{asOf}/versions")
    List<SnapshotVersion> versions(@PathVariable String projectId, @PathVariable String asOf) {
        String week = week(projectId, asOf);
        List<StoredSnapshot> versions = store.versions(projectId, week);
        if (versions.isEmpty() && store.find(projectId, week).isEmpty()) {
            throw new NotFoundException("asOf", "no snapshot of project '" + projectId + "' for week " + week);
        }
        return versions.stream().map(s -> new SnapshotVersion(SnapshotInfo.of(s), s.snapshot())).toList();
    }

    private static String week(String projectId, String asOf) {
        PathValues.projectId(projectId);
        return IsoWeek.of(PathValues.date("asOf", asOf));
    }
}
