package org.pmopulse.metrics;

import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The baseline's cumulative planned value as a piecewise-linear function of days since the baseline start.
 * Built from the given points, anchored at (start, 0) and, when the budget is known, at (finish, budget):
 * with no points at all the curve is the straight line from start to finish.
 */
public final class PlannedValueCurve {
    private final double[] days;
    private final double[] values;

    private PlannedValueCurve(double[] days, double[] values) {
        this.days = days;
        this.values = values;
    }

    /** The curve of a baseline, or empty when the baseline has no start or too few points to draw a line. */
    public static Optional<PlannedValueCurve> of(Snapshot.Baseline baseline) {
        if (baseline == null || baseline.start() == null) {
            return Optional.empty();
        }
        LocalDate start = baseline.start();
        List<Snapshot.PvPoint> points = new ArrayList<>(baseline.plannedValueCurve().stream()
                .filter(Objects::nonNull)
                .filter(p -> p.date() != null && p.pv() != null && !p.date().isBefore(start))
                .sorted(Comparator.comparing(Snapshot.PvPoint::date))
                .toList());
        if (points.isEmpty() || points.get(0).date().isAfter(start)) {
            points.add(0, new Snapshot.PvPoint(start, 0.0));
        }
        Snapshot.PvPoint last = points.get(points.size() - 1);
        if (baseline.finish() != null && baseline.budget() != null && baseline.finish().isAfter(last.date())
                && baseline.budget() >= last.pv()) {
            points.add(new Snapshot.PvPoint(baseline.finish(), baseline.budget()));
        }
        if (points.size() < 2) {
            return Optional.empty();
        }
        double[] d = new double[points.size()];
        double[] v = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            d[i] = ChronoUnit.DAYS.between(start, points.get(i).date());
            v[i] = points.get(i).pv();
        }
        return Optional.of(new PlannedValueCurve(d, v));
    }

    /** Planned value at a number of days after the baseline start; flat before the first and after the last point. */
    public double valueAt(double day) {
        if (day <= days[0]) {
            return values[0];
        }
        for (int i = 1; i < days.length; i++) {
            if (day <= days[i]) {
                double share = (day - days[i - 1]) / (days[i] - days[i - 1]);
                return values[i - 1] + share * (values[i] - values[i - 1]);
            }
        }
        return values[values.length - 1];
    }

    /**
     * Earned schedule, Lipke's ES = C + I: C is the last day by which the baseline planned at most
     * {@code earnedValue} (across a flat stretch of the curve, where no work was planned, that is the stretch's
     * last day), I the share of the next segment that {@code earnedValue} covers, interpolated linearly. So a
     * project that earned its whole budget has ES = PD, and earned value equal to planned value on a flat stretch
     * puts ES at the stretch's end, not its start.
     */
    public double earnedScheduleDays(double earnedValue) {
        int last = 0; // the last point whose planned value is at most the earned value
        for (int i = 1; i < values.length && values[i] <= earnedValue; i++) {
            last = i;
        }
        if (earnedValue < values[0]) {
            return days[0];
        }
        if (last == values.length - 1) {
            return days[last];
        }
        double share = (earnedValue - values[last]) / (values[last + 1] - values[last]);
        return days[last] + share * (days[last + 1] - days[last]);
    }

    /** Total planned value at the end of the curve. */
    public double total() {
        return values[values.length - 1];
    }
}
