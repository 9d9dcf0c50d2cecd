package org.pmopulse.protrack;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What Pulse reads from a ProTrack project file ({@code .p2x}): the baseline schedule and the tracking periods,
 * as stored (durations in working hours on {@link #calendar()}).
 */
public record ProTrackFile(String name, WorkCalendar calendar, List<Activity> activities, List<Resource> resources,
                           List<Assignment> assignments, List<Relation> relations, List<Period> periods) {

    public record Activity(int id, String name, LocalDateTime baselineStart, double baselineHours, double fixedCost,
                           double costPerHour, boolean milestone) {}

    public record Resource(int id, String name, double costPerUse, double costPerHour) {}

    public record Assignment(int activityId, int resourceId, double demand) {}

    /** A precedence relation; {@code type} is ProTrack's code (0 SS, 1 SF, 2 FS, 3 FF), the lag in working hours. */
    public record Relation(int from, int to, int type, double lagHours) {}

    public record Period(int id, String name, LocalDateTime statusDate, List<Tracking> tracking) {}

    /** One activity in one period; {@code actualStart} is null while it has not started; percent is 0..1. */
    public record Tracking(int activityId, LocalDateTime actualStart, double actualHours, double actualCostDev,
                           double remainingHours, double percentComplete) {}
}
