package org.pmopulse.coach;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.assessment.HistoryWindow;
import org.pmopulse.assessment.Health;
import org.pmopulse.rules.Finding;
import org.pmopulse.portfolio.PortfolioWeeks;
import org.pmopulse.portfolio.ProjectStore;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.rules.portfolio.Peers;
import org.pmopulse.rules.portfolio.PortfolioMember;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
import org.pmopulse.system.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a candidate rule set over stored snapshots next to the live set and reports what would change. It writes
 * nothing: both sides are assessed in memory with the same code and inputs the service uses (each week with its
 * earlier weeks as history, the providing projects of its dependencies and the other projects of its week for
 * the portfolio rules as Pulse knows them now), projects in parallel.
 */
@Service
public class ReplayService {
    /** Default range: the last 12 weeks with snapshots. */
    public static final int DEFAULT_WEEKS = 12;
    /** Projects named in the summary sentence; the full list is in the report. */
    private static final int SUMMARY_NAMES = 5;

    private final SnapshotStore snapshots;
    private final ProjectStore projects;
    private final PortfolioWeeks portfolioWeeks;
    private final AssessmentStore assessments;
    private final Assessor assessor;

    public ReplayService(SnapshotStore snapshots, ProjectStore projects, PortfolioWeeks portfolioWeeks,
                         AssessmentStore assessments, Assessor assessor) {
        this.snapshots = snapshots;
        this.projects = projects;
        this.portfolioWeeks = portfolioWeeks;
        this.assessments = assessments;
        this.assessor = assessor;
    }

    /**
     * What a replay runs over, read once: the weeks to replay with their history, what Pulse knows of the projects
     * they depend on, and the other projects of each week for the portfolio rules. Plain data, so the candidate's
     * side can be computed in another process from exactly the same inputs.
     *
     * @param weeks     each project's snapshots, oldest first, from the history window before {@code fromWeek}
     * @param providers each project's providers as Pulse knows them now, by provider id
     * @param peers     each replayed week's projects as the portfolio rules see them
     * @param before    each project's health in its last assessed week before {@code fromWeek} (the band margin
     *                  reads last week's colour; later weeks chain the replay's own judgement)
     */
    public record Input(LocalDate start, LocalDate end, String fromWeek, Map<String, List<Snapshot>> weeks,
                        Map<String, Map<String, OtherProject>> providers, Map<String, List<PortfolioMember>> peers,
                        Map<String, Health.Previous> before) {}

    /** One project-week as one rule set judged it. */
    public record Outcome(String projectId, String week, LocalDate asOf, Integer score, Rag rag, List<String> findings) {}

    /**
     * @param from     a date in the first week of the range (default: 11 weeks before {@code to})
     * @param to       a date in the last week of the range (default: the latest week with a snapshot)
     * @param projects project ids to replay, or empty for all
     */
    public Input input(LocalDate from, LocalDate to, Collection<String> projects) {
        List<String> unknown = projects.stream().filter(p -> this.projects.find(p).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) { // else a mistyped id replays nothing and looks like a candidate that changes nothing
            throw InvalidInputException.parameter("projects", "no project " + String.join(", ", unknown));
        }
        // whole ISO weeks, Monday to Sunday, since Pulse keeps one snapshot per project per week
        LocalDate end = (to != null ? to : snapshots.latestWeek().map(IsoWeek::monday).orElse(LocalDate.now()))
                .with(DayOfWeek.SUNDAY);
        LocalDate start = (from != null ? from : end.minusWeeks(DEFAULT_WEEKS - 1L)).with(DayOfWeek.MONDAY);
        String historyWeek = IsoWeek.of(start.minusWeeks(HistoryWindow.WEEKS));
        Map<String, List<Snapshot>> byProject = snapshots.between(historyWeek, IsoWeek.of(end), projects).stream()
                .map(StoredSnapshot::snapshot)
                .sorted(Comparator.comparing(Snapshot::asOf))
                .collect(Collectors.groupingBy(Snapshot::projectId, TreeMap::new, Collectors.toList()));
        Map<String, Map<String, OtherProject>> providers = new TreeMap<>();
        byProject.forEach((id, weeks) -> {
            Map<String, OtherProject> known = new TreeMap<>();
            weeks.forEach(s -> this.projects.providersOf(s).forEach(p -> known.put(p.projectId(), p)));
            providers.put(id, known);
        });
        Map<String, List<PortfolioMember>> peers = new TreeMap<>();
        for (LocalDate monday = start; !monday.isAfter(end); monday = monday.plusWeeks(1)) {
            String week = IsoWeek.of(monday);
            peers.put(week, portfolioWeeks.members(week));
        }
        Map<String, Health.Previous> before = new TreeMap<>();
        byProject.keySet().forEach(id -> assessments.healthBefore(id, IsoWeek.of(start)).ifPresent(h -> before.put(id, h)));
        return new Input(start, end, IsoWeek.of(start), byProject, providers, peers, before);
    }

    /** Runs a candidate over stored weeks next to the live set, both in this process (the command line's replay). */
    public ReplayReport replay(RuleSet live, RuleSet candidate, LocalDate from, LocalDate to, Collection<String> projects) {
        Input input = input(from, to, projects);
        return report(live.version(), candidate.version(), input, judge(assessor, live, input),
                judge(assessor, candidate, input));
    }

    /** Every replayed project-week as {@code rules} judge it, in this process. */
    public List<Outcome> judge(RuleSet rules, Input input) {
        return judge(assessor, rules, input);
    }

    /** Every replayed project-week as {@code rules} judge it, projects in parallel. */
    public static List<Outcome> judge(Assessor assessor, RuleSet rules, Input input) {
        return input.weeks().entrySet().parallelStream()
                .flatMap(e -> judgeProject(assessor, rules, input, e.getKey(), e.getValue()).stream())
                .sorted(Comparator.comparing(Outcome::projectId).thenComparing(Outcome::week))
                .toList();
    }

    private static List<Outcome> judgeProject(Assessor assessor, RuleSet rules, Input input, String projectId,
                                              List<Snapshot> ordered) {
        Map<String, OtherProject> known = input.providers().getOrDefault(projectId, Map.of());
        Health.Previous previous = input.before().get(projectId);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Snapshot s = ordered.get(i);
            String week = IsoWeek.of(s.asOf());
            if (week.compareTo(input.fromWeek()) < 0) {
                continue; // history only
            }
            List<Snapshot> earlier = HistoryWindow.before(ordered, i);
            List<OtherProject> providers = s.dependencies().stream().map(Snapshot.Dependency::onProject).distinct()
                    .map(known::get).filter(java.util.Objects::nonNull).toList();
            Assessment a = assessor.assess(rules, s, earlier, previous, providers,
                    Peers.of(input.peers().getOrDefault(week, List.of())));
            previous = new Health.Previous(a.health().score(), a.health().rag());
            outcomes.add(new Outcome(projectId, week, s.asOf(), a.health().score(), a.health().rag(),
                    a.findings().stream().map(Finding::ruleId).toList()));
        }
        return outcomes;
    }

    /** The report of a replay from both sides' judgements of the same input. */
    public static ReplayReport report(String liveVersion, String candidateVersion, Input input, List<Outcome> before,
                                      List<Outcome> after) {
        Map<String, Outcome> candidate = after.stream()
                .collect(Collectors.toMap(o -> o.projectId() + "/" + o.week(), Function.identity()));
        List<ReplayReport.Item> items = new ArrayList<>();
        for (Outcome b : before) {
            Outcome a = candidate.get(b.projectId() + "/" + b.week());
            List<String> added = difference(a.findings(), b.findings());
            List<String> removed = difference(b.findings(), a.findings());
            boolean changed = !Objects.equals(b.score(), a.score()) || b.rag() != a.rag() || !added.isEmpty() || !removed.isEmpty();
            items.add(new ReplayReport.Item(b.projectId(), b.week(), b.asOf(), changed, b.score(), b.rag(), a.score(),
                    a.rag(), added, removed));
        }
        return report(liveVersion, candidateVersion, input.start(), input.end(), items);
    }

    /** Rule ids in {@code a} more often than in {@code b}, once per extra finding. */
    private static List<String> difference(List<String> a, List<String> b) {
        Map<String, Long> count = b.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> extra = new ArrayList<>();
        for (String ruleId : a) {
            long left = count.getOrDefault(ruleId, 0L);
            if (left > 0) {
                count.put(ruleId, left - 1);
            } else {
                extra.add(ruleId);
            }
        }
        return extra;
    }

    private static ReplayReport report(String liveVersion, String candidateVersion, LocalDate from, LocalDate to,
                                       List<ReplayReport.Item> items) {
        Map<String, Integer> deltas = new TreeMap<>();
        for (ReplayReport.Item item : items) {
            item.findingsAdded().forEach(id -> deltas.merge(id, 1, Integer::sum));
            item.findingsRemoved().forEach(id -> deltas.merge(id, -1, Integer::sum));
        }
        deltas.values().removeIf(v -> v == 0);
        Map<String, ReplayReport.Item> latest = items.stream().collect(Collectors.toMap(ReplayReport.Item::projectId,
                Function.identity(), (a, b) -> a.week().compareTo(b.week()) >= 0 ? a : b, LinkedHashMap::new));
        List<String> changedColour = latest.values().stream().filter(i -> i.ragBefore() != i.ragAfter())
                .map(ReplayReport.Item::projectId).sorted().toList();
        int changed = (int) items.stream().filter(ReplayReport.Item::changed).count();
        return new ReplayReport(liveVersion, candidateVersion, from, to, latest.size(), items.size(), changed,
                summary(latest.size(), items.size(), changedColour, deltas), changedColour, deltas, items);
    }

    static String summary(int projects, int projectWeeks, List<String> changedColour, Map<String, Integer> deltas) {
        StringBuilder text = new StringBuilder();
        text.append(projects).append(" projects, ").append(projectWeeks).append(" project-weeks replayed; ");
        text.append(changedColour.size()).append(changedColour.size() == 1 ? " project changes" : " projects change")
                .append(" colour in the latest week");
        if (!changedColour.isEmpty()) {
            int named = Math.min(SUMMARY_NAMES, changedColour.size());
            text.append(" (").append(String.join(", ", changedColour.subList(0, named)))
                    .append(changedColour.size() > named ? " and " + (changedColour.size() - named) + " more" : "")
                    .append(')');
        }
        if (deltas.isEmpty()) {
            text.append("; no rule fires more or less often");
        } else {
            deltas.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.comparing(Math::abs)).reversed())
                    .limit(5)
                    .forEach(e -> text.append("; ").append(e.getKey()).append(" fires ").append(Math.abs(e.getValue()))
                            .append(e.getValue() > 0 ? " more" : " fewer").append(Math.abs(e.getValue()) == 1 ? " time" : " times"));
        }
        return text.toString();
    }
}
