package org.pmopulse.forecast.training;

import org.pmopulse.protrack.ProTrackFile;
import org.pmopulse.protrack.ProTrackProject;
import org.pmopulse.protrack.WorkCalendar;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulated executions of a real project's baseline network, tracked period by period the way the real file was,
 * written as ProTrack tracking records and converted by the same {@link ProTrackProject} as the real files, so the
 * simulated snapshots carry the same quirks (fixed costs at an activity's start, calendar, ISO weeks).
 *
 * <p>An execution draws one systematic factor for the whole project (lognormal, median {@code systematicMedian},
 * log-sd {@code systematicSigma}: the project as a whole runs slow or fast) and one random factor per activity
 * (lognormal, median 1, log-sd {@code randomSigma}); an activity's duration is its baseline hours times both.
 * Activities start as soon as their precedence relations (SS, SF, FS, FF with lags, in working hours) allow, but
 * never before their baseline start (crews are booked for the plan). The status dates follow the real file's
 * cadence (its median gap between periods, at its time of day) until the simulated project has finished.
 * Everything is drawn from a {@link SplittableRandom} seeded from the settings' seed and the run's index, so the
 * same settings give the same executions on any machine and in any order.
 */
public final class Simulation {
    /** @param runs simulated executions per real network */
    public record Settings(long seed, int runs, double systematicMedian, double systematicSigma, double randomSigma) {
        public static final Settings DEFAULT = new Settings(2015L, 40, 1.05, 0.15, 0.30);

        public Settings withRuns(int n) {
            return new Settings(seed, n, systematicMedian, systematicSigma, randomSigma);
        }

        public Map<String, Object> describe() {
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("seed", seed);
            d.put("runsPerProject", runs);
            d.put("systematicFactor", "lognormal, median " + systematicMedian + ", log-sd " + systematicSigma);
            d.put("activityFactor", "lognormal, median 1, log-sd " + randomSigma);
            d.put("start", "as soon as the precedence relations allow, never before the baseline start");
            d.put("tracking", "the real file's median period gap, until finished; converted by ProTrackProject");
            return d;
        }
    }

    private Simulation() {
    }

    /** The {@code settings.runs()} simulated executions of {@code real}'s network, each a finished project. */
    public static List<ClosedProject> executions(ProTrackProject real, Settings settings) {
        List<ClosedProject> runs = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            long seed = settings.seed() * 1_000_003L + real.projectId().hashCode() * 7919L + run;
            ProTrackFile file = execute(real.file(), new SplittableRandom(seed), settings);
            ProTrackProject simulated = new ProTrackProject(file, real.projectId());
            runs.add(new ClosedProject(real.projectId(), simulated.snapshots(), simulated.realFinish()));
        }
        return runs;
    }

    /** One execution of the file's baseline, tracked at the file's cadence. */
    static ProTrackFile execute(ProTrackFile file, SplittableRandom random, Settings s) {
        List<ProTrackFile.Activity> activities = file.activities();
        int n = activities.size();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(activities.get(i).id(), i);
        }
        LocalDateTime start = activities.stream().map(ProTrackFile.Activity::baselineStart)
                .min(Comparator.naturalOrder()).orElseThrow();
        HourAxis axis = new HourAxis(file.calendar(), start);

        double systematic = s.systematicMedian() * Math.exp(s.systematicSigma() * random.nextGaussian());
        double[] duration = new double[n];
        double[] earliest = new double[n];
        for (int i = 0; i < n; i++) {
            ProTrackFile.Activity a = activities.get(i);
            double factor = systematic * Math.exp(s.randomSigma() * random.nextGaussian());
            duration[i] = Math.max(0, a.baselineHours() * factor);
            earliest[i] = Math.max(0, axis.hoursTo(a.baselineStart()));
        }
        double[] begin = schedule(file.relations(), index, duration, earliest);
        double finish = 0;
        for (int i = 0; i < n; i++) {
            finish = Math.max(finish, begin[i] + duration[i]);
        }

        List<LocalDateTime> statusDates = statusDates(file, start, axis.at(finish));
        List<ProTrackFile.Period> periods = new ArrayList<>();
        int id = 1;
        for (LocalDateTime status : statusDates) {
            double now = axis.hoursTo(status);
            List<ProTrackFile.Tracking> tracking = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ProTrackFile.Activity a = activities.get(i);
                if (begin[i] > now || (begin[i] == now && duration[i] > 0)) {
                    tracking.add(new ProTrackFile.Tracking(a.id(), null, 0, 0, a.baselineHours(), 0));
                    continue;
                }
                double done = Math.min(duration[i], now - begin[i]);
                double percent = duration[i] <= 0 ? 1 : done >= duration[i] ? 1 : done / duration[i];
                tracking.add(new ProTrackFile.Tracking(a.id(), axis.at(begin[i]), done, 0, duration[i] - done, percent));
            }
            periods.add(new ProTrackFile.Period(id, "S" + id, status, tracking));
            id++;
        }
        return new ProTrackFile(file.name(), file.calendar(), activities, file.resources(), file.assignments(),
                file.relations(), periods);
    }

    /**
     * Earliest starts in working hours: each activity at its earliest allowed hour or later as its incoming
     * relations require (ProTrack codes 0 SS, 1 SF, 2 FS, 3 FF), in topological order; a cycle is relaxed a few
     * rounds instead.
     */
    static double[] schedule(List<ProTrackFile.Relation> relations, Map<Integer, Integer> index, double[] duration,
                             double[] earliest) {
        int n = duration.length;
        List<List<ProTrackFile.Relation>> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(new ArrayList<>());
        }
        int[] indegree = new int[n];
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (ProTrackFile.Relation r : relations) {
            Integer from = index.get(r.from());
            Integer to = index.get(r.to());
            if (from != null && to != null && !from.equals(to)) {
                in.get(to).add(r);
                out.get(from).add(to);
                indegree[to]++;
            }
        }
        List<Integer> order = new ArrayList<>();
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(i);
            for (int j : out.get(i)) {
                if (--indegree[j] == 0) {
                    ready.add(j);
                }
            }
        }
        int rounds = order.size() == n ? 1 : n; // a cycle: relax until stable
        List<Integer> sequence = order.size() == n ? order : java.util.stream.IntStream.range(0, n).boxed().toList();
        double[] begin = Arrays.copyOf(earliest, n);
        for (int round = 0; round < rounds; round++) {
            boolean changed = false;
            for (int i : sequence) {
                double b = earliest[i];
                for (ProTrackFile.Relation r : in.get(i)) {
                    int from = index.get(r.from());
                    double lag = r.lagHours();
                    b = Math.max(b, switch (r.type()) {
                        case 0 -> begin[from] + lag;
                        case 1 -> begin[from] + lag - duration[i];
                        case 3 -> begin[from] + duration[from] + lag - duration[i];
                        default -> begin[from] + duration[from] + lag;
                    });
                }
                changed |= b != begin[i];
                begin[i] = b;
            }
            if (!changed && round > 0) {
                break;
            }
        }
        return begin;
    }

    /**
     * The status dates: the real file's first status date's offset from the start when it is within the
     * simulated project, then the real file's median gap, at its time of day, until one on or after the finish.
     */
    static List<LocalDateTime> statusDates(ProTrackFile file, LocalDateTime start, LocalDateTime finish) {
        List<LocalDateTime> real = file.periods().stream().map(ProTrackFile.Period::statusDate).sorted().toList();
        long gap = 30;
        LocalDateTime first = start.toLocalDate().plusDays(gap).atTime(17, 0);
        if (!real.isEmpty()) {
            long[] gaps = new long[Math.max(0, real.size() - 1)];
            for (int i = 1; i < real.size(); i++) {
                gaps[i - 1] = ChronoUnit.DAYS.between(real.get(i - 1).toLocalDate(), real.get(i).toLocalDate());
            }
            Arrays.sort(gaps);
            gap = gaps.length == 0 ? 30 : Math.max(1, gaps[gaps.length / 2]);
            long firstOffset = Math.max(1, ChronoUnit.DAYS.between(start.toLocalDate(), real.get(0).toLocalDate()));
            first = start.toLocalDate().plusDays(Math.min(firstOffset, gap)).atTime(real.get(0).toLocalTime());
        }
        List<LocalDateTime> dates = new ArrayList<>();
        for (LocalDateTime d = first; ; d = d.plusDays(gap)) {
            dates.add(d);
            if (!d.isBefore(finish) || dates.size() > 2000) {
                break;
            }
        }
        return dates;
    }

    /** Working hours from the start, both ways, through a table of the working hours' starts (fast to look up). */
    static final class HourAxis {
        private final WorkCalendar calendar;
        private final LocalDateTime start;
        private final List<LocalDateTime> hourStarts = new ArrayList<>();
        private LocalDateTime scanned;

        HourAxis(WorkCalendar calendar, LocalDateTime start) {
            this.calendar = calendar;
            this.start = start;
            this.scanned = start.truncatedTo(ChronoUnit.HOURS);
        }

        /** The moment {@code hours} working hours after the start, as {@link WorkCalendar#plusWorkingHours}. */
        LocalDateTime at(double hours) {
            if (hours <= 0) {
                return start;
            }
            int whole = (int) Math.ceil(hours) - 1;
            while (hourStarts.size() <= whole) {
                if (calendar.isWorking(scanned)) {
                    hourStarts.add(scanned);
                }
                scanned = scanned.plusHours(1);
            }
            return hourStarts.get(whole).plusMinutes(Math.round((hours - whole) * 60));
        }

        double hoursTo(LocalDateTime t) {
            return calendar.workingHoursBetween(start, t);
        }
    }
}
