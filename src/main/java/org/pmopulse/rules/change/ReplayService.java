package org.pmopulse.rules.change;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.rules.Finding;
import org.pmopulse.project.PortfolioWeeks;
import org.pmopulse.project.ProjectStore;
import org.pmopulse.project.ProjectWeek;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.rules.portfolio.Peers;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
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
    private final Assessor assessor;

    public ReplayService(SnapshotStore snapshots, ProjectStore projects, PortfolioWeeks portfolioWeeks,
                         Assessor assessor) {
        this.snapshots = snapshots;
        this.projects = projects;
        this.portfolioWeeks = portfolioWeeks;
        this.assessor = assessor;
    }

    /**
     * @param from     a date in the first week of the range (default: 11 weeks before {@code to})
     * @param to       a date in the last week of the range (default: the latest week with a snapshot)
     * @param projects project ids to replay, or empty for all
     */
    public ReplayReport replay(RuleSet live, RuleSet candidate, LocalDate from, LocalDate to, Collection<String> projects) {
        // whole ISO weeks, Monday to Sunday, since Pulse keeps one snapshot per project per week
        LocalDate end = (to != null ? to : snapshots.latestWeek().map(IsoWeek::monday).orElse(LocalDate.now()))
                .with(DayOfWeek.SUNDAY);
        LocalDate start = (from != null ? from : end.minusWeeks(DEFAULT_WEEKS - 1L)).with(DayOfWeek.MONDAY);
        String fromWeek = IsoWeek.of(start);
        String toWeek = IsoWeek.of(end);
        String historyWeek = IsoWeek.of(start.minusWeeks(Assessor.HISTORY_WEEKS));
        Map<String, List<Snapshot>> byProject = snapshots.between(historyWeek, toWeek, projects).stream()
                .map(StoredSnapshot::snapshot)
                .collect(Collectors.groupingBy(Snapshot::projectId, TreeMap::new, Collectors.toList()));

        Map<String, Peers> peers = new TreeMap<>();
        for (LocalDate monday = start; !monday.isAfter(end); monday = monday.plusWeeks(1)) {
            peers.put(IsoWeek.of(monday), Peers.of(portfolioWeeks.week(IsoWeek.of(monday)).stream().map(ProjectWeek::member).toList()));
        }
        List<ReplayReport.Item> items = byProject.values().parallelStream()
                .flatMap(weeks -> replayProject(live, candidate, weeks, fromWeek, peers).stream())
                .sorted(Comparator.comparing(ReplayReport.Item::projectId).thenComparing(ReplayReport.Item::week))
                .toList();
        return report(live, candidate, start, end, items);
    }

    private List<ReplayReport.Item> replayProject(RuleSet live, RuleSet candidate, List<Snapshot> weeks, String fromWeek,
                                                  Map<String, Peers> peersByWeek) {
        List<Snapshot> ordered = weeks.stream().sorted(Comparator.comparing(Snapshot::asOf)).toList();
        List<ReplayReport.Item> items = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Snapshot s = ordered.get(i);
            if (IsoWeek.of(s.asOf()).compareTo(fromWeek) < 0) {
                continue; // history only
            }
            List<Snapshot> earlier = new ArrayList<>(ordered.subList(Math.max(0, i - Assessor.HISTORY_WEEKS), i));
            Collections.reverse(earlier);
            List<OtherProject> providers = projects.providersOf(s);
            Peers peers = peersByWeek.getOrDefault(IsoWeek.of(s.asOf()), Peers.NONE);
            Assessment before = assessor.assess(live, s, earlier, null, providers, peers);
            Assessment after = assessor.assess(candidate, s, earlier, null, providers, peers);
            List<String> added = difference(after.findings(), before.findings());
            List<String> removed = difference(before.findings(), after.findings());
            boolean changed = before.health().score() != after.health().score()
                    || before.health().rag() != after.health().rag() || !added.isEmpty() || !removed.isEmpty();
            items.add(new ReplayReport.Item(s.projectId(), IsoWeek.of(s.asOf()), s.asOf(), changed,
                    before.health().score(), before.health().rag(), after.health().score(), after.health().rag(),
                    added, removed));
        }
        return items;
    }

    /** Rule ids in {@code a} more often than in {@code b}, once per extra finding. */
    private static List<String> difference(List<Finding> a, List<Finding> b) {
        Map<String, Long> count = b.stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
        List<String> extra = new ArrayList<>();
        for (Finding f : a) {
            long left = count.getOrDefault(f.ruleId(), 0L);
            if (left > 0) {
                count.put(f.ruleId(), left - 1);
            } else {
                extra.add(f.ruleId());
            }
        }
        return extra;
    }

    private static ReplayReport report(RuleSet live, RuleSet candidate, LocalDate from, LocalDate to,
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
        return new ReplayReport(live.version(), candidate.version(), from, to, latest.size(), items.size(), changed,
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
