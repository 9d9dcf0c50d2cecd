package org.pmopulse.rules;

import org.pmopulse.schedule.ScheduleNetwork;

import org.pmopulse.rules.fact.CriticalWorkShare;
import org.pmopulse.rules.fact.ScheduleCheck;
import org.pmopulse.rules.fact.TaskFact;
import org.pmopulse.snapshot.RelationType;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures the DCMA 14-point assessment on a snapshot's tasks. Only measures: whether a measure fails is for the
 * rules in {@code rules/schedulequality/} to decide against the thresholds. Percentages are of unfinished tasks
 * (checks 1, 5, 10), of relationships (2-4), or of tasks due by the status date (11). Checks 6 and 8 depend on
 * a day limit, so they get one {@link TaskFact} per unfinished task instead.
 */
public final class ScheduleChecks {
    static final Set<String> HARD_CONSTRAINTS = Set.of("MSO", "MFO", "SNLT", "FNLT");
    private static final int MAX_LISTED = 10;

    private ScheduleChecks() {
    }

    /** Facts for a snapshot with tasks; none without tasks (a schedule that was not sent is not judged). */
    public static List<Object> facts(Snapshot s) {
        List<Snapshot.Task> tasks = s.tasks();
        if (tasks.isEmpty()) {
            return List.of();
        }
        LocalDate asOf = s.asOf();
        ScheduleNetwork network = ScheduleNetwork.of(tasks, asOf);
        List<Snapshot.Task> open = tasks.stream().filter(t -> !ScheduleNetwork.isComplete(t)).toList();
        List<Snapshot.Predecessor> relations = tasks.stream().flatMap(t -> t.predecessors().stream()).toList();
        List<Object> facts = new ArrayList<>();

        LocalDate firstStart = tasks.stream().map(Snapshot.Task::baselineStart).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate lastFinish = tasks.stream().map(Snapshot.Task::baselineFinish).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Set<String> withSuccessors = new HashSet<>();
        relations.forEach(p -> withSuccessors.add(p.id()));
        facts.add(share("missingLogic", open, t ->
                (t.predecessors().isEmpty() && !Objects.equals(t.baselineStart(), firstStart))
                        || (!withSuccessors.contains(t.id()) && !Objects.equals(t.baselineFinish(), lastFinish))));

        List<String> leads = new ArrayList<>();
        List<String> lags = new ArrayList<>();
        int finishToStart = 0;
        for (Snapshot.Task t : tasks) {
            for (Snapshot.Predecessor p : t.predecessors()) {
                int lag = p.lagDays() == null ? 0 : p.lagDays();
                if (lag < 0) {
                    leads.add(p.id() + "->" + t.id());
                } else if (lag > 0) {
                    lags.add(p.id() + "->" + t.id());
                }
                if (p.type() == null || p.type() == RelationType.FS) {
                    finishToStart++;
                }
            }
        }
        facts.add(check("leads", leads, relations.size(), null));
        facts.add(check("lags", lags, relations.size(), null));
        facts.add(new ScheduleCheck("nonFinishToStart", relations.size() - finishToStart, relations.size(),
                percent(relations.size() - finishToStart, relations.size()),
                relations.isEmpty() ? null : 100.0 * finishToStart / relations.size(), List.of()));
        facts.add(share("hardConstraints", open, t -> t.constraint() != null && HARD_CONSTRAINTS.contains(t.constraint())));

        Map<String, Integer> criticalByPerson = new LinkedHashMap<>();
        int critical = 0;
        for (Snapshot.Task t : open) {
            ScheduleNetwork.Node node = network.nodes().get(t.id());
            Double floatDays = t.totalFloatDays() != null ? Double.valueOf(t.totalFloatDays())
                    : node == null ? null : workingDays(node.totalFloat());
            double duration = t.baselineStart() == null || t.baselineFinish() == null ? 0
                    : workingDays(ChronoUnit.DAYS.between(t.baselineStart(), t.baselineFinish()));
            facts.add(new TaskFact(t.id(), floatDays, duration));
            if (floatDays != null && floatDays <= 0) {
                critical++;
                t.resources().stream().distinct().forEach(p -> criticalByPerson.merge(p, 1, Integer::sum));
            }
        }
        int totalCritical = critical;
        criticalByPerson.forEach((person, n) -> facts.add(new CriticalWorkShare(person, n, totalCritical,
                Math.round(1000.0 * n / totalCritical) / 10.0)));
        facts.add(share("negativeFloat", open, t -> {
            ScheduleNetwork.Node node = network.nodes().get(t.id());
            return t.totalFloatDays() != null ? t.totalFloatDays() < 0 : node != null && node.totalFloat() < -0.5;
        }));
        facts.add(share("invalidDates", tasks, t -> invalidDates(t, asOf)));
        facts.add(share("noResources", open, t -> t.resources().isEmpty()
                && t.baselineStart() != null && t.baselineFinish() != null && t.baselineFinish().isAfter(t.baselineStart())));
        List<Snapshot.Task> due = tasks.stream().filter(t -> t.baselineFinish() != null && !t.baselineFinish().isAfter(asOf)).toList();
        facts.add(share("missedTasks", due, t -> !ScheduleNetwork.isComplete(t)
                || (t.finish() != null && t.finish().isAfter(t.baselineFinish()))));
        facts.add(new ScheduleCheck("criticalPathTest", network.criticalPathContinuous() ? 0 : 1, 1,
                network.criticalPathContinuous() ? 0 : 100, network.criticalPathContinuous() ? 1.0 : 0.0, network.cycle().stream().limit(MAX_LISTED).toList()));
        LocalDate baselineFinish = s.baseline() != null && s.baseline().finish() != null ? s.baseline().finish() : lastFinish;
        facts.add(cpli(network, asOf, baselineFinish));
        long complete = tasks.stream().filter(ScheduleNetwork::isComplete).count();
        facts.add(new ScheduleCheck("baselineExecutionIndex", (int) complete, due.size(), 0,
                due.isEmpty() ? null : round((double) complete / due.size()), List.of()));
        return facts;
    }

    /**
     * CPLI = (critical path length + total float) / critical path length, with the critical path length the days
     * from the status date to the baseline finish, and the total float that finish minus the network's forecast.
     */
    private static ScheduleCheck cpli(ScheduleNetwork network, LocalDate asOf, LocalDate baselineFinish) {
        if (baselineFinish == null || !baselineFinish.isAfter(asOf)) {
            return new ScheduleCheck("criticalPathLengthIndex", 0, 0, 0, null, List.of());
        }
        double length = ChronoUnit.DAYS.between(asOf, baselineFinish);
        double totalFloat = length - network.finishDay();
        return new ScheduleCheck("criticalPathLengthIndex", 0, 0, 0, round((length + totalFloat) / length), List.of());
    }

    private static boolean invalidDates(Snapshot.Task t, LocalDate asOf) {
        boolean complete = ScheduleNetwork.isComplete(t);
        boolean started = complete || ScheduleNetwork.isStarted(t);
        return (started && t.start() != null && t.start().isAfter(asOf))
                || (complete && t.finish() != null && t.finish().isAfter(asOf))
                || (!complete && t.finish() != null && t.finish().isBefore(asOf))
                || (!started && t.start() != null && t.start().isBefore(asOf));
    }

    private static ScheduleCheck share(String check, List<Snapshot.Task> of, Predicate<Snapshot.Task> offends) {
        List<String> ids = of.stream().filter(offends).map(Snapshot.Task::id).toList();
        return check(check, ids, of.size(), null);
    }

    private static ScheduleCheck check(String check, List<String> offending, int total, Double value) {
        return new ScheduleCheck(check, offending.size(), total, percent(offending.size(), total), value,
                offending.stream().limit(MAX_LISTED).toList());
    }

    private static double percent(int count, int total) {
        return total == 0 ? 0 : round(100.0 * count / total);
    }

    static double workingDays(double calendarDays) {
        return Math.round(calendarDays * 5.0 / 7.0 * 10) / 10.0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
