package org.pmopulse.forecast;

import org.pmopulse.metrics.Indicators;
import org.pmopulse.schedule.ScheduleNetwork;
import org.pmopulse.snapshot.ChangeStatus;
import org.pmopulse.snapshot.RiskStatus;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features and the target of the slip model, computed by the same code at training and at inference so they
 * cannot drift apart. Only what is known on the snapshot date is used: the snapshot and earlier weeks. A feature
 * whose inputs are missing is left out; the model stands the typical value in for it.
 *
 * <p>The model learns a correction to the earned-schedule forecast {@code AT + (PD - ES)} (ES1), the strongest
 * classic forecast on real projects: its target is {@code log(real duration / ES1)}, and the forecast duration
 * is {@code ES1 x exp(prediction)}. Durations are calendar days from the baseline start.
 */
public final class SlipFeatures {
    public static final String TARGET = "log(real duration / (AT + PD - ES))";
    public static final List<String> NAMES = List.of("elapsed", "percentComplete", "spi", "cpi", "spiT", "spiTTrend",
            "logEs1", "logEs2", "pFactor", "taskHitRate", "milestoneHitRate", "networkSize", "serialParallel",
            "openHighRisks", "scopeChangePct");
    /**
     * The features that describe how this project is doing rather than what kind of project it is. The network's
     * size and shape are constant over a project: with a few dozen projects a model reads them as the project's
     * name and learns its outcome (see models/README.md, "What lost").
     */
    public static final List<String> PROGRESS = List.of("elapsed", "percentComplete", "spi", "cpi", "spiT",
            "spiTTrend", "logEs1", "logEs2", "pFactor", "taskHitRate", "milestoneHitRate");

    /**
     * How a feature is shown to a person: in words, and in the snapshot contract's units (percent 0-100, days,
     * ratios as ratios), converted from the value the model reads.
     */
    public record Meaning(String words, String unit, java.util.function.BiFunction<Double, Double, Double> shown) {
        /** @param plannedDays the planned duration, for features the model reads as a share of it */
        public double show(double value, double plannedDays) {
            return shown.apply(value, plannedDays);
        }

        public String format(double value, double plannedDays) {
            double v = show(value, plannedDays);
            return switch (unit) {
                case "%" -> String.format(java.util.Locale.ROOT, "%.0f %%", v);
                case "days" -> String.format(java.util.Locale.ROOT, "%.0f days", v);
                case "" -> Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(java.util.Locale.ROOT, "%.0f", v)
                        : String.format(java.util.Locale.ROOT, "%.2f", v);
                default -> String.format(java.util.Locale.ROOT, "%.2f %s", v, unit);
            };
        }
    }

    private static Meaning meaning(String words, String unit, java.util.function.BiFunction<Double, Double, Double> f) {
        return new Meaning(words, unit, f);
    }

    /** Every feature in words and contract units. */
    public static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            Map.entry("elapsed", meaning("time elapsed, as a share of the planned duration", "%", (v, pd) -> 100 * v)),
            Map.entry("percentComplete", meaning("percent complete (earned value / budget)", "%", (v, pd) -> 100 * v)),
            Map.entry("spi", meaning("schedule performance index (SPI = EV / PV)", "", (v, pd) -> v)),
            Map.entry("cpi", meaning("cost performance index (CPI = EV / AC)", "", (v, pd) -> v)),
            Map.entry("spiT", meaning("schedule performance in time (SPI(t) = ES / AT)", "", (v, pd) -> v)),
            Map.entry("spiTTrend", meaning("change of SPI(t) since two snapshots ago", "", (v, pd) -> v)),
            Map.entry("logEs1", meaning("earned-schedule forecast of the duration, AT + (PD - ES)", "days",
                    (v, pd) -> pd * Math.exp(v))),
            Map.entry("logEs2", meaning("earned-schedule forecast of the duration, AT + (PD - ES) / SPI(t)", "days",
                    (v, pd) -> pd * Math.exp(v))),
            Map.entry("pFactor", meaning("schedule adherence (p-factor: share of the work planned by the earned"
                    + " schedule that is done)", "%", (v, pd) -> 100 * v)),
            Map.entry("taskHitRate", meaning("tasks due that finished on time", "%", (v, pd) -> 100 * v)),
            Map.entry("milestoneHitRate", meaning("milestones due that were reached on time", "%", (v, pd) -> 100 * v)),
            Map.entry("networkSize", meaning("number of tasks", "", (v, pd) -> (double) Math.round(Math.exp(v) - 1))),
            Map.entry("serialParallel", meaning("serial/parallel indicator (1 one chain, 0 all in parallel)", "",
                    (v, pd) -> v)),
            Map.entry("openHighRisks", meaning("open high risks", "", (v, pd) -> v)),
            Map.entry("scopeChangePct", meaning("approved scope change", "%", (v, pd) -> v)));

    /** SPI(t) below this is treated as this in AT + (PD - ES) / SPI(t), which otherwise explodes early on. */
    private static final double MIN_SPI_T = 0.1;
    /** Exposure (probability x impact) from which an open risk counts as high. */
    private static final double HIGH_RISK_EXPOSURE = 2.0;

    private SlipFeatures() {
    }

    /** AT + (PD - ES): the earned-schedule forecast of the duration, in days; null when not computable. */
    public static Double es1Days(Indicators i) {
        if (i.actualTimeDays() == null || i.plannedDurationDays() == null || i.esDays() == null) {
            return null;
        }
        return i.actualTimeDays() + Math.max(0, i.plannedDurationDays() - i.esDays());
    }

    /** AT + (PD - ES) / SPI(t), with SPI(t) at least {@value #MIN_SPI_T}; null when not computable. */
    public static Double es2Days(Indicators i) {
        if (i.actualTimeDays() == null || i.plannedDurationDays() == null || i.esDays() == null || i.spiT() == null) {
            return null;
        }
        return i.actualTimeDays() + Math.max(0, i.plannedDurationDays() - i.esDays()) / Math.max(MIN_SPI_T, i.spiT());
    }

    /** Whether a snapshot can be forecast: a baseline with a duration, time elapsed and earned schedule. */
    public static boolean forecastable(Indicators i) {
        Double es1 = es1Days(i);
        return es1 != null && es1 > 0 && i.plannedDurationDays() > 0 && i.actualTimeDays() > 0;
    }

    /**
     * @param history indicators of earlier snapshots of the same project, most recent first
     */
    public static Map<String, Double> extract(Snapshot s, Indicators now, List<Indicators> history) {
        Map<String, Double> f = new LinkedHashMap<>();
        Double pd = now.plannedDurationDays();
        Double at = now.actualTimeDays();
        if (pd != null && pd > 0 && at != null) {
            put(f, "elapsed", at / pd);
            Double es1 = es1Days(now);
            Double es2 = es2Days(now);
            put(f, "logEs1", es1 == null || es1 <= 0 ? null : Math.log(es1 / pd));
            put(f, "logEs2", es2 == null || es2 <= 0 ? null : Math.log(es2 / pd));
        }
        put(f, "percentComplete", now.percentComplete() == null ? null : now.percentComplete() / 100);
        put(f, "spi", cap(now.spi()));
        put(f, "cpi", cap(now.cpi()));
        put(f, "spiT", cap(now.spiT()));
        Indicators back = history.isEmpty() ? null : history.get(Math.min(1, history.size() - 1));
        if (now.spiT() != null && back != null && back.spiT() != null) {
            put(f, "spiTTrend", cap(now.spiT()) - cap(back.spiT()));
        }
        if (!s.tasks().isEmpty()) {
            put(f, "pFactor", pFactor(s, now));
            put(f, "taskHitRate", taskHitRate(s));
            put(f, "networkSize", Math.log(1 + s.tasks().size()));
            put(f, "serialParallel", serialParallel(s));
        }
        put(f, "milestoneHitRate", milestoneHitRate(s));
        put(f, "openHighRisks", (double) s.risks().stream().filter(r -> r.status() != RiskStatus.CLOSED
                && r.probability() != null && r.impact() != null
                && r.probability() * r.impact() >= HIGH_RISK_EXPOSURE).count());
        put(f, "scopeChangePct", s.changes().stream()
                .filter(c -> c.status() == ChangeStatus.APPROVED || c.status() == ChangeStatus.IMPLEMENTED)
                .mapToDouble(c -> c.scopeImpactPct() == null ? 0 : c.scopeImpactPct()).sum());
        return f;
    }

    /**
     * Schedule adherence (Lipke's p-factor) with task durations as weights: of the work planned by the earned
     * schedule date, the share done. 1 means the work is being done in the planned order.
     */
    static Double pFactor(Snapshot s, Indicators now) {
        if (s.baseline() == null || s.baseline().start() == null || now.esDays() == null) {
            return null;
        }
        LocalDate esDate = s.baseline().start().plusDays(Math.round(now.esDays()));
        double planned = 0;
        double adherent = 0;
        for (Snapshot.Task t : s.tasks()) {
            if (t.baselineStart() == null || t.baselineFinish() == null) {
                continue;
            }
            double duration = Math.max(1, ChronoUnit.DAYS.between(t.baselineStart(), t.baselineFinish()));
            double plannedShare = Math.max(0, Math.min(1, ChronoUnit.DAYS.between(t.baselineStart(), esDate) / duration));
            double doneShare = t.percentComplete() == null ? 0 : t.percentComplete() / 100;
            planned += plannedShare * duration;
            adherent += Math.min(plannedShare, doneShare) * duration;
        }
        return planned == 0 ? null : adherent / planned;
    }

    /** Of the tasks due by the snapshot date, the share finished by their baseline finish. */
    static Double taskHitRate(Snapshot s) {
        List<Snapshot.Task> due = s.tasks().stream()
                .filter(t -> t.baselineFinish() != null && !t.baselineFinish().isAfter(s.asOf())).toList();
        if (due.isEmpty()) {
            return null;
        }
        return due.stream().filter(t -> t.finish() != null && !t.finish().isAfter(t.baselineFinish())).count()
                / (double) due.size();
    }

    static Double milestoneHitRate(Snapshot s) {
        List<Snapshot.Milestone> due = s.milestones().stream()
                .filter(m -> m.baselineDate() != null && !m.baselineDate().isAfter(s.asOf())).toList();
        if (due.isEmpty()) {
            return null;
        }
        return due.stream().filter(m -> m.actualDate() != null && !m.actualDate().isAfter(m.baselineDate())).count()
                / (double) due.size();
    }

    /**
     * The serial/parallel indicator SP = (m - 1) / (n - 1), with m the number of tasks on the longest chain of
     * predecessors: 1 for a single chain, near 0 for tasks all in parallel.
     */
    static Double serialParallel(Snapshot s) {
        if (s.tasks().size() < 2) {
            return null;
        }
        int longest = ScheduleNetwork.of(s.tasks(), s.asOf()).longestChain();
        return (longest - 1) / (double) (s.tasks().size() - 1);
    }

    private static Double cap(Double ratio) {
        return ratio == null ? null : Math.min(3, Math.max(0, ratio));
    }

    private static void put(Map<String, Double> features, String name, Double value) {
        if (value != null && Double.isFinite(value)) {
            features.put(name, value);
        }
    }
}
