package org.pmopulse.protrack;

import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.RelationType;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ProTrack file turned into Pulse snapshots, one per tracking period, following the conventions the data set
 * turned out to use (see {@code models/README.md}):
 * <ul>
 * <li>time is measured from the earliest baseline start; durations are working hours on the file's calendar;</li>
 * <li>an activity's baseline cost is its fixed cost plus, for each resource assignment, demand x cost per use,
 *     plus (its cost per hour + demand x each resource's cost per hour) x its duration;</li>
 * <li>fixed and per-use costs count in full when the activity starts, hourly costs pro rata (planned value,
 *     earned value and actual cost alike);</li>
 * <li>a finished activity earns its whole baseline cost, a running one its fixed part plus percent complete x its
 *     hourly part; actual cost is the planned cost of the actual duration plus {@code ActualCostDev};</li>
 * <li>the real finish is the latest actual finish in the last tracking period.</li>
 * </ul>
 * Two periods in the same ISO week keep the later one, since Pulse keeps one snapshot per project and week.
 */
public final class ProTrackProject {
    private static final double DONE = 0.9999;

    private final ProTrackFile file;
    private final String projectId;
    private final WorkCalendar calendar;
    private final LocalDateTime start;
    private final Map<Integer, Costed> activities = new LinkedHashMap<>();
    private final LocalDateTime plannedFinish;
    private final List<String> notes = new ArrayList<>();
    private final List<Snapshot> snapshots;

    /** An activity with its costs split as they accrue, and its place on the working-hour axis. */
    private record Costed(ProTrackFile.Activity activity, double startHour, double fixedPart, double hourlyRate,
                          LocalDateTime baselineFinish, List<String> resources) {
        double cost() {
            return fixedPart + hourlyRate * activity.baselineHours();
        }

        double plannedValueAt(double hour) {
            if (hour < startHour) {
                return 0;
            }
            return fixedPart + hourlyRate * Math.min(activity.baselineHours(), hour - startHour);
        }
    }

    public ProTrackProject(ProTrackFile file, String projectId) {
        this.file = file;
        this.projectId = projectId;
        this.calendar = file.calendar();
        this.start = file.activities().stream().map(ProTrackFile.Activity::baselineStart)
                .min(Comparator.naturalOrder()).orElseThrow();
        Map<Integer, ProTrackFile.Resource> resources = new HashMap<>();
        file.resources().forEach(r -> resources.put(r.id(), r));
        LocalDateTime finish = start;
        for (ProTrackFile.Activity a : file.activities()) {
            double fixed = a.fixedCost();
            double hourly = a.costPerHour();
            List<String> names = new ArrayList<>();
            for (ProTrackFile.Assignment as : file.assignments()) {
                ProTrackFile.Resource r = resources.get(as.resourceId());
                if (as.activityId() == a.id() && r != null) {
                    fixed += as.demand() * r.costPerUse();
                    hourly += as.demand() * r.costPerHour();
                    names.add(r.name());
                }
            }
            LocalDateTime end = calendar.plusWorkingHours(a.baselineStart(), a.baselineHours());
            finish = end.isAfter(finish) ? end : finish;
            activities.put(a.id(), new Costed(a, calendar.workingHoursBetween(start, a.baselineStart()), fixed, hourly,
                    end, List.copyOf(names)));
        }
        this.plannedFinish = finish;
        this.snapshots = convert();
    }

    /** A project id from a file name: its first word, in capitals ({@code C2011-10 Building a House.p2x} -> C2011-10). */
    public static String idFromFileName(String fileName) {
        String stem = fileName.replaceFirst("\\.[^.]*$", "").strip();
        String first = stem.split("\\s+")[0].toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "");
        return first.isEmpty() ? "PROTRACK" : first.length() > 64 ? first.substring(0, 64) : first;
    }

    public String projectId() {
        return projectId;
    }

    public String name() {
        return file.name();
    }

    /** The file as read: the baseline network the simulation replays. */
    public ProTrackFile file() {
        return file;
    }

    public LocalDate start() {
        return start.toLocalDate();
    }

    public LocalDate plannedFinish() {
        return plannedFinish.toLocalDate();
    }

    public double budget() {
        return activities.values().stream().mapToDouble(Costed::cost).sum();
    }

    /** The latest actual finish in the last tracking period, or null without tracking. */
    public LocalDate realFinish() {
        if (file.periods().isEmpty()) {
            return null;
        }
        ProTrackFile.Period last = file.periods().get(file.periods().size() - 1);
        return last.tracking().stream().filter(t -> t.actualStart() != null)
                .map(t -> calendar.plusWorkingHours(t.actualStart(), t.actualHours()))
                .max(Comparator.naturalOrder()).map(LocalDateTime::toLocalDate).orElse(null);
    }

    /** Whether every activity is finished in the last tracking period: only then is the real duration known. */
    public boolean finished() {
        return !file.periods().isEmpty() && file.periods().get(file.periods().size() - 1).tracking().stream()
                .allMatch(t -> t.percentComplete() >= DONE);
    }

    /** Things the conversion had to decide (periods left out, and why). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public double plannedValueAt(LocalDateTime t) {
        return plannedValueAtHour(calendar.workingHoursBetween(start, t));
    }

    private double plannedValueAtHour(double hour) {
        return activities.values().stream().mapToDouble(c -> c.plannedValueAt(hour)).sum();
    }

    /** One snapshot per tracking period, oldest first. */
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    private List<Snapshot> convert() {
        Snapshot.Baseline baseline = new Snapshot.Baseline(start(), plannedFinish(), round(budget()), null, curve());
        Map<String, Snapshot> byWeek = new LinkedHashMap<>();
        for (ProTrackFile.Period p : file.periods()) {
            if (p.statusDate().isBefore(start)) {
                notes.add("period " + p.name() + " (" + p.statusDate().toLocalDate() + ") is before the project starts; left out");
                continue;
            }
            Snapshot s = snapshot(p, baseline);
            Snapshot replaced = byWeek.put(IsoWeek.of(s.asOf()), s);
            if (replaced != null) {
                notes.add("period of " + replaced.asOf() + " shares ISO week " + IsoWeek.of(s.asOf()) + " with "
                        + s.asOf() + "; the later one is kept");
            }
        }
        return List.copyOf(byWeek.values());
    }

    /**
     * Cumulative planned value at the end of each calendar day from the start to the planned finish: a snapshot
     * dated D reports the status at the end of D, so the curve's point for D is the value at the end of D too.
     */
    private List<Snapshot.PvPoint> curve() {
        List<Snapshot.PvPoint> points = new ArrayList<>();
        LocalDateTime from = start;
        double hour = 0; // working hours from the start, counted a day at a time
        for (LocalDate day = start(); !day.isAfter(plannedFinish()); day = day.plusDays(1)) {
            LocalDateTime endOfDay = day.plusDays(1).atStartOfDay();
            hour += calendar.workingHoursBetween(from, endOfDay);
            from = endOfDay;
            points.add(new Snapshot.PvPoint(day, round(plannedValueAtHour(hour))));
        }
        return points;
    }

    private Snapshot snapshot(ProTrackFile.Period p, Snapshot.Baseline baseline) {
        double ev = 0;
        double ac = 0;
        Map<Integer, ProTrackFile.Tracking> byActivity = new HashMap<>();
        p.tracking().forEach(t -> byActivity.put(t.activityId(), t));
        List<Snapshot.Task> tasks = new ArrayList<>();
        List<Snapshot.Milestone> milestones = new ArrayList<>();
        boolean allDone = true;
        for (Costed c : activities.values()) {
            ProTrackFile.Activity a = c.activity();
            ProTrackFile.Tracking t = byActivity.get(a.id());
            boolean started = t != null && t.actualStart() != null;
            boolean done = started && t.percentComplete() >= DONE;
            allDone &= done;
            if (done) {
                ev += c.cost();
            } else if (started) {
                ev += c.fixedPart() + t.percentComplete() * c.hourlyRate() * a.baselineHours();
            }
            if (started) {
                ac += c.fixedPart() + c.hourlyRate() * t.actualHours() + t.actualCostDev();
            }
            LocalDate actualFinish = done ? calendar.plusWorkingHours(t.actualStart(), t.actualHours()).toLocalDate() : null;
            tasks.add(new Snapshot.Task(String.valueOf(a.id()), a.name(), a.baselineStart().toLocalDate(),
                    c.baselineFinish().toLocalDate(), started ? t.actualStart().toLocalDate() : null, actualFinish,
                    started ? round(100 * Math.min(1, t.percentComplete())) : 0.0, null, null, c.resources(),
                    predecessors(a.id())));
            if (a.milestone()) {
                milestones.add(new Snapshot.Milestone(String.valueOf(a.id()), a.name(), c.baselineFinish().toLocalDate(),
                        null, actualFinish, null));
            }
        }
        double bac = baseline.budget();
        Snapshot.Progress progress = new Snapshot.Progress(bac > 0 ? round(100 * Math.min(1, ev / bac)) : null,
                round(plannedValueAt(p.statusDate())), round(ev), round(ac));
        return new Snapshot(projectId, p.statusDate().toLocalDate(), file.name(), Methodology.WATERFALL,
                allDone ? Phase.CLOSING : Phase.EXECUTION, baseline, progress, null, null, null, milestones,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                List.of(), tasks, null);
    }

    private List<Snapshot.Predecessor> predecessors(int activity) {
        int hoursPerDay = calendar.workingHoursPerDay();
        return file.relations().stream().filter(r -> r.to() == activity && activities.containsKey(r.from()))
                .map(r -> new Snapshot.Predecessor(String.valueOf(r.from()), relationType(r.type()),
                        (int) Math.round(r.lagHours() / hoursPerDay)))
                .toList();
    }

    private static RelationType relationType(int code) {
        return switch (code) {
            case 0 -> RelationType.SS;
            case 1 -> RelationType.SF;
            case 3 -> RelationType.FF;
            default -> RelationType.FS;
        };
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Calendar days from the start to the given date. */
    public long daysFromStart(LocalDate date) {
        return ChronoUnit.DAYS.between(start(), date);
    }
}
