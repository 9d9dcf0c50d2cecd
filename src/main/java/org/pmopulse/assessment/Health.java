package org.pmopulse.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Rag;

import java.util.Map;

/** Overall and per-dimension health, and the change since the project's previous assessed week. */
@Schema(description = "Health score 0..100 and RAG, overall and per dimension")
public record Health(int score, Rag rag,
                     @Schema(description = "Score of the previous assessed week, absent for the first") Integer previousScore,
                     @Schema(description = "score - previousScore") Integer change,
                     @Schema(description = "Keyed by dimension: schedule, cost, scope, risk, resources, governance, stakeholders")
                     Map<String, DimensionScore> dimensions) {

    Health withPrevious(Integer previous) {
        return new Health(score, rag, previous, previous == null ? null : score - previous, dimensions);
    }
}
