package org.pmopulse.rules.portfolio;

import org.pmopulse.snapshot.DependencyStatus;
import org.pmopulse.snapshot.ItemStatus;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a project shares with the rest of the portfolio in a week: the people on it and their allocation, the
 * suppliers of its open deliverables, the deliverables of other projects it waits for, and its forecast finish
 * (which the projects waiting for it compare with their need-by dates). Kept with the project's line of the week
 * so the portfolio rules read a week in one document.
 */
public record Ties(LocalDate forecastFinish, List<Allocation> people, List<String> suppliers, List<Awaited> awaits) {

    /** A person's total allocation on the project, summed over their roles. */
    public record Allocation(String person, double pct) {}

    /** An open dependency on another project's deliverable. */
    public record Awaited(String onProject, String deliverable, LocalDate needBy) {}

    public static final Ties NONE = new Ties(null, List.of(), List.of(), List.of());

    public Ties {
        people = people == null ? List.of() : List.copyOf(people);
        suppliers = suppliers == null ? List.of() : List.copyOf(suppliers);
        awaits = awaits == null ? List.of() : List.copyOf(awaits);
    }

    /** @param forecastFinish the finish Pulse forecasts for the project (earned schedule, else the PM's) */
    public static Ties of(Snapshot s, LocalDate forecastFinish) {
        Map<String, Double> people = new LinkedHashMap<>();
        s.resources().forEach(r -> people.merge(r.person(), r.allocationPct() == null ? 0 : r.allocationPct(), Double::sum));
        List<String> suppliers = s.deliverables().stream()
                .filter(d -> d.status() != ItemStatus.DONE && d.status() != ItemStatus.CANCELLED)
                .map(Snapshot.Deliverable::supplier).filter(Objects::nonNull).distinct().toList();
        List<Awaited> awaits = s.dependencies().stream()
                .filter(d -> d.status() != DependencyStatus.DELIVERED)
                .map(d -> new Awaited(d.onProject(), d.deliverable(), d.needBy())).toList();
        return new Ties(forecastFinish,
                people.entrySet().stream().map(e -> new Allocation(e.getKey(), e.getValue())).toList(), suppliers, awaits);
    }
}
