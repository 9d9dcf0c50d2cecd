package org.pmopulse.portfolio;

import org.bson.types.ObjectId;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.snapshot.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Repairs what an interrupted write left behind, so the snapshots, their assessments, the project summaries and the
 * portfolio lines never disagree for long: at start (a crash) and every {@code pulse.reconcile.interval}. Everything
 * it repairs is derived from the snapshots, so repairing means assessing again (an assessment that says the same is
 * not rewritten) or removing what a deleted week left. It looks at the projects written since its last pass (minus a
 * margin for clock differences), which keeps a pass short however large the database; the first pass looks at all.
 * Jobs of a process that died are marked INTERRUPTED.
 *
 * <p>Per project, oldest week first: a week whose counting assessment is missing or judged other content, a week
 * whose portfolio line names another assessment, a summary behind the latest week, assessments and lines of a
 * week without a snapshot, and the weeks after a deleted week (their history changed).
 */
@Service
public class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    static final String REPORTS = "reconciliations";
    private static final int KEPT_REPORTS = 50;
    private static final int PROJECTS_PER_QUERY = 200;
    /** Clock differences between instances, and writes under way when a periodic pass starts. */
    static final Duration MARGIN = Duration.ofMinutes(2);
    private static final String AFTER_DELETION = "history changed by a deletion";

    public enum Trigger { START, PERIODIC, ON_DEMAND }

    /**
     * What one pass did: the project-weeks it assessed again (each with why), what it removed, and the jobs it
     * found interrupted.
     *
     * @param checkedFrom writes at or after this time were looked at (null: everything)
     */
    public record Report(@Id String id, Trigger trigger, Instant startedAt, Instant finishedAt, Instant checkedFrom,
                         int projectsChecked, List<String> reassessed, List<String> removed, int jobsInterrupted,
                         List<String> failures) {
        public int repaired() {
            return reassessed.size() + removed.size() + jobsInterrupted;
        }
    }

    private final SnapshotStore snapshots;
    private final AssessmentStore assessments;
    private final AssessmentService service;
    private final ProjectStore projects;
    private final PortfolioWeeks portfolioWeeks;
    private final WeeklyBatch batch;
    private final MongoTemplate mongo;
    private final Clock clock;

    public Reconciler(SnapshotStore snapshots, AssessmentStore assessments, AssessmentService service,
                      ProjectStore projects, PortfolioWeeks portfolioWeeks, WeeklyBatch batch, MongoTemplate mongo,
                      Clock clock) {
        this.snapshots = snapshots;
        this.assessments = assessments;
        this.service = service;
        this.projects = projects;
        this.portfolioWeeks = portfolioWeeks;
        this.batch = batch;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One pass; synchronized because two passes at once would only repeat each other's work. */
    public synchronized Report reconcile(Trigger trigger) {
        Instant started = clock.instant();
        Instant since = latest().map(r -> r.startedAt().minus(MARGIN)).orElse(null);
        // a periodic pass leaves the newest writes to their requests, which are still at them
        Instant settledBefore = trigger == Trigger.PERIODIC ? started.minus(MARGIN) : null;
        int interrupted = batch.interruptDeadJobs();
        Map<String, Set<String>> deletedWeeks = new HashMap<>();
        snapshots.deletedSince(since).forEach(d ->
                deletedWeeks.computeIfAbsent(d.projectId(), p -> new TreeSet<>()).add(d.week()));
        Set<String> touched = new TreeSet<>(snapshots.projectsReceivedSince(since));
        touched.addAll(since == null ? allAssessedOrSummarised() : assessments.projectsAssessedSince(since));
        touched.addAll(deletedWeeks.keySet());

        Pass pass = new Pass(settledBefore);
        List<String> ids = List.copyOf(touched);
        for (int from = 0; from < ids.size(); from += PROJECTS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PROJECTS_PER_QUERY));
            Map<String, List<SnapshotStore.Stub>> weeks = snapshots.stubsOf(chunk).stream()
                    .collect(Collectors.groupingBy(SnapshotStore.Stub::projectId));
            Map<String, AssessmentStore.Stub> counting = assessments.countingStubs(chunk);
            for (String projectId : chunk) {
                try {
                    pass.repair(projectId, weeks.getOrDefault(projectId, List.of()), counting,
                            deletedWeeks.getOrDefault(projectId, Set.of()));
                } catch (RuntimeException e) {
                    log.error("Reconciliation could not repair project {}", projectId, e);
                    pass.failures.add(projectId + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        Report report = new Report(new ObjectId().toHexString(), trigger, started, clock.instant(), since, ids.size(),
                pass.reassessed, pass.removed, interrupted, pass.failures);
        keep(report);
        if (report.repaired() > 0 || !report.failures().isEmpty()) {
            log.warn("Reconciliation ({}) repaired what an interrupted write left: assessed again {}, removed {}, "
                    + "{} jobs interrupted, {} failures", trigger, report.reassessed(), report.removed(),
                    interrupted, report.failures().size());
        }
        return report;
    }

    /**
     * Brings one project in line after weeks of it were deleted (or anything else changed it): what the DELETE
     * endpoints call once the snapshots are gone. Returns what it did, as a pass reports it.
     */
    public List<String> repair(String projectId, Set<String> deletedWeeks) {
        Pass pass = new Pass(null);
        pass.repair(projectId, snapshots.stubsOf(List.of(projectId)), assessments.countingStubs(List.of(projectId)),
                deletedWeeks);
        List<String> done = new ArrayList<>(pass.removed);
        done.addAll(pass.reassessed);
        return done;
    }

    /** The projects known only by an assessment or a summary (their snapshots may all have been deleted). */
    private Set<String> allAssessedOrSummarised() {
        Set<String> all = new TreeSet<>(assessments.projectsAssessedSince(Instant.EPOCH));
        projects.all().forEach(p -> all.add(p.projectId()));
        return all;
    }

    /** The state of one pass: what it found and did, and the portfolio weeks it has read. */
    private final class Pass {
        private final Instant settledBefore;
        private final Map<String, Map<String, ProjectWeek>> lines = new HashMap<>();
        final List<String> reassessed = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        Pass(Instant settledBefore) {
            this.settledBefore = settledBefore;
        }

        void repair(String projectId, List<SnapshotStore.Stub> weeks, Map<String, AssessmentStore.Stub> counting,
                    Set<String> deleted) {
            Set<String> present = weeks.stream().map(SnapshotStore.Stub::week).collect(Collectors.toSet());
            counting.values().stream().filter(a -> a.projectId().equals(projectId) && !present.contains(a.week()))
                    .forEach(orphan -> {
                        assessments.deleteWeek(projectId, orphan.week());
                        portfolioWeeks.remove(orphan.week(), projectId);
                        removed.add(projectId + "/" + orphan.week() + ": assessment of a deleted week");
                    });
            Optional<ProjectSummary> summary = projects.find(projectId);
            if (summary.isPresent() && !present.contains(summary.get().week())) {
                projects.delete(projectId);
                removed.add(projectId + ": summary of a deleted week");
                summary = Optional.empty();
            }
            if (weeks.isEmpty()) {
                return;
            }
            String from = null;
            String why = null;
            for (SnapshotStore.Stub week : weeks) {
                if (settledBefore != null && week.receivedAt().isAfter(settledBefore)) {
                    break; // a request is still at it
                }
                AssessmentStore.Stub assessment = counting.get(projectId + "/" + week.week());
                ProjectWeek line = line(week.week(), projectId);
                why = assessment == null ? "no assessment"
                        : !week.contentHash().equals(assessment.snapshotHash()) ? "assessment of an earlier version"
                        : line == null || !assessment.assessedAt().equals(line.assessedAt()) ? "portfolio line behind"
                        : afterDeletion(week.week(), deleted) ? AFTER_DELETION : null;
                if (why != null) {
                    from = week.week();
                    break;
                }
            }
            SnapshotStore.Stub latest = weeks.get(weeks.size() - 1);
            AssessmentStore.Stub latestAssessment = counting.get(projectId + "/" + latest.week());
            if (from == null && latestAssessment != null && (summary.isEmpty()
                    || !summary.get().week().equals(latest.week())
                    || !summary.get().assessedAt().equals(latestAssessment.assessedAt()))) {
                from = latest.week();
                why = "summary behind";
            }
            if (from != null) {
                AssessmentStore.Stub before = counting.get(projectId + "/" + from);
                Instant assessedAt = service.assessAndFollowing(snapshots.find(projectId, from).orElseThrow().snapshot())
                        .assessedAt();
                boolean sameAsBefore = before != null && before.assessedAt().equals(assessedAt.truncatedTo(ChronoUnit.MILLIS));
                if (!(why.equals(AFTER_DELETION) && sameAsBefore)) { // a deletion seen twice changes nothing the second time
                    reassessed.add(projectId + "/" + from + " and after: " + why);
                }
            }
        }

        /** A week after a deleted one: assessed with the deleted week as history, so assessed again once. */
        private boolean afterDeletion(String week, Set<String> deleted) {
            return deleted.stream().anyMatch(d -> d.compareTo(week) < 0);
        }

        private ProjectWeek line(String week, String projectId) {
            return lines.computeIfAbsent(week, w -> portfolioWeeks.week(w).stream()
                    .collect(Collectors.toMap(ProjectWeek::projectId, p -> p))).get(projectId);
        }
    }

    /** The latest pass, whose start sets where the next one looks from. */
    public Optional<Report> latest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(1),
                Report.class, REPORTS));
    }

    private void keep(Report report) {
        mongo.insert(report, REPORTS);
        List<Report> old = mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).skip(KEPT_REPORTS),
                Report.class, REPORTS);
        if (!old.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(old.stream().map(Report::id).toList())), REPORTS);
        }
    }
}
