package org.pmopulse.ingest;

import org.pmopulse.access.AuditEntry;
import org.pmopulse.access.AuditLog;
import org.pmopulse.access.Caller;
import org.pmopulse.protrack.ProTrackProject;
import org.pmopulse.protrack.ProTrackReader;

import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.system.PulseJson;
import org.springframework.stereotype.Service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports a ProTrack file as a project with one snapshot per tracking period, stored and assessed like any sent
 * snapshot. Every snapshot is checked against the contract before the first is stored, so a file that does not
 * fit is refused whole; importing the same file again changes nothing.
 */
@Service
public class ProTrackImportService {
    private final ProTrackReader reader = new ProTrackReader();
    private final SnapshotReader snapshots;
    private final IngestService ingest;
    private final AuditLog audit;

    public ProTrackImportService(SnapshotReader snapshots, IngestService ingest, AuditLog audit) {
        this.snapshots = snapshots;
        this.ingest = ingest;
        this.audit = audit;
    }

    /** What one import did. */
    public record Imported(String projectId, String name, int periods, Map<SnapshotStore.Outcome, Integer> outcomes,
                           List<String> notes) {}

    /**
     * @param projectId the id to store it under, or null for one from the file name
     * @param by        who imports it: they must be allowed to write the project
     * @param progress  hears a line per stored period
     */
    public Imported importFile(byte[] xml, String fileName, String projectId, Caller by, Consumer<String> progress) {
        String id = projectId != null ? projectId : ProTrackProject.idFromFileName(fileName);
        by.requireWrite(List.of(id)); // before reading a file the caller may not import
        ProTrackProject project = new ProTrackProject(reader.read(xml, fileName), id);
        List<Snapshot> checked = project.snapshots().stream() // the same checks as a snapshot sent as JSON
                .map(s -> snapshots.read(PulseJson.mapper().valueToTree(s))).toList();
        Map<SnapshotStore.Outcome, Integer> outcomes = new EnumMap<>(SnapshotStore.Outcome.class);
        for (Snapshot s : checked) {
            IngestService.Ingested done = ingest.ingest(s, by);
            outcomes.merge(done.outcome(), 1, Integer::sum);
            progress.accept(String.format("  %s %s: %s, %s %d", s.projectId(), s.asOf(), done.outcome(),
                    done.assessment().health().rag(), done.assessment().health().score()));
        }
        audit.record(by, AuditEntry.Action.IMPORT, project.projectId(), "ProTrack file '" + fileName + "', "
                + checked.size() + " periods: " + outcomes);
        return new Imported(project.projectId(), project.name(), checked.size(), outcomes, project.notes());
    }
}
