package org.pmopulse.snapshot;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.PathValues;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the values of a bound snapshot against the contract: required fields, ranges (percentages 0..100,
 * probabilities 0..1, no negative money or durations), date order, and unique ids within each list.
 * Collects every problem rather than stopping at the first, so a user fixes a file in one go.
 */
final class SnapshotValidator {
    private final DateWindow window;
    private final int maxTasks;

    SnapshotValidator(DateWindow window, int maxTasks) {
        this.window = window;
        this.maxTasks = maxTasks;
    }

    List<FieldProblem> validate(Snapshot s) {
        if (s.tasks().size() > maxTasks) { // refused before any per-task work
            return List.of(new FieldProblem("tasks", "holds " + s.tasks().size() + " tasks, more than the limit of "
                    + maxTasks + " (pulse.api.max-tasks)"));
        }
        Checks c = new Checks(window.earliest(), window.latest(), window.latestPlan());
        if (s.projectId() == null) {
            c.add("projectId", "is required");
        } else if (!PathValues.PROJECT_ID.matcher(s.projectId()).matches()) {
            c.add("projectId", PathValues.PROJECT_ID_RULE);
        }
        if (s.asOf() == null) {
            c.add("asOf", "is required");
        }
        c.happened("asOf", s.asOf());
        if (s.pmStatus() == Rag.NO_DATA) {
            c.add("pmStatus", "must be GREEN, AMBER or RED: NO_DATA is what Pulse says when data is missing");
        }
        c.planned("forecastFinish", s.forecastFinish());
        baseline(s.baseline(), c);
        progress(s.progress(), c);
        c.items("milestones", s.milestones(), Snapshot.Milestone::id, (m, at) -> {
            c.planned(at + ".baselineDate", m.baselineDate());
            c.planned(at + ".forecastDate", m.forecastDate());
            c.happened(at + ".actualDate", m.actualDate());
        });
        c.items("deliverables", s.deliverables(), Snapshot.Deliverable::id, (d, at) -> c.planned(at + ".dueDate", d.dueDate()));
        c.items("risks", s.risks(), Snapshot.Risk::id, (r, at) -> {
            c.between(at + ".probability", r.probability(), 0, 1);
            c.between(at + ".impact", r.impact() == null ? null : r.impact().doubleValue(), 1, 5);
            c.happened(at + ".lastReviewed", r.lastReviewed());
        });
        c.items("issues", s.issues(), Snapshot.Issue::id, (i, at) -> {
            c.happened(at + ".opened", i.opened());
            c.happened(at + ".resolved", i.resolved());
            c.order(at + ".resolved", i.opened(), i.resolved(), "opened");
        });
        c.items("changes", s.changes(), Snapshot.Change::id, (ch, at) -> {
            c.between(at + ".scopeImpactPct", ch.scopeImpactPct(), 0, 100);
            c.notNegative(at + ".scheduleImpactDays", ch.scheduleImpactDays());
            c.notNegative(at + ".costImpact", ch.costImpact());
            c.happened(at + ".decidedOn", ch.decidedOn());
        });
        c.items("decisions", s.decisions(), Snapshot.Decision::id, (d, at) -> {
            c.happened(at + ".decidedOn", d.decidedOn());
            c.planned(at + ".followUpDue", d.followUpDue());
        });
        c.items("resources", s.resources(), null, (r, at) -> {
            c.required(at + ".person", r.person());
            c.notNegative(at + ".allocationPct", r.allocationPct());
        });
        c.items("dependencies", s.dependencies(), null, (d, at) -> {
            c.required(at + ".onProject", d.onProject());
            c.planned(at + ".needBy", d.needBy());
        });
        c.items("stakeholders", s.stakeholders(), null, (st, at) -> c.happened(at + ".lastContact", st.lastContact()));
        governance(s.governance(), c);
        if (s.transition() != null) {
            c.between("transition.adoptionPct", s.transition().adoptionPct(), 0, 100);
            c.between("transition.adoptionTargetPct", s.transition().adoptionTargetPct(), 0, 100);
            c.notNegative("transition.openIncidents", s.transition().openIncidents());
            c.planned("transition.goLive", s.transition().goLive());
        }
        c.items("sprints", s.sprints(), null, (sp, at) -> {
            c.notNegative(at + ".number", sp.number());
            c.notNegative(at + ".committedPoints", sp.committedPoints());
            c.notNegative(at + ".completedPoints", sp.completedPoints());
            c.happened(at + ".start", sp.start());
            c.happened(at + ".end", sp.end());
            c.order(at + ".end", sp.start(), sp.end(), "start");
        });
        c.items("tasks", s.tasks(), Snapshot.Task::id, (t, at) -> {
            c.between(at + ".percentComplete", t.percentComplete(), 0, 100);
            c.planned(at + ".baselineStart", t.baselineStart());
            c.planned(at + ".baselineFinish", t.baselineFinish());
            c.planned(at + ".start", t.start());
            c.planned(at + ".finish", t.finish());
            c.order(at + ".baselineFinish", t.baselineStart(), t.baselineFinish(), "baselineStart");
            c.order(at + ".finish", t.start(), t.finish(), "start");
            for (int i = 0; i < t.predecessors().size(); i++) {
                if (t.predecessors().get(i) == null) {
                    c.add(at + ".predecessors[" + i + "]", "must be an object");
                } else {
                    c.required(at + ".predecessors[" + i + "].id", t.predecessors().get(i).id());
                }
            }
        });
        return c.problems;
    }

    private static void governance(Snapshot.Governance g, Checks c) {
        if (g == null) {
            return;
        }
        c.notNegative("governance.riskReviewCadenceDays", g.riskReviewCadenceDays());
        c.happened("governance.charterApprovedOn", g.charterApprovedOn());
        c.happened("governance.lastStatusReport", g.lastStatusReport());
        c.happened("governance.lastSteeringMeeting", g.lastSteeringMeeting());
        c.happened("governance.requirementsSignedOffOn", g.requirementsSignedOffOn());
        c.happened("governance.lastBacklogRefinement", g.lastBacklogRefinement());
    }

    private static void baseline(Snapshot.Baseline b, Checks c) {
        if (b == null) {
            return;
        }
        c.planned("baseline.start", b.start());
        c.planned("baseline.finish", b.finish());
        c.happened("baseline.approvedOn", b.approvedOn());
        c.order("baseline.finish", b.start(), b.finish(), "baseline.start");
        c.notNegative("baseline.budget", b.budget());
        List<Snapshot.PvPoint> curve = b.plannedValueCurve();
        for (int i = 0; i < curve.size(); i++) {
            String at = "baseline.plannedValueCurve[" + i + "]";
            Snapshot.PvPoint point = curve.get(i);
            if (point == null) {
                c.add(at, "must be an object");
                continue;
            }
            c.required(at + ".date", point.date());
            c.planned(at + ".date", point.date());
            c.required(at + ".pv", point.pv());
            c.notNegative(at + ".pv", point.pv());
            Snapshot.PvPoint previous = i > 0 ? curve.get(i - 1) : null;
            if (previous != null && previous.date() != null && point.date() != null && !point.date().isAfter(previous.date())) {
                c.add(at + ".date", "must be after the previous point's date " + previous.date());
            }
            if (previous != null && previous.pv() != null && point.pv() != null && point.pv() < previous.pv()) {
                c.add(at + ".pv", "is cumulative and may not fall below the previous point's " + previous.pv());
            }
        }
    }

    private static void progress(Snapshot.Progress p, Checks c) {
        if (p == null) {
            return;
        }
        c.between("progress.percentComplete", p.percentComplete(), 0, 100);
        c.notNegative("progress.plannedValue", p.plannedValue());
        c.notNegative("progress.earnedValue", p.earnedValue());
        c.notNegative("progress.actualCost", p.actualCost());
    }

    /** Small collector so each rule of the contract reads as one line. */
    private static final class Checks {
        final List<FieldProblem> problems = new ArrayList<>();
        private final LocalDate earliest;
        private final LocalDate latest;
        private final LocalDate latestPlan;

        Checks(LocalDate earliest, LocalDate latest, LocalDate latestPlan) {
            this.earliest = earliest;
            this.latest = latest;
            this.latestPlan = latestPlan;
        }

        /** A date of something that has happened (or is reported): not before the window, at most a year ahead. */
        void happened(String field, LocalDate date) {
            inWindow(field, date, latest, "pulse.dates.ahead");
        }

        /** A planned or forecast date: not before the window, at most the planning horizon ahead. */
        void planned(String field, LocalDate date) {
            inWindow(field, date, latestPlan, "pulse.dates.plan-ahead");
        }

        private void inWindow(String field, LocalDate date, LocalDate last, String setting) {
            if (date != null && (date.isBefore(earliest) || date.isAfter(last))) {
                add(field, "is " + date + ", outside the dates Pulse accepts: " + earliest + " to " + last
                        + " (pulse.dates.earliest, " + setting + ")");
            }
        }

        void add(String field, String message) {
            problems.add(new FieldProblem(field, message));
        }

        void required(String field, Object value) {
            if (value == null || (value instanceof String text && text.isBlank())) {
                add(field, "is required");
            }
        }

        void between(String field, Double value, double min, double max) {
            if (value == null) {
                return;
            }
            if (!Double.isFinite(value) || value < min || value > max) {
                add(field, "must be between " + plain(min) + " and " + plain(max) + ", was " + value);
            }
        }

        void notNegative(String field, Number value) {
            if (value == null) {
                return;
            }
            double v = value.doubleValue();
            if (!Double.isFinite(v)) {
                add(field, "must be a finite number");
            } else if (v < 0) {
                add(field, "may not be negative, was " + value);
            }
        }

        void order(String field, LocalDate first, LocalDate second, String firstName) {
            if (first != null && second != null && second.isBefore(first)) {
                add(field, "is " + second + ", before " + firstName + " " + first);
            }
        }

        /** Checks each element of a list: not null, id present and unique (when the items have ids), then the rest. */
        <T> void items(String list, List<T> items, Function<T, String> id, ItemCheck<T> check) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String at = list + "[" + i + "]";
                T item = items.get(i);
                if (item == null) {
                    add(at, "must be an object");
                    continue;
                }
                if (id != null) {
                    String value = id.apply(item);
                    if (value == null || value.isBlank()) {
                        add(at + ".id", "is required");
                    } else if (!seen.add(value)) {
                        add(at + ".id", "'" + value + "' appears more than once in " + list);
                    }
                }
                check.check(item, at);
            }
        }

        private static String plain(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    @FunctionalInterface
    private interface ItemCheck<T> {
        void check(T item, String at);
    }
}
