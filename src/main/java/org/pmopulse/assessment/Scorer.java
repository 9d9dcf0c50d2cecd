package org.pmopulse.assessment;

import org.pmopulse.rules.Dimension;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.Subjects;
import org.pmopulse.rules.Thresholds;
import org.pmopulse.rules.fact.DataCoverage;
import org.pmopulse.snapshot.Rag;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings and data coverage to scores. A dimension with data (or with a finding: the absence of an artefact can
 * itself be the finding) starts at 100 and loses a penalty for each thing that is wrong, once: the findings of
 * one rule count once (ten unowned risks are one problem), and so do the findings of several rules about the same
 * dependency ({@link Subjects}), each at the most severe level seen ({@code scoring.penalty.*}). A dimension with
 * neither is {@code NO_DATA}: no score, and no part in the overall score, which is the weighted mean of the scored
 * dimensions ({@code scoring.weights.*}). Cross-project (portfolio) findings count like any other.
 *
 * <p>The overall RAG follows the bands ({@code scoring.bands.*}), with a margin for improving: a project that was
 * AMBER turns GREEN only at the green band plus {@code scoring.bands.margin}, so a score wobbling around a band
 * edge does not flip colour every week (getting worse is shown at once). It is never GREEN while a dimension is
 * RED or while a dimension its methodology and phase require ({@code rules/data.yaml}) has no data, and it is RED
 * when {@code scoring.redDimensionsForRed} dimensions are RED: a weighted mean must not average two red dimensions
 * into amber.
 */
public final class Scorer {
    private Scorer() {
    }

    public static Health score(String projectId, List<Finding> findings, List<DataCoverage> coverage, Thresholds t,
                               Health.Previous previous) {
        Map<String, Finding> worst = new LinkedHashMap<>(); // what is wrong -> its most severe finding
        for (Finding f : findings) {
            String about = Subjects.of(projectId, f).orElse(f.dimension().key() + "/" + f.ruleId());
            worst.merge(about, f, (a, b) -> a.severity().compareTo(b.severity()) >= 0 ? a : b);
        }
        Map<Dimension, DataCoverage> byDimension = new EnumMap<>(Dimension.class);
        coverage.forEach(c -> byDimension.put(Dimension.fromKey(c.dimension()), c));
        Map<String, DimensionScore> dimensions = new LinkedHashMap<>();
        List<String> limitedBy = new ArrayList<>();
        List<String> requiredMissing = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        double completeness = 0;
        double allWeights = 0;
        int red = 0;
        for (Dimension d : Dimension.values()) {
            DataCoverage data = byDimension.get(d);
            double weight = t.get("scoring.weights." + d.key());
            allWeights += weight;
            completeness += weight * data.completeness();
            int count = (int) findings.stream().filter(f -> f.dimension() == d).count();
            if (!data.hasData() && count == 0) {
                dimensions.put(d.key(), new DimensionScore(null, Rag.NO_DATA, 0, data.completeness(), data.missing(),
                        data.stale()));
                if (data.required()) {
                    requiredMissing.add("no " + d.key() + " data (" + String.join(", ", data.missing()) + data.stale().stream()
                            .map(s -> ", " + s + " stale").reduce("", String::concat)
                            + "), which this methodology and phase need before the project can be GREEN");
                }
                continue;
            }
            double penalty = worst.values().stream().filter(f -> f.dimension() == d)
                    .mapToDouble(f -> t.get("scoring.penalty." + f.severity().name())).sum();
            int score = (int) Math.round(Math.max(0, 100 - penalty));
            Rag rag = band(score, t);
            red += rag == Rag.RED ? 1 : 0;
            dimensions.put(d.key(), new DimensionScore(score, rag, count, data.completeness(), data.missing(), data.stale()));
            weighted += weight * score;
            weights += weight;
        }
        Integer overall = weights == 0 ? null : (int) Math.round(weighted / weights);
        Rag rag = overall == null ? Rag.NO_DATA : withMargin(overall, t, previous, limitedBy);
        if (overall != null && red >= t.get("scoring.redDimensionsForRed")) {
            rag = Rag.RED;
        } else if (rag == Rag.GREEN && red > 0) {
            rag = Rag.AMBER;
            limitedBy.add("a RED dimension");
        } else if (rag == Rag.GREEN && !requiredMissing.isEmpty()) {
            rag = Rag.AMBER;
            limitedBy.addAll(requiredMissing);
        }
        List<String> missing = new ArrayList<>();
        dimensions.forEach((key, d) -> {
            d.missing().forEach(m -> missing.add(key + "." + m));
            d.stale().forEach(s -> missing.add(key + "." + s + " (stale)"));
        });
        return new Health(overall, rag, null, null, dimensions,
                Math.round(1000 * completeness / allWeights) / 1000.0, missing, limitedBy);
    }

    /**
     * The band of the score, except that a better colour than last week's needs the band edge plus the margin:
     * from AMBER to GREEN at green + margin, from RED to AMBER at amber + margin.
     */
    private static Rag withMargin(int score, Thresholds t, Health.Previous previous, List<String> limitedBy) {
        Rag rag = band(score, t);
        if (previous == null || previous.rag() == null || previous.rag() == Rag.NO_DATA) {
            return rag;
        }
        double margin = t.get("scoring.bands.margin");
        while (rag.ordinal() < previous.rag().ordinal() && score < edge(rag, t) + margin) {
            Rag held = Rag.values()[rag.ordinal() + 1];
            limitedBy.add(String.format(Locale.ROOT, "stays %s: it was %s last week and turns %s at %.0f (band %.0f + margin %.0f)",
                    held, previous.rag(), rag, edge(rag, t) + margin, edge(rag, t), margin));
            rag = held;
        }
        return rag;
    }

    private static double edge(Rag rag, Thresholds t) {
        return t.get(rag == Rag.GREEN ? "scoring.bands.green" : "scoring.bands.amber");
    }

    static Rag band(int score, Thresholds t) {
        if (score >= t.get("scoring.bands.green")) {
            return Rag.GREEN;
        }
        return score >= t.get("scoring.bands.amber") ? Rag.AMBER : Rag.RED;
    }

}
