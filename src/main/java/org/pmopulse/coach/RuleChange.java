package org.pmopulse.coach;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the rule change log ({@code rule_changes}): who changed the rules folder, when, how (published,
 * rolled back, or edited on disk), from which version to which, the files touched, what the replay said, and the job
 * that re-assessed the projects with the new rules.
 */
public record RuleChange(@Id String id, Instant at, String who, Kind kind, String versionBefore, String versionAfter,
                         List<FileChange> files, String replaySummary, String comment,
                         @Schema(description = "The job re-assessing every project's latest week with the new rules: "
                                 + "/api/jobs/{id}") String reassessmentJob) {

    public enum Kind { PUBLISH, ROLLBACK, FILE_SYSTEM }

    /** Who a change on disk is attributed to: nobody published it through Pulse. */
    public static final String FILE_SYSTEM = "file system";

    public record FileChange(String path, Change change) {}

    public enum Change { ADDED, MODIFIED, REMOVED }
}
