package org.pmopulse.forecast.training;

import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The finished projects in Pulse's own database, the normal training data of a PMO: a project counts as finished
 * when its latest snapshot is in CLOSING or CLOSED and 100 % complete. It really finished on the latest actual
 * finish of its tasks when they are all finished, else on the date of its first snapshot at 100 %.
 */
@Component
public class ClosedProjects {
    private final SnapshotStore snapshots;

    public ClosedProjects(SnapshotStore snapshots) {
        this.snapshots = snapshots;
    }

    public List<ClosedProject> all() {
        Map<String, List<Snapshot>> byProject = snapshots.between("0000-W01", "9999-W53", List.of()).stream()
                .map(StoredSnapshot::snapshot)
                .collect(Collectors.groupingBy(Snapshot::projectId, TreeMap::new, Collectors.toList()));
        List<ClosedProject> closed = new ArrayList<>();
        byProject.forEach((id, list) -> {
            LocalDate finish = realFinish(list);
            if (finish != null) {
                closed.add(new ClosedProject(id, list, finish));
            }
        });
        return closed;
    }

    /** The real finish of a finished project, or null while it is not finished. */
    static LocalDate realFinish(List<Snapshot> snapshots) {
        List<Snapshot> ordered = snapshots.stream().sorted(Comparator.comparing(Snapshot::asOf)).toList();
        Snapshot last = ordered.get(ordered.size() - 1);
        if ((last.phase() != Phase.CLOSING && last.phase() != Phase.CLOSED) || !complete(last)) {
            return null;
        }
        if (!last.tasks().isEmpty() && last.tasks().stream().allMatch(t -> t.finish() != null)) {
            return last.tasks().stream().map(Snapshot.Task::finish).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElseThrow();
        }
        return ordered.stream().filter(ClosedProjects::complete).map(Snapshot::asOf).findFirst().orElseThrow();
    }

    private static boolean complete(Snapshot s) {
        Double pct = EarnedValue.of(s).percentComplete();
        return pct != null && pct >= 100;
    }
}
