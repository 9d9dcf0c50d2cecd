package org.pmopulse.portfolio;

import jakarta.annotation.PreDestroy;
import org.bson.types.ObjectId;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pmopulse.system.ConflictException;
import org.pmopulse.system.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Re-assesses every project of a week, and the weeks after it: on the schedule ({@code pulse.batch.cron}, Monday 06:00 by default,
 * for the latest week) and on demand. Providers are assessed before the projects that depend on them, so the
 * dependency rules see this week's state. Running it twice stores the same result (an assessment that says
 * the same is not rewritten). Jobs run one at a time, on their own thread.
 */
@Service
public class WeeklyBatch {
    private static final Logger log = LoggerFactory.getLogger(WeeklyBatch.class);
    static final String JOBS = "jobs";
    private static final int SAVE_EVERY = 25;
    /** A running job's process beats every 10 s ({@link #heartbeat}); three missed beats and the job is interrupted. */
    private static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    private final SnapshotStore snapshots;
    private final AssessmentService assessments;
    private final MongoTemplate mongo;
    private final Clock clock;
    /** This process, as its jobs name it. */
    private final String instance = new ObjectId().toHexString();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pulse-weekly-batch");
        t.setDaemon(true);
        return t;
    });

    public WeeklyBatch(SnapshotStore snapshots, AssessmentService assessments, MongoTemplate mongo, Clock clock) {
        this.snapshots = snapshots;
        this.assessments = assessments;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(cron = "${pulse.batch.cron:0 0 6 * * MON}")
    void onSchedule() {
        start(null, "schedule");
    }

    /**
     * Starts a job for the week containing {@code asOf} (default: the latest week with snapshots); the weeks
     * after it are re-assessed too, since they read it. The job counts the projects of its own week.
     */
    public Job start(LocalDate asOf, String requestedBy) {
        return start(asOf, requestedBy, null);
    }

    private Job start(LocalDate asOf, String requestedBy, String resumes) {
        Planned planned = plan(asOf, requestedBy, resumes);
        worker.submit(() -> run(planned.job(), planned.ordered()));
        return planned.job();
    }

    /** The same job on the calling thread, returning how it ended: how the demo portfolio is assessed at start. */
    public Job runNow(LocalDate asOf, String requestedBy) {
        Planned planned = plan(asOf, requestedBy, null);
        return run(planned.job(), planned.ordered());
    }

    /** Takes up an interrupted job: a new job for its week, which names the one it resumes. */
    public Job resume(String id) {
        Job interrupted = job(id).orElseThrow(() -> new NotFoundException("id", "no job '" + id + "'"));
        if (interrupted.status() != Job.Status.INTERRUPTED) {
            throw new ConflictException("id", "job " + id + " is " + interrupted.status()
                    + "; only an INTERRUPTED job can be resumed");
        }
        return start(interrupted.weekStart(), interrupted.requestedBy(), id);
    }

    private record Planned(Job job, List<Snapshot> ordered) {}

    private Planned plan(LocalDate asOf, String requestedBy, String resumes) {
        String week = asOf != null ? IsoWeek.of(asOf) : snapshots.latestWeek()
                .orElseThrow(() -> new NotFoundException("asOf", "there are no snapshots to assess"));
        List<Snapshot> ordered = providersFirst(snapshotsOf(week));
        if (ordered.isEmpty()) {
            throw new NotFoundException("asOf", "no project has a snapshot in week " + week);
        }
        Instant now = clock.instant();
        Job job = new Job(new ObjectId().toHexString(), week, IsoWeek.monday(week), Job.Status.RUNNING, requestedBy,
                ordered.size(), 0, 0, List.of(), now, null, instance, now, resumes);
        mongo.insert(job, JOBS);
        return new Planned(job, ordered);
    }

    /** Tells that this process still runs its jobs, so no other process takes them for dead. */
    @Scheduled(fixedDelayString = "PT10S")
    void heartbeat() {
        mongo.updateMulti(Query.query(Criteria.where("instance").is(instance).and("status").is(Job.Status.RUNNING)),
                Update.update("heartbeatAt", clock.instant()), JOBS);
    }

    /** Whether a job (of any instance) is running and its process alive. */
    boolean anyRunning() {
        return mongo.exists(Query.query(Criteria.where("status").is(Job.Status.RUNNING)
                .and("heartbeatAt").gte(clock.instant().minus(DEAD_AFTER))), JOBS);
    }

    /**
     * Marks RUNNING jobs whose process stopped beating as INTERRUPTED (a crash or kill left them); returns how many.
     * They can be resumed ({@link #resume}).
     */
    public int interruptDeadJobs() {
        Query dead = Query.query(Criteria.where("status").is(Job.Status.RUNNING).and("instance").ne(instance)
                .and("heartbeatAt").lt(clock.instant().minus(DEAD_AFTER)));
        return (int) mongo.updateMulti(dead, Update.update("status", Job.Status.INTERRUPTED)
                .set("finishedAt", clock.instant()), JOBS).getModifiedCount();
    }

    private List<Snapshot> snapshotsOf(String week) {
        return snapshots.between(week, week, List.of()).stream().map(StoredSnapshot::snapshot).toList();
    }

    public Optional<Job> job(String id) {
        return Optional.ofNullable(mongo.findById(id, Job.class, JOBS));
    }

    /** A job's counts as it runs, saved every {@link #SAVE_EVERY} projects and at the end. */
    private final class Progress {
        private Job job;
        private int done;
        private final List<Job.Failure> failures = new ArrayList<>();

        Progress(Job job) {
            this.job = job;
        }

        void done() {
            done++;
            saveNowAndThen();
        }

        void failed(Job.Failure failure) {
            failures.add(failure);
            saveNowAndThen();
        }

        private void saveNowAndThen() {
            job = job.progress(done, failures.size(), failures, clock.instant());
            if ((done + failures.size()) % SAVE_EVERY == 0) {
                mongo.save(job, JOBS);
            }
        }

        Job finished() {
            return job.progress(done, failures.size(), failures, clock.instant()).finished(clock.instant());
        }

        Job interrupted() {
            return job.progress(done, failures.size(), failures, clock.instant()).interrupted(clock.instant());
        }
    }

    /** The worker was interrupted (Pulse is shutting down) while a job ran. */
    private static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super(null, null, false, false);
        }
    }

    private Job run(Job job, List<Snapshot> ordered) {
        return execute(job, (done, failed) -> {
            assessments.assessWeek(job.week(), ordered, done, failed);
            // the weeks after read this one (history, change), so they are brought up to date the same way
            for (String later : snapshots.weeksAfter(job.week())) {
                assessments.assessWeek(later, providersFirst(snapshotsOf(later)), s -> { }, failed);
            }
        });
    }

    /** The work of a job, told what is done and what failed as it goes. */
    private interface Work {
        void run(Consumer<Snapshot> done, Consumer<AssessmentService.Failure> failed);
    }

    /** Runs a job's work, saving its progress, and ends it SUCCEEDED or COMPLETED_WITH_FAILURES, never RUNNING. */
    private Job execute(Job job, Work work) {
        Progress progress = new Progress(job);
        Consumer<AssessmentService.Failure> failed = failure -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new ShuttingDown(); // the project did not fail: the process is stopping under it
            }
            log.error("Job {} ({}): {} failed", job.id(), job.requestedBy(), failure.projectId(), failure.error());
            progress.failed(new Job.Failure(failure.projectId(),
                    failure.error().getClass().getSimpleName() + ": " + failure.error().getMessage()));
        };
        try {
            work.run(s -> progress.done(), failed);
        } catch (RuntimeException e) {
            if (e instanceof ShuttingDown || Thread.currentThread().isInterrupted()) {
                Job interrupted = progress.interrupted(); // the reconciler at the next start repairs the weeks it missed
                mongo.save(interrupted, JOBS);
                log.info("Job {} ({}) interrupted by shutdown after {} of {}; POST /api/jobs/{}/resume takes it up",
                        job.id(), job.requestedBy(), interrupted.done(), job.total(), job.id());
                return interrupted;
            }
            // the job itself could not go on: say so rather than stay RUNNING
            log.error("Job {} ({}) stopped", job.id(), job.requestedBy(), e);
            progress.failed(new Job.Failure("*", "the job stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        Job finished = progress.finished();
        mongo.save(finished, JOBS);
        log.info("Job {} ({}, week {}) finished: {} assessed, {} failed", job.id(), job.requestedBy(), job.week(),
                finished.done(), finished.failed());
        return finished;
    }

    /**
     * Re-assesses the latest week of every project with the live rules, as a job: what a new rule set needs so that
     * no assessment on show was made by a rule set that is no longer live. Weeks are taken oldest first and, within
     * a week, providers before the projects that depend on them, as in the weekly batch. Empty when there is
     * nothing to assess.
     */
    public Optional<Job> startReassessment(String reason) {
        TreeMap<String, List<Snapshot>> byWeek = new TreeMap<>();
        snapshots.latestOfEachProject().forEach(s -> byWeek.computeIfAbsent(IsoWeek.of(s.asOf()), w -> new ArrayList<>()).add(s));
        if (byWeek.isEmpty()) {
            return Optional.empty();
        }
        String latest = byWeek.lastKey();
        Instant now = clock.instant();
        Job job = new Job(new ObjectId().toHexString(), latest, IsoWeek.monday(latest), Job.Status.RUNNING, reason,
                byWeek.values().stream().mapToInt(List::size).sum(), 0, 0, List.of(), now, null, instance, now, null);
        mongo.insert(job, JOBS);
        worker.submit(() -> execute(job, (done, failed) ->
                byWeek.forEach((week, latestThere) -> assessments.assessWeek(week, providersFirst(latestThere), done, failed))));
        return Optional.of(job);
    }

    /** Projects ordered so that each comes after the projects it depends on (a loop keeps the given order). */
    static List<Snapshot> providersFirst(List<Snapshot> week) {
        Map<String, Snapshot> byId = new LinkedHashMap<>();
        week.stream().sorted((a, b) -> a.projectId().compareTo(b.projectId())).forEach(s -> byId.put(s.projectId(), s));
        Set<String> placed = new LinkedHashSet<>();
        for (String id : byId.keySet()) {
            place(id, byId, placed, new LinkedHashSet<>());
        }
        return placed.stream().map(byId::get).toList();
    }

    private static void place(String id, Map<String, Snapshot> byId, Set<String> placed, Set<String> visiting) {
        if (placed.contains(id) || !visiting.add(id)) {
            return;
        }
        for (Snapshot.Dependency d : byId.get(id).dependencies()) {
            if (byId.containsKey(d.onProject())) {
                place(d.onProject(), byId, placed, visiting);
            }
        }
        placed.add(id);
    }

    /** A job under way at shutdown gets a moment to end before the database connection closes under it. */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
