package org.pmopulse.assessment;

import org.pmopulse.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The earlier weeks of a project that the rules and the forecast see: at most {@link #WEEKS}, most recent first. */
public final class HistoryWindow {
    /** How many earlier weeks the rules and the forecast see. */
    public static final int WEEKS = 8;

    private HistoryWindow() {
    }

    /** @param earlier earlier snapshots of the project, most recent first */
    public static List<Snapshot> of(List<Snapshot> earlier) {
        return earlier.stream().limit(WEEKS).toList();
    }

    /** The window of the snapshot at {@code index} among a project's snapshots in date order. */
    public static List<Snapshot> before(List<Snapshot> inDateOrder, int index) {
        List<Snapshot> earlier = new ArrayList<>(inDateOrder.subList(Math.max(0, index - WEEKS), index));
        Collections.reverse(earlier);
        return earlier;
    }
}
