package org.pmopulse.forecast.training;

import org.pmopulse.forecast.SlipFeatures;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.metrics.Indicators;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A finished project: its snapshots and the day it really finished, which is what the slip model learns from.
 * Each snapshot becomes a {@link TrainingRow} with features from that snapshot and the ones before it only.
 */
public record ClosedProject(String projectId, List<Snapshot> snapshots, LocalDate realFinish) {

    public ClosedProject {
        snapshots = snapshots.stream().sorted(Comparator.comparing(Snapshot::asOf)).toList();
    }

    /** The rows of the snapshots that can be forecast (a baseline, time elapsed, an earned schedule). */
    public List<TrainingRow> rows() {
        List<TrainingRow> rows = new ArrayList<>();
        List<Indicators> history = new ArrayList<>(); // most recent first
        for (Snapshot s : snapshots) {
            Indicators now = EarnedValue.of(s);
            if (SlipFeatures.forecastable(now) && s.baseline().start() != null) {
                double real = ChronoUnit.DAYS.between(s.baseline().start(), realFinish);
                if (real > 0) {
                    rows.add(new TrainingRow(projectId, s.asOf(), now.percentComplete() == null ? 0 : now.percentComplete(),
                            now.plannedDurationDays(), now.actualTimeDays(), now.esDays(), now.spiT(),
                            SlipFeatures.es1Days(now), SlipFeatures.es2Days(now), real,
                            SlipFeatures.extract(s, now, List.copyOf(history))));
                }
            }
            history.add(0, now);
        }
        return rows;
    }
}
