package org.pmopulse.rules.change;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the rule change log ({@code rule_changes}): who changed the rules folder, when, how (published,
 * rolled back, or edited on disk), from which version to which, the files touched and what the replay said.
 */
public record RuleChange(@Id String id, Instant at, String who, Kind kind, String versionBefore, String versionAfter,
                         List<FileChange> files, String replaySummary, String comment) {

    public enum Kind { PUBLISH, ROLLBACK, FILE_SYSTEM }

    /** Who a change on disk is attributed to: nobody published it through Pulse. */
    public static final String FILE_SYSTEM = "file system";

    public record FileChange(String path, Change change) {}

    public enum Change { ADDED, MODIFIED, REMOVED }
}
