package org.pmopulse.assessment;

import org.pmopulse.rules.Dimension;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.FindingKind;
import org.pmopulse.rules.Thresholds;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Severity;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings to scores. Each dimension starts at 100 and loses the penalty of each distinct rule that fired in it
 * (at the most severe level it fired, so ten unowned risks count once; {@code scoring.penalty.*}). The overall
 * score is the weighted mean of the dimensions ({@code scoring.weights.*}). RAG comes from the bands
 * ({@code scoring.bands.green}, {@code scoring.bands.amber}). The overall RAG follows the overall score, except
 * that it is never GREEN while a dimension is RED, and it is RED when {@code scoring.redDimensionsForRed}
 * dimensions are RED: a weighted mean must not average two red dimensions into amber. Portfolio findings
 * ({@link FindingKind#PORTFOLIO}) are left out: a project's score must not move because another project changed,
 * and the portfolio rules read this week's RAG of every project, so scoring them would go round in a circle.
 */
public final class Scorer {
    private Scorer() {
    }

    public static Health score(List<Finding> findings, Thresholds t) {
        Map<Dimension, Map<String, Severity>> worstByRule = new EnumMap<>(Dimension.class);
        List<Finding> scored = findings.stream().filter(f -> f.kind() != FindingKind.PORTFOLIO).toList();
        for (Finding f : scored) {
            worstByRule.computeIfAbsent(f.dimension(), d -> new HashMap<>())
                    .merge(f.ruleId(), f.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        Map<String, DimensionScore> dimensions = new LinkedHashMap<>();
        double weighted = 0;
        double weights = 0;
        int red = 0;
        for (Dimension d : Dimension.values()) {
            Map<String, Severity> rules = worstByRule.getOrDefault(d, Map.of());
            double penalty = rules.values().stream().mapToDouble(s -> t.get("scoring.penalty." + s.name())).sum();
            int score = (int) Math.round(Math.max(0, 100 - penalty));
            Rag rag = rag(score, t);
            red += rag == Rag.RED ? 1 : 0;
            int count = (int) scored.stream().filter(f -> f.dimension() == d).count();
            dimensions.put(d.key(), new DimensionScore(score, rag, count));
            double weight = t.get("scoring.weights." + d.key());
            weighted += weight * score;
            weights += weight;
        }
        int overall = (int) Math.round(weights == 0 ? 100 : weighted / weights);
        Rag rag = rag(overall, t);
        if (red >= t.get("scoring.redDimensionsForRed")) {
            rag = Rag.RED;
        } else if (red > 0 && rag == Rag.GREEN) {
            rag = Rag.AMBER;
        }
        return new Health(overall, rag, null, null, dimensions);
    }

    static Rag rag(int score, Thresholds t) {
        if (score >= t.get("scoring.bands.green")) {
            return Rag.GREEN;
        }
        return score >= t.get("scoring.bands.amber") ? Rag.AMBER : Rag.RED;
    }
}
