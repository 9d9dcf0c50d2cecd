package org.pmopulse.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Rag;

import java.util.List;
import java.util.Map;

/**
 * Overall and per-dimension health, the change since the project's previous assessed week, how complete the data
 * behind it is, and what held the RAG back when something did (missing required data, the band margin).
 */
@Schema(description = "Health score 0..100 and RAG, overall and per dimension, with the completeness of the data")
public record Health(@Schema(description = "Weighted mean of the scored dimensions; absent when none could be scored")
                     Integer score, Rag rag,
                     @Schema(description = "Score of the previous assessed week, absent for the first") Integer previousScore,
                     @Schema(description = "score - previousScore") Integer change,
                     @Schema(description = "Keyed by dimension: schedule, cost, scope, risk, resources, governance, stakeholders")
                     Map<String, DimensionScore> dimensions,
                     @Schema(description = "Share of the inputs present and fresh over all dimensions, weighted, 0..1")
                     double completeness,
                     @Schema(description = "What was not sent, as dimension.input (and dimension.input (stale))")
                     List<String> missing,
                     @Schema(description = "Why the RAG is not better than the score alone would make it")
                     List<String> limitedBy) {

    /** The health of the week before, as the band margin needs it. */
    public record Previous(Integer score, Rag rag) {}

    Health withPrevious(Integer previous) {
        return new Health(score, rag, previous, previous == null || score == null ? null : score - previous, dimensions,
                completeness, missing, limitedBy);
    }
}
