package org.pmopulse.snapshot;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One weekly status snapshot of one project: the input contract of Pulse.
 * Only {@code projectId} and {@code asOf} are required; absent lists read as empty.
 * Records are immutable so the same object can be stored, assessed and handed to rules.
 */
@Schema(description = "Weekly status snapshot of one project (schema version 1)")
public record Snapshot(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ERP-2026") String projectId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-20") LocalDate asOf,
        @Schema(description = "Optional display name") String name,
        Methodology methodology,
        Phase phase,
        Baseline baseline,
        Progress progress,
        @Schema(description = "Finish date the project manager forecasts") LocalDate forecastFinish,
        @Schema(description = "The project manager's own RAG") Rag pmStatus,
        @Schema(description = "Sponsor's name, used by portfolio filters") String sponsor,
        List<Milestone> milestones,
        List<Deliverable> deliverables,
        List<Risk> risks,
        List<Issue> issues,
        List<Change> changes,
        List<Decision> decisions,
        List<Resource> resources,
        List<Dependency> dependencies,
        List<Stakeholder> stakeholders,
        Governance governance,
        List<Sprint> sprints,
        List<Task> tasks,
        @Schema(description = "After go-live: adoption and incidents") Transition transition) {

    public Snapshot {
        milestones = listOrEmpty(milestones);
        deliverables = listOrEmpty(deliverables);
        risks = listOrEmpty(risks);
        issues = listOrEmpty(issues);
        changes = listOrEmpty(changes);
        decisions = listOrEmpty(decisions);
        resources = listOrEmpty(resources);
        dependencies = listOrEmpty(dependencies);
        stakeholders = listOrEmpty(stakeholders);
        sprints = listOrEmpty(sprints);
        tasks = listOrEmpty(tasks);
    }

    /** Absent lists read as empty; null elements are kept so that validation can name them. */
    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public record Baseline(LocalDate start, LocalDate finish,
                           @Schema(description = "Budget at completion (BAC), project currency") Double budget,
                           LocalDate approvedOn,
                           @Schema(description = "Cumulative planned value by date") List<PvPoint> plannedValueCurve) {
        public Baseline {
            plannedValueCurve = listOrEmpty(plannedValueCurve);
        }
    }

    public record PvPoint(LocalDate date, @Schema(description = "Cumulative planned value at the date") Double pv) {}

    public record Progress(@Schema(description = "0-100") Double percentComplete,
                           Double plannedValue, Double earnedValue, Double actualCost) {}

    public record Milestone(String id, String name, LocalDate baselineDate, LocalDate forecastDate,
                            LocalDate actualDate, String owner) {}

    public record Deliverable(String id, String name, String owner, String accountable, LocalDate dueDate,
                              ItemStatus status,
                              @Schema(description = "The company delivering it, when it is bought in; the portfolio "
                                      + "rules look for a supplier on several red projects") String supplier) {}

    public record Risk(String id, String title, @Schema(description = "0..1") Double probability,
                       @Schema(description = "1..5") Integer impact, String owner, String mitigation,
                       RiskStatus status, LocalDate lastReviewed, Boolean escalated) {}

    public record Issue(String id, String title, Severity severity, String owner, LocalDate opened,
                        LocalDate resolved) {}

    public record Change(String id, String summary, @Schema(description = "0-100, share of baseline scope") Double scopeImpactPct,
                         Integer scheduleImpactDays, Double costImpact, ChangeStatus status, String decidedBy,
                         LocalDate decidedOn) {}

    public record Decision(String id, String summary, LocalDate decidedOn, String owner, LocalDate followUpDue,
                           Boolean done) {}

    public record Resource(String person, String role, @Schema(description = "Percent of the person's time; may exceed 100") Double allocationPct) {}

    public record Dependency(String onProject, String deliverable, LocalDate needBy, DependencyStatus status) {}

    public record Stakeholder(String name, String role, Engagement engagement, LocalDate lastContact) {}

    public record Governance(LocalDate charterApprovedOn, Boolean raciDefined, LocalDate lastStatusReport,
                             LocalDate lastSteeringMeeting, Integer riskReviewCadenceDays,
                             @Schema(description = "Waterfall: when the requirements were signed off") LocalDate requirementsSignedOffOn,
                             @Schema(description = "Agile: whether the team has an agreed definition of done") Boolean definitionOfDoneAgreed,
                             @Schema(description = "Agile: when the backlog was last refined") LocalDate lastBacklogRefinement) {}

    public record Transition(LocalDate goLive, @Schema(description = "0-100") Double adoptionPct,
                             @Schema(description = "0-100") Double adoptionTargetPct, Integer openIncidents) {}

    public record Sprint(Integer number, LocalDate start, LocalDate end, Double committedPoints,
                         Double completedPoints, Boolean reviewHeld, Boolean retroHeld) {}

    public record Task(String id, String name, LocalDate baselineStart, LocalDate baselineFinish, LocalDate start,
                       LocalDate finish, Double percentComplete, Integer totalFloatDays, String constraint,
                       List<String> resources, List<Predecessor> predecessors) {
        public Task {
            resources = listOrEmpty(resources);
            predecessors = listOrEmpty(predecessors);
        }
    }

    public record Predecessor(String id, RelationType type,
                              @Schema(description = "Lag in days; negative is a lead") Integer lagDays) {}
}
