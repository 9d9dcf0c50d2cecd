package org.pmopulse.portfolio;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The PMO lead's view: every project of a week ranked worst first, and the portfolio's trend over weeks. */
@Service
public class PortfolioService {
    private static final int MOVERS = 5;

    /** Which projects to show; null fields do not filter. */
    public record Filter(Methodology methodology, Phase phase, Rag rag, String sponsor) {}

    private final AssessmentStore assessments;
    private final SnapshotStore snapshots;

    public PortfolioService(AssessmentStore assessments, SnapshotStore snapshots) {
        this.assessments = assessments;
        this.snapshots = snapshots;
    }

    /** The week containing {@code asOf}, or the latest assessed week when {@code asOf} is null. */
    public PortfolioView view(LocalDate asOf, Filter filter) {
        String week = asOf != null ? IsoWeek.of(asOf) : assessments.latestWeek().orElse(IsoWeek.of(LocalDate.now()));
        LocalDate weekStart = IsoWeek.monday(week);
        String previousWeek = IsoWeek.of(weekStart.minusWeeks(1));
        Map<String, Assessment> now = assessments.ofWeek(week);
        Map<String, Assessment> before = assessments.ofWeek(previousWeek);
        Map<String, Snapshot> snapshotsNow = snapshots.between(week, week, List.of()).stream()
                .map(StoredSnapshot::snapshot).collect(Collectors.toMap(Snapshot::projectId, Function.identity(), (a, b) -> b));

        List<PortfolioView.Entry> entries = new ArrayList<>();
        for (Assessment a : now.values()) {
            Snapshot s = snapshotsNow.get(a.projectId());
            if (s == null || !matches(s, a, filter)) {
                continue;
            }
            Rag previous = before.containsKey(a.projectId()) ? before.get(a.projectId()).health().rag() : null;
            entries.add(entry(a, s, previous));
        }
        entries.sort(Comparator.comparingInt(PortfolioView.Entry::score)
                .thenComparing(e -> e.rag().ordinal(), Comparator.reverseOrder())
                .thenComparing(e -> e.change() == null ? 0 : e.change())
                .thenComparing(PortfolioView.Entry::projectId));
        List<PortfolioView.Entry> ranked = new ArrayList<>();
        for (PortfolioView.Entry e : entries) {
            ranked.add(new PortfolioView.Entry(ranked.size() + 1, e.projectId(), e.name(), e.methodology(), e.phase(),
                    e.sponsor(), e.asOf(), e.score(), e.rag(), e.change(), e.previousRag(), e.newlyRed(), e.newlyAmber(),
                    e.findings(), e.topFinding(), e.topRecommendation(), e.forecastSlipDays()));
        }
        return new PortfolioView(week, weekStart, summary(ranked), ranked);
    }

    /** The weekly report of the week containing {@code asOf} (default: the latest), over the whole portfolio. */
    WeeklyReport report(LocalDate asOf) {
        PortfolioView view = view(asOf, new Filter(null, null, null, null));
        return new WeeklyReport(view, assessments.ofWeek(view.week()));
    }

    /** Each project's score and RAG over the last {@code weeks} weeks, oldest first: the dashboard's sparklines. */
    public Map<String, List<AssessmentStore.WeekScore>> histories(int weeks) {
        String latest = assessments.latestWeek().orElse(IsoWeek.of(LocalDate.now()));
        String from = IsoWeek.of(IsoWeek.monday(latest).minusWeeks(weeks - 1L));
        return assessments.scoresSince(from).stream().filter(s -> s.week().compareTo(latest) <= 0)
                .sorted(Comparator.comparing(AssessmentStore.WeekScore::week))
                .collect(Collectors.groupingBy(AssessmentStore.WeekScore::projectId, TreeMap::new, Collectors.toList()));
    }

    /** Counts per RAG and mean score of each of the last {@code weeks} weeks that have assessments, oldest first. */
    public List<TrendPoint> trend(int weeks) {
        String latest = assessments.latestWeek().orElse(IsoWeek.of(LocalDate.now()));
        String from = IsoWeek.of(IsoWeek.monday(latest).minusWeeks(weeks - 1L));
        Map<String, List<AssessmentStore.WeekScore>> byWeek = assessments.scoresSince(from).stream()
                .filter(s -> s.week().compareTo(latest) <= 0)
                .collect(Collectors.groupingBy(AssessmentStore.WeekScore::week, TreeMap::new, Collectors.toList()));
        return byWeek.entrySet().stream().map(e -> new TrendPoint(e.getKey(), e.getValue().size(),
                countByRag(e.getValue().stream().map(AssessmentStore.WeekScore::rag).toList()),
                mean(e.getValue().stream().mapToInt(AssessmentStore.WeekScore::score).toArray()))).toList();
    }

    private static boolean matches(Snapshot s, Assessment a, Filter f) {
        return (f.methodology() == null || f.methodology() == s.methodology())
                && (f.phase() == null || f.phase() == s.phase())
                && (f.rag() == null || f.rag() == a.health().rag())
                && (f.sponsor() == null || f.sponsor().equalsIgnoreCase(Objects.toString(s.sponsor(), "")));
    }

    private static PortfolioView.Entry entry(Assessment a, Snapshot s, Rag previous) {
        Rag rag = a.health().rag();
        var finding = a.findings().isEmpty() ? null : a.findings().get(0);
        var recommendation = a.recommendations().isEmpty() ? null : a.recommendations().get(0);
        return new PortfolioView.Entry(0, a.projectId(), s.name(), s.methodology(), s.phase(), s.sponsor(), a.asOf(),
                a.health().score(), rag, a.health().change(), previous,
                rag == Rag.RED && previous != null && previous != Rag.RED,
                rag == Rag.AMBER && previous == Rag.GREEN, a.findings().size(),
                finding == null ? null : new PortfolioView.TopFinding(finding.ruleId(), finding.title(), finding.severity(), finding.because()),
                recommendation == null ? null : new PortfolioView.TopRecommendation(recommendation.id(), recommendation.title(),
                        recommendation.urgency(), recommendation.ownerRole()),
                a.forecast() != null && a.forecast().available() ? a.forecast().expectedSlipDays() : null);
    }

    private static PortfolioView.Summary summary(List<PortfolioView.Entry> entries) {
        List<PortfolioView.Entry> withChange = entries.stream().filter(e -> e.change() != null && e.change() != 0).toList();
        return new PortfolioView.Summary(entries.size(), countByRag(entries.stream().map(PortfolioView.Entry::rag).toList()),
                mean(entries.stream().mapToInt(PortfolioView.Entry::score).toArray()),
                ids(entries, PortfolioView.Entry::newlyRed), ids(entries, PortfolioView.Entry::newlyAmber),
                ids(entries, e -> e.previousRag() != null && e.rag().ordinal() < e.previousRag().ordinal()),
                withChange.stream().filter(e -> e.change() < 0).sorted(Comparator.comparingInt(PortfolioView.Entry::change))
                        .limit(MOVERS).map(e -> new PortfolioView.Mover(e.projectId(), e.change(), e.score())).toList(),
                withChange.stream().filter(e -> e.change() > 0).sorted(Comparator.comparingInt(PortfolioView.Entry::change).reversed())
                        .limit(MOVERS).map(e -> new PortfolioView.Mover(e.projectId(), e.change(), e.score())).toList());
    }

    private static List<String> ids(List<PortfolioView.Entry> entries, Predicate<PortfolioView.Entry> which) {
        return entries.stream().filter(which).map(PortfolioView.Entry::projectId).toList();
    }

    private static Map<Rag, Integer> countByRag(List<Rag> rags) {
        Map<Rag, Integer> counts = new EnumMap<>(Rag.class);
        for (Rag r : Rag.values()) {
            counts.put(r, 0);
        }
        rags.forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    private static double mean(int[] scores) {
        return scores.length == 0 ? 0 : Math.round(10.0 * Arrays.stream(scores).average().orElse(0)) / 10.0;
    }
}
