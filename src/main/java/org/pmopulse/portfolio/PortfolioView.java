package org.pmopulse.portfolio;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Severity;
import org.pmopulse.rules.Urgency;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The portfolio in one week, worst first, with what changed since the week before. */
@Schema(description = "Every project of a week ranked worst first, with counts and movers")
public record PortfolioView(String week, LocalDate weekStart, Summary summary, List<Entry> projects,
                            @Schema(description = "Projects that reported in one of the four weeks before this one but "
                                    + "not in it yet (closed projects are not expected to report)")
                            List<NotReported> notReported) {

    /** A project missing from the week, with its latest line before it. */
    public record NotReported(String projectId, String name, String lastWeek, LocalDate lastAsOf, Rag lastRag) {}

    /**
     * @param newlyRed   projects RED this week and not last week
     * @param newlyAmber projects AMBER this week that were GREEN last week
     * @param improved   projects whose RAG is better than last week
     */
    public record Summary(int projects, Map<Rag, Integer> byRag,
                          @Schema(description = "Mean of the scores there are; absent when no project has one")
                          Double meanScore, List<String> newlyRed,
                          List<String> newlyAmber, List<String> improved, List<Mover> biggestDrops,
                          List<Mover> biggestRises) {}

    public record Mover(String projectId, int change, Integer score) {}

    /**
     * @param score        absent when nothing could be scored (rag NO_DATA)
     * @param completeness share of the data behind the score that was sent and fresh, 0..1
     * @param currentRules false while the assessment was made with an earlier rule set than the live one
     */
    public record Entry(int rank, String projectId, String name, Methodology methodology, Phase phase, String sponsor,
                        LocalDate asOf, Integer score, Rag rag, Integer change, Rag previousRag, boolean newlyRed,
                        boolean newlyAmber, int findings, TopFinding topFinding, TopRecommendation topRecommendation,
                        Integer forecastSlipDays, Double completeness, boolean currentRules) {

        Entry ranked(int rank) {
            return new Entry(rank, projectId, name, methodology, phase, sponsor, asOf, score, rag, change, previousRag,
                    newlyRed, newlyAmber, findings, topFinding, topRecommendation, forecastSlipDays, completeness,
                    currentRules);
        }
    }

    public record TopFinding(String ruleId, String title, Severity severity, String because) {}

    public record TopRecommendation(String id, String title, Urgency urgency, String ownerRole) {}
}
