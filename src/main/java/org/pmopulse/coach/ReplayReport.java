package org.pmopulse.coach;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A candidate rule set next to the live one over stored weeks: every project-week replayed ({@code items},
 * {@code changed} where score, RAG or findings differ), how many more (or fewer) times each rule fires
 * ({@code ruleDeltas}), and the projects whose colour changes in their latest week.
 */
@Schema(description = "Replay of a candidate rule set against the live one over stored snapshots")
public record ReplayReport(String liveVersion, String candidateVersion, LocalDate from, LocalDate to, int projects,
                           int projectWeeks, int changedProjectWeeks, String summary,
                           List<String> changedColourInLatestWeek, Map<String, Integer> ruleDeltas, List<Item> items) {

    /** One project-week: before (live rules) and after (candidate), and the rule ids that fire more or less. */
    public record Item(String projectId, String week, LocalDate asOf, boolean changed, Integer scoreBefore, Rag ragBefore,
                       Integer scoreAfter, Rag ragAfter, List<String> findingsAdded, List<String> findingsRemoved) {}
}
