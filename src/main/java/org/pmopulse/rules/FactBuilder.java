package org.pmopulse.rules;

import org.pmopulse.metrics.Indicators;
import org.pmopulse.rules.fact.DeliverableFact;
import org.pmopulse.rules.fact.GovernanceFact;
import org.pmopulse.rules.fact.MilestoneFact;
import org.pmopulse.rules.fact.PastWeek;
import org.pmopulse.rules.fact.PersonLoad;
import org.pmopulse.rules.fact.ProjectFact;
import org.pmopulse.rules.fact.RiskFact;
import org.pmopulse.snapshot.ItemStatus;
import org.pmopulse.snapshot.RiskStatus;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the immutable facts a rule session sees from a snapshot, its indicators and the weeks before.
 * Everything derived (ages in days, exposures, totals) is computed here once, in plain Java, so the rules stay
 * short and compare numbers with thresholds.
 */
public final class FactBuilder {
    private FactBuilder() {
    }

    /** A past week as the rules see it. */
    public record Week(LocalDate asOf, Indicators indicators) {}

    /**
     * @param history earlier weeks of the same project, most recent first
     */
    public static List<Object> facts(Snapshot s, Indicators indicators, List<Week> history) {
        LocalDate asOf = s.asOf();
        List<Object> facts = new ArrayList<>();
        Snapshot.Baseline b = s.baseline();
        facts.add(new ProjectFact(s.projectId(), asOf, s.methodology(), s.phase(), s.pmStatus(),
                b == null ? null : b.start(), b == null ? null : b.finish(), b == null ? null : b.approvedOn(),
                b == null ? null : b.budget(), s.forecastFinish(), b != null && b.start() != null));
        facts.add(indicators);
        for (int i = 0; i < history.size(); i++) {
            Indicators past = history.get(i).indicators();
            facts.add(new PastWeek(i + 1, history.get(i).asOf(), past.spi(), past.spiT(), past.cpi(), past.svtDays()));
        }
        Snapshot.Governance g = s.governance();
        facts.add(g == null ? new GovernanceFact(null, null, null, null, null)
                : new GovernanceFact(g.charterApprovedOn(), g.raciDefined(), daysSince(g.lastStatusReport(), asOf),
                daysSince(g.lastSteeringMeeting(), asOf), g.riskReviewCadenceDays()));
        for (Snapshot.Milestone m : s.milestones()) {
            LocalDate expected = m.actualDate() != null ? m.actualDate() : m.forecastDate();
            Integer slip = m.baselineDate() == null || expected == null ? null
                    : (int) ChronoUnit.DAYS.between(m.baselineDate(), expected);
            boolean done = m.actualDate() != null;
            int overdue = done || m.baselineDate() == null ? 0
                    : (int) Math.max(0, ChronoUnit.DAYS.between(m.baselineDate(), asOf));
            facts.add(new MilestoneFact(m.id(), m.name(), m.baselineDate(), m.forecastDate(), m.actualDate(),
                    m.owner(), slip, overdue, done));
        }
        for (Snapshot.Deliverable d : s.deliverables()) {
            boolean open = d.status() != ItemStatus.DONE && d.status() != ItemStatus.CANCELLED;
            facts.add(new DeliverableFact(d.id(), d.name(), d.owner(), d.accountable(), d.dueDate(), d.status(), open));
        }
        for (Snapshot.Risk r : s.risks()) {
            Double exposure = r.probability() == null || r.impact() == null ? null
                    : Math.round(r.probability() * r.impact() * 100) / 100.0;
            facts.add(new RiskFact(r.id(), r.title(), r.probability(), r.impact(), exposure, r.owner(),
                    r.mitigation(), r.status() != RiskStatus.CLOSED, daysSince(r.lastReviewed(), asOf),
                    Boolean.TRUE.equals(r.escalated())));
        }
        facts.addAll(personLoads(s.resources()));
        return facts;
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

    private static Integer daysSince(LocalDate date, LocalDate asOf) {
        return date == null ? null : (int) ChronoUnit.DAYS.between(date, asOf);
    }
}
