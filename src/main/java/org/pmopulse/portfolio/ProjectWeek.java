package org.pmopulse.portfolio;

import org.pmopulse.advice.Recommendation;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.portfolio.PortfolioMember;
import org.pmopulse.rules.portfolio.Ties;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One project's line in a week of the portfolio: what the portfolio view, its trend and the dashboard show,
 * kept beside the full assessment ({@code assessmentId}, made at {@code assessedAt}: a line that names another time
 * is behind its assessment) so reading a week is one document, not a scan. Its
 * {@code ties} (people, suppliers, awaited deliverables) are what the portfolio rules compare across projects.
 */
public record ProjectWeek(String projectId, String name, Methodology methodology, Phase phase, String sponsor,
                          LocalDate asOf, Integer score, Rag rag, Rag ownRag, Integer change, int findings, Finding topFinding,
                          Recommendation topRecommendation, Integer forecastSlipDays, Double completeness,
                          String assessmentId, String ruleSetVersion, Instant assessedAt, Ties ties) {

    /** The project as the portfolio rules of its peers see it: with its RAG before cross-project findings. */
    public PortfolioMember member() {
        return new PortfolioMember(projectId, ownRag != null ? ownRag : rag, ties);
    }
}
