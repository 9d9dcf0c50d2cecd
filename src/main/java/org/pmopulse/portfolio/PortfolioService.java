package org.pmopulse.portfolio;

import org.pmopulse.access.Caller;
import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PMO lead's view: every project of a week ranked worst first, and the portfolio's trend over weeks, read
 * from the portfolio's weeks ({@link PortfolioWeeks}) so a view costs a read a week, however many projects.
 */
@Service
public class PortfolioService {
    private static final int MOVERS = 5;
    /** How far back a project that has not reported this week is looked for. */
    private static final int RECENT_WEEKS = 4;
    /** Reads every project: for finding conflicts, which span projects whoever asks. */
    private static final Caller PORTFOLIO = Caller.system("portfolio");

    /** Which projects to show; null fields do not filter. */
    public record Filter(Methodology methodology, Phase phase, Rag rag, String sponsor) {}

    private final PortfolioWeeks weeks;
    private final AssessmentStore assessments;
    private final LiveRules rules;
    private final ProjectStore projects;

    public PortfolioService(PortfolioWeeks weeks, AssessmentStore assessments, LiveRules rules, ProjectStore projects) {
        this.weeks = weeks;
        this.assessments = assessments;
        this.rules = rules;
        this.projects = projects;
    }

    /**
     * The week containing {@code asOf}, or when {@code asOf} is null the latest week with a project the caller may
     * read, over the projects the caller may read.
     */
    public PortfolioView view(LocalDate asOf, Filter filter, Caller caller) {
        return view(asOf, filter, caller, OtherProjects.hiddenFrom(caller, projects));
    }

    private PortfolioView view(LocalDate asOf, Filter filter, Caller caller, OtherProjects others) {
        String week = asOf != null ? IsoWeek.of(asOf) : latestWeek(caller);
        LocalDate weekStart = IsoWeek.monday(week);
        List<ProjectWeek> lines = weeks.week(week);
        List<ProjectWeek> lastWeek = weeks.week(IsoWeek.of(weekStart.minusWeeks(1)));
        Map<String, Rag> before = lastWeek.stream().collect(Collectors.toMap(ProjectWeek::projectId, ProjectWeek::rag));
        String liveRules = rules.live().map(RuleSet::version).orElse(null);
        List<PortfolioView.Entry> entries = lines.stream()
                .filter(p -> caller.reads(p.projectId()) && matches(p, filter))
                .map(p -> entry(0, p, before.get(p.projectId()), liveRules, others))
                // worst first; a project Pulse could not score at all (NO_DATA) needs attention before any
                .sorted(Comparator.comparing(PortfolioView.Entry::score, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(e -> e.rag().ordinal(), Comparator.reverseOrder())
                        .thenComparing(e -> e.change() == null ? 0 : e.change())
                        .thenComparing(PortfolioView.Entry::projectId))
                .toList();
        List<PortfolioView.Entry> ranked = new ArrayList<>();
        for (PortfolioView.Entry e : entries) {
            ranked.add(e.ranked(ranked.size() + 1));
        }
        return new PortfolioView(week, weekStart, summary(ranked), ranked,
                notReported(weekStart, lines, lastWeek, filter, caller));
    }

    /**
     * The projects the caller reads that reported in one of the {@value #RECENT_WEEKS} weeks before this one but not
     * in it: early in a week most have not reported yet, and the view must say so rather than look complete. Each is
     * judged by its latest line: a project that closed last week is not expected, whatever it was before.
     */
    private List<PortfolioView.NotReported> notReported(LocalDate weekStart, List<ProjectWeek> lines,
                                                        List<ProjectWeek> lastWeek, Filter filter, Caller caller) {
        record Latest(String week, ProjectWeek line) {
            PortfolioView.NotReported notReported() {
                return new PortfolioView.NotReported(line.projectId(), line.name(), week, line.asOf(), line.rag());
            }
        }
        Set<String> reported = lines.stream().map(ProjectWeek::projectId).collect(Collectors.toSet());
        Map<String, Latest> latest = new TreeMap<>();
        for (int back = 1; back <= RECENT_WEEKS; back++) { // nearest week first: a project's first line is its latest
            String earlier = IsoWeek.of(weekStart.minusWeeks(back));
            for (ProjectWeek p : back == 1 ? lastWeek : weeks.week(earlier)) {
                if (!reported.contains(p.projectId())) {
                    latest.putIfAbsent(p.projectId(), new Latest(earlier, p));
                }
            }
        }
        return latest.values().stream()
                .filter(l -> caller.reads(l.line().projectId()) && l.line().phase() != Phase.CLOSED
                        && matches(l.line(), filter))
                .map(Latest::notReported)
                .toList();
    }

    /**
     * The weekly report of the week containing {@code asOf} (default: the caller's latest) over the projects the
     * caller may read; conflicts are found over the whole portfolio, and name the caller's projects only.
     */
    WeeklyReport report(LocalDate asOf, Caller caller) {
        Filter all = new Filter(null, null, null, null);
        OtherProjects others = OtherProjects.hiddenFrom(caller, projects);
        // the caller's week, also for the conflicts found over every project of it
        LocalDate day = asOf != null ? asOf : IsoWeek.monday(latestWeek(caller));
        // every project, for the conflicts between them; shown as it is to a caller who reads every project
        PortfolioView whole = view(day, all, PORTFOLIO, others);
        Map<String, Assessment> full = new LinkedHashMap<>();
        for (ProjectWeek p : weeks.week(whole.week())) {
            assessments.byId(p.assessmentId()).ifPresent(a -> full.put(p.projectId(), a));
        }
        List<WeeklyReport.Conflict> conflicts = WeeklyReport.conflicts(whole, full).stream()
                .map(c -> c.seenBy(others)).filter(Objects::nonNull).toList();
        Map<String, Assessment> shown = new LinkedHashMap<>();
        full.forEach((project, assessment) -> {
            if (caller.reads(project)) {
                shown.put(project, others.assessment(assessment));
            }
        });
        return new WeeklyReport(caller.readsEveryProject() ? whole : view(day, all, caller, others), shown, conflicts);
    }

    /** Each project's score and RAG over the last {@code count} weeks, oldest first: the dashboard's sparklines. */
    public Map<String, List<WeekScore>> histories(int count, Caller caller) {
        Map<String, List<WeekScore>> byProject = new TreeMap<>();
        for (String week : lastWeeks(count, caller)) {
            for (ProjectWeek p : visible(week, caller)) {
                byProject.computeIfAbsent(p.projectId(), k -> new ArrayList<>()).add(new WeekScore(week, p.score(), p.rag()));
            }
        }
        return byProject;
    }

    /** Counts per RAG and mean score of each of the last {@code count} weeks that have assessments, oldest first. */
    public List<TrendPoint> trend(int count, Caller caller) {
        List<TrendPoint> trend = new ArrayList<>();
        for (String week : lastWeeks(count, caller)) {
            List<ProjectWeek> projects = visible(week, caller);
            if (!projects.isEmpty()) {
                trend.add(new TrendPoint(week, projects.size(), countByRag(projects.stream().map(ProjectWeek::rag).toList()),
                        mean(projects.stream().map(ProjectWeek::score).toList())));
            }
        }
        return trend;
    }

    private List<ProjectWeek> visible(String week, Caller caller) {
        return weeks.week(week).stream().filter(p -> caller.reads(p.projectId())).toList();
    }

    private List<String> lastWeeks(int count, Caller caller) {
        LocalDate latest = IsoWeek.monday(latestWeek(caller));
        List<String> list = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            list.add(IsoWeek.of(latest.minusWeeks(i)));
        }
        return list;
    }

    /** The latest week with an assessment the caller may read: a project manager's, not another project's. */
    private String latestWeek(Caller caller) {
        return weeks.latestWeekWith(caller::reads).orElse(IsoWeek.of(LocalDate.now()));
    }

    private static boolean matches(ProjectWeek p, Filter f) {
        return (f.methodology() == null || f.methodology() == p.methodology())
                && (f.phase() == null || f.phase() == p.phase())
                && (f.rag() == null || f.rag() == p.rag())
                && (f.sponsor() == null || f.sponsor().equalsIgnoreCase(Objects.toString(p.sponsor(), "")));
    }

    private static PortfolioView.Entry entry(int rank, ProjectWeek p, Rag previous, String liveRules,
                                             OtherProjects others) {
        var finding = p.topFinding();
        var recommendation = p.topRecommendation();
        return new PortfolioView.Entry(rank, p.projectId(), p.name(), p.methodology(), p.phase(), p.sponsor(), p.asOf(),
                p.score(), p.rag(), p.change(), previous,
                p.rag() == Rag.RED && previous != null && previous != Rag.RED,
                p.rag() == Rag.AMBER && previous == Rag.GREEN, p.findings(),
                finding == null ? null : new PortfolioView.TopFinding(finding.ruleId(), finding.title(), finding.severity(),
                        others.text(finding.because())),
                recommendation == null ? null : new PortfolioView.TopRecommendation(recommendation.id(), recommendation.title(),
                        recommendation.urgency(), recommendation.ownerRole()),
                p.forecastSlipDays(), p.completeness(), liveRules == null || liveRules.equals(p.ruleSetVersion()));
    }

    private static PortfolioView.Summary summary(List<PortfolioView.Entry> entries) {
        List<PortfolioView.Entry> withChange = entries.stream().filter(e -> e.change() != null && e.change() != 0).toList();
        return new PortfolioView.Summary(entries.size(), countByRag(entries.stream().map(PortfolioView.Entry::rag).toList()),
                mean(entries.stream().map(PortfolioView.Entry::score).toList()),
                ids(entries, PortfolioView.Entry::newlyRed), ids(entries, PortfolioView.Entry::newlyAmber),
                ids(entries, e -> e.previousRag() != null && e.rag().ordinal() < e.previousRag().ordinal()),
                movers(withChange.stream().filter(e -> e.change() < 0), Comparator.comparingInt(PortfolioView.Entry::change)),
                movers(withChange.stream().filter(e -> e.change() > 0),
                        Comparator.comparingInt(PortfolioView.Entry::change).reversed()));
    }

    private static List<PortfolioView.Mover> movers(Stream<PortfolioView.Entry> entries,
                                                     Comparator<PortfolioView.Entry> order) {
        return entries.sorted(order).limit(MOVERS).map(e -> new PortfolioView.Mover(e.projectId(), e.change(), e.score())).toList();
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

    /**
     * The mean of the scores there are, or null when there are none: a project with no data counts in the RAG counts,
     * not in the mean, and a week without a score has no mean (0 would read as a failing portfolio).
     */
    private static Double mean(List<Integer> scores) {
        OptionalDouble mean = scores.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).average();
        return mean.isPresent() ? Math.round(10.0 * mean.getAsDouble()) / 10.0 : null;
    }
}
