package org.pmopulse.bench;

import org.pmopulse.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/** Larger portfolios for the benchmarks: copies of the demo projects under new ids. */
final class BenchData {
    private BenchData() {
    }

    /**
     * {@code copies} copies of every snapshot, the projects renamed {@code <id>-0}, {@code <id>-1}, ..., and with
     * them the people and the projects depended on, so each copy is a portfolio of its own as in the demo (people
     * shared by a few projects); the suppliers stay shared by all copies, the heaviest case for the portfolio rules.
     */
    static List<Snapshot> copies(List<Snapshot> base, int copies) {
        List<Snapshot> all = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            int suffix = copy;
            for (Snapshot s : base) {
                all.add(new Snapshot(s.projectId() + "-" + copy, s.asOf(), s.name(), s.methodology(), s.phase(),
                        s.baseline(), s.progress(), s.forecastFinish(), s.pmStatus(), s.sponsor(), s.milestones(),
                        s.deliverables(), s.risks(), s.issues(), s.changes(), s.decisions(),
                        s.resources().stream().map(r -> new Snapshot.Resource(r.person() + "-" + suffix, r.role(),
                                r.allocationPct())).toList(),
                        s.dependencies().stream().map(d -> new Snapshot.Dependency(d.onProject() + "-" + suffix,
                                d.deliverable(), d.needBy(), d.status())).toList(),
                        s.stakeholders(), s.governance(), s.sprints(), s.tasks(), s.transition()));
            }
        }
        return all;
    }
}
