package org.pmopulse.bench;

import org.pmopulse.demo.DemoPortfolioGenerator;
import org.pmopulse.snapshot.RelationType;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
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

    /** The demo's ERP-2026 in its latest week: a failing waterfall project with every kind of data but tasks. */
    static Snapshot erpLatestWeek() {
        return new DemoPortfolioGenerator(DemoPortfolioGenerator.DEFAULT_SEED).generate().stream()
                .filter(s -> s.projectId().equals("ERP-2026")).reduce((a, b) -> b).orElseThrow();
    }

    /**
     * {@code base} with a task network of {@code chains} parallel chains of {@code length} tasks from a start
     * milestone to a finish milestone: the tasks finished before the snapshot date done, the one under way half done.
     */
    static Snapshot withNetwork(Snapshot base, int chains, int length) {
        LocalDate asOf = base.asOf();
        LocalDate start = asOf.minusDays(60);
        List<Snapshot.Task> tasks = new ArrayList<>();
        tasks.add(new Snapshot.Task("S", "Start", start, start, start, start, 100.0, null, null, List.of(), List.of()));
        List<Snapshot.Predecessor> ends = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            String previous = "S";
            for (int i = 0; i < length; i++) {
                String id = "C" + c + "-" + i;
                LocalDate from = start.plusDays(7L * i);
                LocalDate to = from.plusDays(5 + (c % 3));
                double percent = to.isBefore(asOf) ? 100 : from.isBefore(asOf) ? 50 : 0;
                tasks.add(new Snapshot.Task(id, "Task " + id, from, to, percent > 0 ? from : null,
                        percent == 100 ? to : null, percent, null, null, List.of("p" + (c % 7)),
                        List.of(new Snapshot.Predecessor(previous, RelationType.FS, 0))));
                previous = id;
            }
            ends.add(new Snapshot.Predecessor(previous, RelationType.FS, 0));
        }
        LocalDate finish = start.plusDays(7L * length + 10);
        tasks.add(new Snapshot.Task("F", "Finish", finish, finish, null, null, 0.0, null, null, List.of(), ends));
        return new Snapshot(base.projectId(), base.asOf(), base.name(), base.methodology(), base.phase(),
                base.baseline(), base.progress(), base.forecastFinish(), base.pmStatus(), base.sponsor(),
                base.milestones(), base.deliverables(), base.risks(), base.issues(), base.changes(), base.decisions(),
                base.resources(), base.dependencies(), base.stakeholders(), base.governance(), base.sprints(), tasks,
                base.transition());
    }
}
