package org.pmopulse.rules;

import org.pmopulse.rules.fact.DataCoverage;
import org.pmopulse.rules.fact.ProgressStaleness;
import org.pmopulse.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What data each dimension has in a snapshot ({@link DataMap}), and whether its progress figures went stale. */
public final class DataCoverages {
    /** Threshold key: weeks of unchanged progress figures after which they no longer count as data. */
    public static final String STALE_WEEKS = "data.staleProgressWeeks";

    private DataCoverages() {
    }

    /**
     * How many earlier snapshots in a row report exactly this snapshot's progress figures.
     *
     * @param earlier earlier snapshots of the project, most recent first
     */
    public static ProgressStaleness staleness(Snapshot s, List<Snapshot> earlier) {
        if (s.progress() == null || figures(s).stream().allMatch(Objects::isNull)) {
            return new ProgressStaleness(0, null);
        }
        int weeks = 0;
        Snapshot since = null;
        for (Snapshot before : earlier) {
            if (!before.asOf().isBefore(s.asOf()) || !figures(before).equals(figures(s))) {
                break;
            }
            weeks++;
            since = before;
        }
        return new ProgressStaleness(weeks, since == null ? null : since.asOf());
    }

    private static List<Double> figures(Snapshot s) {
        Snapshot.Progress p = s.progress();
        return p == null ? List.of() : java.util.Arrays.asList(p.percentComplete(), p.earnedValue(), p.actualCost());
    }

    public static List<DataCoverage> of(Snapshot s, ProgressStaleness staleness, DataMap map, Thresholds thresholds) {
        boolean stale = staleness.weeksUnchanged() >= thresholds.getInt(STALE_WEEKS);
        var required = map.required(s.methodology(), s.phase());
        List<DataCoverage> coverage = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            DataMap.Feeds feeds = map.feeds(d);
            List<String> present = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            List<String> staleItems = new ArrayList<>();
            for (DataItem item : feeds.inputs()) {
                if (!item.presentIn(s)) {
                    missing.add(item.key());
                } else if (stale && item.isProgressFigure()) {
                    staleItems.add(item.key());
                } else {
                    present.add(item.key());
                }
            }
            boolean hasData = feeds.scoredWith().stream().anyMatch(i -> present.contains(i.key()));
            coverage.add(new DataCoverage(d.key(), hasData, required.contains(d),
                    Math.round(1000.0 * present.size() / feeds.inputs().size()) / 1000.0, present, missing, staleItems));
        }
        return coverage;
    }
}
