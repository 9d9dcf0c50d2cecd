package org.pmopulse.demo;

import org.pmopulse.metrics.PlannedValueCurve;
import org.pmopulse.snapshot.ChangeStatus;
import org.pmopulse.snapshot.DependencyStatus;
import org.pmopulse.snapshot.Engagement;
import org.pmopulse.snapshot.ItemStatus;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.RiskStatus;
import org.pmopulse.snapshot.Severity;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.system.PulseJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the demo portfolio: ten made-up projects over sixteen weekly snapshots each, with mixed methodologies
 * and the fates a PMO meets (healthy, recovering, slowly failing, watermelon). Seeded, so the same seed writes
 * the same files byte for byte; {@code data/demo/} holds the output of the default seed.
 *
 * <p>Each project follows a schedule-performance path chosen by its fate: earned schedule advances each week by
 * (7 days x a rate) with a little noise, earned value is read off the baseline curve at that earned schedule,
 * and cost, milestones, risks, governance and the PM's own status follow the same story.
 */
public final class DemoPortfolioGenerator {
    public static final long DEFAULT_SEED = 2026L;
    public static final LocalDate LAST_WEEK = LocalDate.of(2026, 11, 20);
    public static final int WEEKS = 16;

    enum Fate { HEALTHY, RECOVERING, SLOWLY_FAILING, WATERMELON }

    record Spec(String id, String name, Methodology methodology, Fate fate, String sponsor, LocalDate start,
                int weeks, double budget, List<String> team) {}

    static final List<Spec> PORTFOLIO = List.of(
            new Spec("ERP-2026", "ERP replacement", Methodology.WATERFALL, Fate.SLOWLY_FAILING, "M. Keller",
                    LocalDate.of(2026, 1, 5), 50, 1_200_000, List.of("a.lee", "b.novak", "c.ortiz", "d.sato")),
            new Spec("CRM-2026", "CRM rollout", Methodology.AGILE, Fate.HEALTHY, "J. Brandt",
                    LocalDate.of(2026, 3, 2), 40, 640_000, List.of("e.kim", "f.meyer", "g.rossi", "a.lee")),
            new Spec("DATALAKE", "Data lake platform", Methodology.HYBRID, Fate.RECOVERING, "M. Keller",
                    LocalDate.of(2026, 4, 6), 44, 880_000, List.of("h.jones", "i.dubois", "j.silva")),
            new Spec("MOBILE-APP", "Customer mobile app", Methodology.AGILE, Fate.WATERMELON, "S. Park",
                    LocalDate.of(2026, 5, 4), 36, 420_000, List.of("k.weber", "l.moreau", "e.kim")),
            new Spec("HR-PORTAL", "HR self-service portal", Methodology.WATERFALL, Fate.HEALTHY, "A. Nowak",
                    LocalDate.of(2026, 2, 2), 48, 310_000, List.of("m.costa", "n.berg")),
            new Spec("WAREHOUSE", "Warehouse automation", Methodology.WATERFALL, Fate.RECOVERING, "R. Olsen",
                    LocalDate.of(2026, 3, 16), 56, 2_400_000, List.of("o.ivanov", "p.haas", "q.lind", "b.novak")),
            new Spec("BILLING", "Billing engine rewrite", Methodology.HYBRID, Fate.SLOWLY_FAILING, "J. Brandt",
                    LocalDate.of(2026, 4, 20), 42, 950_000, List.of("r.young", "s.hall", "a.lee")),
            new Spec("SEC-UPGRADE", "Security upgrade", Methodology.WATERFALL, Fate.HEALTHY, "R. Olsen",
                    LocalDate.of(2026, 6, 1), 30, 260_000, List.of("t.white", "u.green")),
            new Spec("ANALYTICS", "Sales analytics", Methodology.AGILE, Fate.SLOWLY_FAILING, "S. Park",
                    LocalDate.of(2026, 5, 18), 38, 520_000, List.of("v.clark", "w.lopez", "h.jones")),
            new Spec("CLOUD-MIG", "Cloud migration", Methodology.HYBRID, Fate.WATERMELON, "A. Nowak",
                    LocalDate.of(2026, 2, 16), 52, 1_600_000, List.of("x.adams", "y.baker", "o.ivanov")));

    /** Who builds each project's integration layer, when it is bought in: one supplier serves three projects. */
    private static final Map<String, String> INTEGRATORS = Map.of("ERP-2026", "Northwind Integration",
            "BILLING", "Northwind Integration", "WAREHOUSE", "Northwind Integration", "CRM-2026", "Bluepeak Consulting",
            "CLOUD-MIG", "Bluepeak Consulting");

    private final SplittableRandom random;
    private final int weeks;

    public DemoPortfolioGenerator(long seed) {
        this(seed, WEEKS);
    }

    /**
     * A longer history for benchmarks: each project starts {@code weeks - 16} weeks earlier and lasts as much
     * longer, so every week falls inside its life.
     */
    public DemoPortfolioGenerator(long seed, int weeks) {
        this.random = new SplittableRandom(seed);
        this.weeks = weeks;
    }

    /** Every snapshot of the portfolio, project by project, oldest week first. */
    public List<Snapshot> generate() {
        List<Snapshot> all = new ArrayList<>();
        int extra = Math.max(0, weeks - WEEKS);
        for (Spec spec : PORTFOLIO) {
            Spec longer = new Spec(spec.id(), spec.name(), spec.methodology(), spec.fate(), spec.sponsor(),
                    spec.start().minusWeeks(extra), spec.weeks() + extra, spec.budget(), spec.team());
            all.addAll(new ProjectStory(longer, random.split(), weeks).weeks());
        }
        return all;
    }

    /** Writes one pretty-printed JSON file per snapshot, named {@code <projectId>_<asOf>.json}; returns the count. */
    public int write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Snapshot> snapshots = generate();
        for (Snapshot s : snapshots) {
            byte[] json = PulseJson.prettyMapper().writeValueAsBytes(s);
            Files.write(dir.resolve(s.projectId() + "_" + s.asOf() + ".json"), json);
        }
        return snapshots.size();
    }

    /** One project's sixteen weeks. */
    private static final class ProjectStory {
        private final Spec spec;
        private final SplittableRandom random;
        private final LocalDate finish;
        private final Snapshot.Baseline baseline;
        private final PlannedValueCurve curve;
        private final double plannedDays;
        private final int weeks;

        ProjectStory(Spec spec, SplittableRandom random, int weeks) {
            this.spec = spec;
            this.random = random;
            this.weeks = weeks;
            this.finish = spec.start().plusWeeks(spec.weeks());
            this.plannedDays = ChronoUnit.DAYS.between(spec.start(), finish);
            this.baseline = new Snapshot.Baseline(spec.start(), finish, spec.budget(), spec.start().plusDays(14),
                    sCurve());
            this.curve = PlannedValueCurve.of(baseline).orElseThrow();
        }

        /** Cumulative planned value at each month end: the usual S shape (smoothstep 3x^2 - 2x^3). */
        private List<Snapshot.PvPoint> sCurve() {
            List<Snapshot.PvPoint> points = new ArrayList<>();
            for (LocalDate d = spec.start().withDayOfMonth(1).plusMonths(1).minusDays(1); d.isBefore(finish);
                 d = d.plusDays(1).plusMonths(1).minusDays(1)) {
                double x = ChronoUnit.DAYS.between(spec.start(), d) / plannedDays;
                points.add(new Snapshot.PvPoint(d, (double) Math.round(spec.budget() * (3 * x * x - 2 * x * x * x))));
            }
            points.add(new Snapshot.PvPoint(finish, spec.budget()));
            return points;
        }

        List<Snapshot> weeks() {
            List<Snapshot> result = new ArrayList<>();
            LocalDate first = LAST_WEEK.minusWeeks(weeks - 1L);
            double es = ChronoUnit.DAYS.between(spec.start(), first) * startingSpiT();
            LocalDate[] milestoneDone = new LocalDate[4];
            for (int w = 0; w < weeks; w++) {
                LocalDate asOf = first.plusWeeks(w);
                double at = ChronoUnit.DAYS.between(spec.start(), asOf);
                if (w > 0) {
                    es += 7 * Math.max(0.2, rate(w) + random.nextGaussian() * 0.03);
                }
                es = Math.min(es, plannedDays);
                for (int m = 0; m < 4; m++) {
                    if (milestoneDone[m] == null && es >= milestoneDay(m)) {
                        milestoneDone[m] = asOf.minusDays(random.nextInt(0, 4));
                    }
                }
                result.add(snapshot(w, asOf, at, es, milestoneDone));
            }
            return result;
        }

        private double startingSpiT() {
            return switch (spec.fate()) {
                case HEALTHY -> 1.0;
                case RECOVERING -> 0.86;
                case SLOWLY_FAILING -> 0.96;
                case WATERMELON -> 0.8;
            };
        }

        /** Days of planned work earned per calendar day in week w. */
        private double rate(int w) {
            return switch (spec.fate()) {
                case HEALTHY -> 1.0;
                case RECOVERING -> w < 6 ? 0.8 : w < 10 ? 1.05 : 1.3;
                case SLOWLY_FAILING -> 0.95 - 0.025 * w;
                case WATERMELON -> 0.72;
            };
        }

        private double cpi(int w) {
            return switch (spec.fate()) {
                case HEALTHY -> 1.01;
                case RECOVERING -> 0.92 + 0.004 * w;
                case SLOWLY_FAILING -> 0.98 - 0.012 * w;
                case WATERMELON -> 0.9;
            };
        }

        private double milestoneDay(int m) {
            return plannedDays * new double[] {0.2, 0.45, 0.7, 0.95}[m];
        }

        private Snapshot snapshot(int w, LocalDate asOf, double at, double es, LocalDate[] milestoneDone) {
            double ev = Math.round(curve.valueAt(es));
            double pv = Math.round(curve.valueAt(at));
            double ac = Math.round(ev / (cpi(w) + random.nextGaussian() * 0.01));
            double spiT = at > 0 ? es / at : 1;
            LocalDate esFinish = spec.start().plusDays(Math.round(at + (plannedDays - es) / Math.max(spiT, 0.1)));
            boolean failing = spec.fate() == Fate.SLOWLY_FAILING;
            boolean watermelon = spec.fate() == Fate.WATERMELON;
            Phase phase = es >= plannedDays * 0.97 ? Phase.CLOSING : Phase.EXECUTION;
            return new Snapshot(spec.id(), asOf, spec.name(), spec.methodology(), phase, baseline,
                    new Snapshot.Progress(Math.round(1000 * ev / spec.budget()) / 10.0, pv, ev, ac),
                    watermelon ? finish : failing ? esFinish.minusDays(21) : esFinish,
                    pmStatus(w), spec.sponsor(),
                    milestones(asOf, spiT, milestoneDone, watermelon),
                    deliverables(w, failing),
                    risks(w, asOf),
                    issues(w, asOf),
                    changes(w, asOf),
                    List.of(new Snapshot.Decision("DEC1", "Vendor for the integration layer", spec.start().plusDays(30),
                            "sponsor office", spec.start().plusDays(60), true)),
                    resources(w),
                    dependencies(asOf),
                    List.of(new Snapshot.Stakeholder(spec.sponsor(), "sponsor",
                            failing && w > 10 ? Engagement.LOW : Engagement.HIGH,
                            asOf.minusDays(failing && w > 10 ? 30 : 5))),
                    new Snapshot.Governance(spec.start().plusDays(7), true,
                            asOf.minusDays(failing && w > 9 ? 18 + w : 3), asOf.minusDays(failing ? 40 : 12), 14,
                            spec.methodology() == Methodology.AGILE ? null : spec.start().plusDays(35),
                            spec.methodology() == Methodology.WATERFALL ? null : Boolean.TRUE,
                            spec.methodology() == Methodology.WATERFALL ? null : asOf.minusDays(failing && w > 8 ? 25 : 4)),
                    sprints(w, asOf),
                    List.of(),
                    null);
        }

        private Rag pmStatus(int w) {
            return switch (spec.fate()) {
                case HEALTHY, WATERMELON -> Rag.GREEN;
                case RECOVERING -> w < 10 ? Rag.AMBER : Rag.GREEN;
                case SLOWLY_FAILING -> w < 8 ? Rag.GREEN : w < 13 ? Rag.AMBER : Rag.RED;
            };
        }

        private List<Snapshot.Milestone> milestones(LocalDate asOf, double spiT, LocalDate[] done, boolean optimistic) {
            String[] names = {"Design signed off", "Build complete", "UAT complete", "Go-live"};
            List<Snapshot.Milestone> list = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                LocalDate planned = spec.start().plusDays(Math.round(milestoneDay(m)));
                LocalDate forecast = null;
                if (done[m] == null) {
                    long slip = optimistic ? 0 : Math.round(Math.max(0, (1 / Math.max(spiT, 0.3) - 1) * milestoneDay(m)));
                    forecast = planned.plusDays(slip);
                    if (forecast.isBefore(asOf)) {
                        forecast = optimistic ? forecast : asOf.plusDays(7);
                    }
                }
                list.add(new Snapshot.Milestone("M" + (m + 1), names[m], planned, forecast, done[m],
                        spec.team().get(m % spec.team().size())));
            }
            return list;
        }

        private List<Snapshot.Deliverable> deliverables(int w, boolean failing) {
            String[] names = {"Solution design", "Integration layer", "Data migration", "Training material", "Runbook"};
            List<Snapshot.Deliverable> list = new ArrayList<>();
            for (int d = 0; d < names.length; d++) {
                String owner = failing && w > 6 && d == 2 ? null : spec.team().get(d % spec.team().size());
                list.add(new Snapshot.Deliverable("D" + (d + 1), names[d], owner, spec.sponsor(),
                        spec.start().plusWeeks((long) spec.weeks() * (d + 1) / 6),
                        d == 0 ? ItemStatus.DONE : ItemStatus.IN_PROGRESS, d == 1 ? INTEGRATORS.get(spec.id()) : null));
            }
            return list;
        }

        private List<Snapshot.Risk> risks(int w, LocalDate asOf) {
            List<Snapshot.Risk> list = new ArrayList<>();
            String owner = spec.team().get(0);
            list.add(new Snapshot.Risk("R1", "Key supplier delivers late", 0.3, 3, owner, "Weekly supplier call",
                    RiskStatus.OPEN, asOf.minusDays(7), false));
            switch (spec.fate()) {
                case HEALTHY -> list.add(new Snapshot.Risk("R2", "Test environment shared with another project", 0.2,
                        2, owner, "Book environment slots", RiskStatus.OPEN, asOf.minusDays(10), false));
                case RECOVERING -> list.add(new Snapshot.Risk("R2", "Integration defects found late", 0.6, 4, owner,
                        "Extra integration test cycle", RiskStatus.OPEN, asOf.minusDays(w < 6 ? 35 : 6), w >= 6));
                case SLOWLY_FAILING -> {
                    list.add(new Snapshot.Risk("R2", "Requirements still changing", Math.min(0.9, 0.4 + 0.03 * w), 4,
                            owner, w > 8 ? null : "Freeze scope after design", RiskStatus.OPEN,
                            asOf.minusDays(10 + 2L * w), false));
                    if (w > 5) {
                        list.add(new Snapshot.Risk("R3", "Key developer may leave", 0.5, 5, null, null,
                                RiskStatus.OPEN, asOf.minusDays(3L * w), false));
                    }
                }
                case WATERMELON -> list.add(new Snapshot.Risk("R2", "Performance targets not met", 0.7, 4, null,
                        null, RiskStatus.OPEN, asOf.minusDays(45), false));
            }
            return list;
        }

        private List<Snapshot.Issue> issues(int w, LocalDate asOf) {
            if (spec.fate() == Fate.HEALTHY) {
                return List.of();
            }
            Severity severity = spec.fate() == Fate.SLOWLY_FAILING && w > 8 ? Severity.HIGH : Severity.MEDIUM;
            return List.of(new Snapshot.Issue("I1", "Interface specification incomplete", severity, spec.team().get(1),
                    asOf.minusDays(7L + 3 * w), spec.fate() == Fate.RECOVERING && w > 9 ? asOf.minusDays(2) : null));
        }

        private List<Snapshot.Change> changes(int w, LocalDate asOf) {
            if (spec.fate() != Fate.SLOWLY_FAILING || w < 4) {
                return List.of();
            }
            return List.of(new Snapshot.Change("CR1", "Additional reporting module", 6.0, 20, spec.budget() * 0.04,
                    ChangeStatus.APPROVED, spec.sponsor(), asOf.minusDays(7L * (w - 3))));
        }

        private List<Snapshot.Resource> resources(int w) {
            List<Snapshot.Resource> list = new ArrayList<>();
            for (int i = 0; i < spec.team().size(); i++) {
                double allocation = i == 0 ? 60 : 80;
                if (spec.fate() == Fate.SLOWLY_FAILING && i == 1 && w > 9) {
                    allocation = 120;
                }
                list.add(new Snapshot.Resource(spec.team().get(i), i == 0 ? "architect" : "engineer", allocation));
            }
            return list;
        }

        private List<Snapshot.Dependency> dependencies(LocalDate asOf) {
            return switch (spec.id()) {
                case "BILLING" -> List.of(new Snapshot.Dependency("ERP-2026", "Finance API", asOf.plusWeeks(6),
                        DependencyStatus.AT_RISK));
                case "ANALYTICS" -> List.of(new Snapshot.Dependency("DATALAKE", "Curated sales data",
                        asOf.plusWeeks(4), DependencyStatus.ON_TRACK));
                default -> List.of();
            };
        }

        private List<Snapshot.Sprint> sprints(int w, LocalDate asOf) {
            if (spec.methodology() == Methodology.WATERFALL) {
                return List.of();
            }
            List<Snapshot.Sprint> list = new ArrayList<>();
            int number = (int) (ChronoUnit.DAYS.between(spec.start(), asOf) / 14);
            for (int i = 2; i >= 0; i--) {
                LocalDate end = spec.start().plusDays(14L * (number - i));
                double committed = 40;
                double completed = switch (spec.fate()) {
                    case HEALTHY -> 38;
                    case RECOVERING -> w < 6 ? 28 : 36;
                    case SLOWLY_FAILING -> Math.max(18, 36 - w);
                    case WATERMELON -> 26;
                };
                list.add(new Snapshot.Sprint(number - i, end.minusDays(14), end, committed, completed, true,
                        spec.fate() != Fate.SLOWLY_FAILING || w < 8));
            }
            return list;
        }
    }
}
