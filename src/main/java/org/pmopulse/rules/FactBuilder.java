package org.pmopulse.rules;

import org.pmopulse.metrics.Indicators;
import org.pmopulse.rules.fact.ChangeFact;
import org.pmopulse.rules.fact.DecisionFact;
import org.pmopulse.rules.fact.DeliverableFact;
import org.pmopulse.rules.fact.DependencyFact;
import org.pmopulse.rules.fact.GovernanceFact;
import org.pmopulse.rules.fact.IssueFact;
import org.pmopulse.rules.fact.MilestoneFact;
import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.rules.fact.PastRisk;
import org.pmopulse.rules.fact.PastWeek;
import org.pmopulse.rules.fact.PersonLoad;
import org.pmopulse.rules.fact.ProjectFact;
import org.pmopulse.rules.fact.RiskFact;
import org.pmopulse.rules.fact.SprintFact;
import org.pmopulse.rules.fact.StakeholderFact;
import org.pmopulse.rules.fact.TeamChange;
import org.pmopulse.rules.fact.TransitionFact;
import org.pmopulse.snapshot.ItemStatus;
import org.pmopulse.snapshot.RiskStatus;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the immutable facts a rule session sees from a snapshot, its indicators, the weeks before and what is
 * known of the projects it depends on. Everything derived (ages in days, exposures, totals, week-over-week
 * changes, the schedule network measures) is computed here once, in plain Java, so the rules stay short and
 * compare numbers with thresholds.
 */
public final class FactBuilder {
    private FactBuilder() {
    }

    /** An earlier week of the same project as the rules see it. */
    public record Week(Snapshot snapshot, Indicators indicators) {}

    /**
     * @param history earlier weeks of the same project, most recent first
     * @param others  the projects this one depends on, as Pulse last assessed them
     */
    public static List<Object> facts(Snapshot s, Indicators indicators, List<Week> history, List<OtherProject> others) {
        LocalDate asOf = s.asOf();
        Snapshot previous = history.isEmpty() ? null : history.get(0).snapshot();
        List<Object> facts = new ArrayList<>();
        Snapshot.Baseline b = s.baseline();
        facts.add(new ProjectFact(s.projectId(), asOf, s.methodology(), s.phase(),
                previous == null ? null : previous.phase(), s.pmStatus(),
                b == null ? null : b.start(), b == null ? null : b.finish(), b == null ? null : b.approvedOn(),
                b == null ? null : b.budget(), s.forecastFinish(), indicators.esForecastFinish(),
                b != null && b.start() != null));
        facts.add(indicators);
        for (int i = 0; i < history.size(); i++) {
            Week week = history.get(i);
            Indicators past = week.indicators();
            facts.add(new PastWeek(i + 1, week.snapshot().asOf(), week.snapshot().phase(), past.spi(), past.spiT(),
                    past.cpi(), past.svtDays(), openExposure(week.snapshot())));
            for (Snapshot.Risk r : week.snapshot().risks()) {
                facts.add(new PastRisk(i + 1, r.id(), exposure(r), r.status() != RiskStatus.CLOSED,
                        Boolean.TRUE.equals(r.escalated())));
            }
        }
        facts.add(governance(s.governance(), asOf));
        milestones(s, previous, facts);
        for (Snapshot.Deliverable d : s.deliverables()) {
            boolean open = d.status() != ItemStatus.DONE && d.status() != ItemStatus.CANCELLED;
            facts.add(new DeliverableFact(d.id(), d.name(), d.owner(), d.accountable(), d.dueDate(), d.status(), open));
        }
        for (Snapshot.Risk r : s.risks()) {
            facts.add(new RiskFact(r.id(), r.title(), r.probability(), r.impact(), exposure(r), r.owner(),
                    r.mitigation(), r.status() != RiskStatus.CLOSED, days(r.lastReviewed(), asOf),
                    Boolean.TRUE.equals(r.escalated())));
        }
        for (Snapshot.Issue i : s.issues()) {
            facts.add(new IssueFact(i.id(), i.title(), i.severity(), i.owner(), i.resolved() == null,
                    days(i.opened(), i.resolved() != null ? i.resolved() : asOf)));
        }
        for (Snapshot.Change c : s.changes()) {
            facts.add(new ChangeFact(c.id(), c.summary(), c.status(), c.scopeImpactPct(), c.decidedBy(), c.decidedOn(),
                    days(c.decidedOn(), asOf)));
        }
        for (Snapshot.Decision d : s.decisions()) {
            boolean done = Boolean.TRUE.equals(d.done());
            int overdue = done || d.followUpDue() == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(d.followUpDue(), asOf));
            facts.add(new DecisionFact(d.id(), d.summary(), d.owner(), d.followUpDue(), done, overdue));
        }
        for (Snapshot.Stakeholder st : s.stakeholders()) {
            facts.add(new StakeholderFact(st.name(), st.role(), st.engagement(), days(st.lastContact(), asOf),
                    st.role() != null && st.role().toLowerCase(Locale.ROOT).contains("sponsor")));
        }
        for (Snapshot.Dependency d : s.dependencies()) {
            facts.add(new DependencyFact(d.onProject(), d.deliverable(), d.needBy(), d.status(), days(asOf, d.needBy())));
        }
        facts.addAll(others);
        sprints(s.sprints(), facts);
        facts.addAll(personLoads(s.resources()));
        if (previous != null && !previous.resources().isEmpty()) {
            facts.add(teamChange(previous.resources(), s.resources()));
        }
        if (s.transition() != null) {
            Snapshot.Transition t = s.transition();
            facts.add(new TransitionFact(t.goLive(), t.goLive() != null && !t.goLive().isAfter(asOf), t.adoptionPct(),
                    t.adoptionTargetPct(), t.openIncidents(),
                    previous == null || previous.transition() == null ? null : previous.transition().openIncidents()));
        }
        facts.addAll(ScheduleChecks.facts(s));
        return facts;
    }

    private static GovernanceFact governance(Snapshot.Governance g, LocalDate asOf) {
        return g == null ? new GovernanceFact(null, null, null, null, null, null, null, null)
                : new GovernanceFact(g.charterApprovedOn(), g.raciDefined(), days(g.lastStatusReport(), asOf),
                days(g.lastSteeringMeeting(), asOf), g.riskReviewCadenceDays(), g.requirementsSignedOffOn(),
                g.definitionOfDoneAgreed(), days(g.lastBacklogRefinement(), asOf));
    }

    private static void milestones(Snapshot s, Snapshot previous, List<Object> facts) {
        Map<String, LocalDate> lastForecast = new LinkedHashMap<>();
        if (previous != null) {
            previous.milestones().forEach(m -> lastForecast.put(m.id(), m.forecastDate()));
        }
        for (Snapshot.Milestone m : s.milestones()) {
            LocalDate expected = m.actualDate() != null ? m.actualDate() : m.forecastDate();
            Integer slip = m.baselineDate() == null || expected == null ? null : days(m.baselineDate(), expected);
            boolean done = m.actualDate() != null;
            int overdue = done || m.baselineDate() == null ? 0 : Math.max(0, days(m.baselineDate(), s.asOf()));
            LocalDate before = lastForecast.get(m.id());
            Integer moved = done || before == null || m.forecastDate() == null ? null : days(before, m.forecastDate());
            facts.add(new MilestoneFact(m.id(), m.name(), m.baselineDate(), m.forecastDate(), m.actualDate(),
                    m.owner(), slip, overdue, done, moved));
        }
    }

    /** Sprints newest first: recency 0 is the latest by end date. */
    private static void sprints(List<Snapshot.Sprint> sprints, List<Object> facts) {
        List<Snapshot.Sprint> newestFirst = sprints.stream()
                .sorted(Comparator.comparing(Snapshot.Sprint::end, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
        for (int i = 0; i < newestFirst.size(); i++) {
            Snapshot.Sprint sp = newestFirst.get(i);
            Double committed = sp.committedPoints();
            Double completed = sp.completedPoints();
            Double reliability = committed == null || completed == null || committed == 0 ? null
                    : Math.round(1000 * completed / committed) / 1000.0;
            Double carryOver = committed == null || completed == null ? null : Math.max(0, committed - completed);
            facts.add(new SprintFact(sp.number(), i, sp.start(), sp.end(),
                    sp.start() == null || sp.end() == null ? null : days(sp.start(), sp.end()), committed, completed,
                    reliability, carryOver, !Boolean.FALSE.equals(sp.reviewHeld()), !Boolean.FALSE.equals(sp.retroHeld())));
        }
    }

    private static List<PersonLoad> personLoads(List<Snapshot.Resource> resources) {
        Map<String, Double> totals = new LinkedHashMap<>();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (Snapshot.Resource r : resources) {
            totals.merge(r.person(), r.allocationPct() == null ? 0 : r.allocationPct(), Double::sum);
            List<String> personRoles = roles.computeIfAbsent(r.person(), p -> new ArrayList<>());
            if (r.role() != null) {
                personRoles.add(r.role());
            }
        }
        return totals.entrySet().stream()
                .map(e -> new PersonLoad(e.getKey(), e.getValue(), List.copyOf(roles.get(e.getKey()))))
                .toList();
    }

    private static TeamChange teamChange(List<Snapshot.Resource> before, List<Snapshot.Resource> now) {
        Set<String> was = people(before);
        Set<String> is = people(now);
        List<String> joined = is.stream().filter(p -> !was.contains(p)).toList();
        List<String> left = was.stream().filter(p -> !is.contains(p)).toList();
        return new TeamChange(was.size(), joined, left,
                Math.round(1000.0 * (joined.size() + left.size()) / was.size()) / 10.0);
    }

    private static Set<String> people(List<Snapshot.Resource> resources) {
        Set<String> people = new LinkedHashSet<>();
        resources.stream().map(Snapshot.Resource::person).filter(Objects::nonNull).forEach(people::add);
        return people;
    }

    private static double openExposure(Snapshot s) {
        return Math.round(100 * s.risks().stream().filter(r -> r.status() != RiskStatus.CLOSED)
                .map(FactBuilder::exposure).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum()) / 100.0;
    }

    private static Double exposure(Snapshot.Risk r) {
        return r.probability() == null || r.impact() == null ? null : Math.round(r.probability() * r.impact() * 100) / 100.0;
    }

    private static Integer days(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : (int) ChronoUnit.DAYS.between(from, to);
    }
}
