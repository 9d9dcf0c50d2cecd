package org.pmopulse.portfolio;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project's latest assessed week, kept in {@code projects} so that the portfolio list is one query.
 * Updated whenever the project's latest week is (re)assessed.
 */
public record ProjectSummary(@Id String projectId, String name, Methodology methodology, Phase phase, String sponsor,
                             LocalDate asOf, String week, Integer score, Rag rag, Integer change,
                             @Schema(description = "Share of the data that feeds the dimensions, present and fresh, 0..1")
                             Double completeness, Rag pmStatus,
                             int findings, String topFinding, String topRecommendation,
                             @Schema(description = "Earned-schedule forecast finish, else the reported one") LocalDate forecastFinish,
                             Instant assessedAt) {

    /** The summary with its top finding as a reader who sees only some projects may read it. */
    ProjectSummary seenBy(OtherProjects others) {
        return new ProjectSummary(projectId, name, methodology, phase, sponsor, asOf, week, score, rag, change,
                completeness, pmStatus, findings, others.text(topFinding), topRecommendation, forecastFinish, assessedAt);
    }
}
