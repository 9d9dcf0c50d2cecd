package org.pmopulse.rules;

import org.pmopulse.snapshot.Snapshot;

import java.util.Arrays;
import java.util.function.Predicate;

/** An input Pulse can see in a snapshot, by the name {@code rules/data.yaml} uses for it. */
public enum DataItem {
    PROGRESS("progress", s -> s.progress() != null
            && (s.progress().percentComplete() != null || s.progress().earnedValue() != null)),
    BASELINE("baseline", s -> s.baseline() != null && s.baseline().start() != null && s.baseline().finish() != null),
    PLANNED_VALUE("plannedValue", s -> (s.baseline() != null && !s.baseline().plannedValueCurve().isEmpty())
            || (s.progress() != null && s.progress().plannedValue() != null)),
    TASKS("tasks", s -> !s.tasks().isEmpty()),
    MILESTONES("milestones", s -> !s.milestones().isEmpty()),
    SPRINTS("sprints", s -> !s.sprints().isEmpty()),
    BUDGET("budget", s -> s.baseline() != null && s.baseline().budget() != null),
    EARNED_VALUE("earnedValue", s -> s.progress() != null && s.progress().earnedValue() != null),
    ACTUAL_COST("actualCost", s -> s.progress() != null && s.progress().actualCost() != null),
    DELIVERABLES("deliverables", s -> !s.deliverables().isEmpty()),
    CHANGES("changes", s -> !s.changes().isEmpty()),
    RISKS("risks", s -> !s.risks().isEmpty()),
    ISSUES("issues", s -> !s.issues().isEmpty()),
    RESOURCES("resources", s -> !s.resources().isEmpty()),
    GOVERNANCE("governance", s -> s.governance() != null),
    DECISIONS("decisions", s -> !s.decisions().isEmpty()),
    STAKEHOLDERS("stakeholders", s -> !s.stakeholders().isEmpty());

    private final String key;
    private final Predicate<Snapshot> present;

    DataItem(String key, Predicate<Snapshot> present) {
        this.key = key;
        this.present = present;
    }

    public String key() {
        return key;
    }

    public boolean presentIn(Snapshot snapshot) {
        return present.test(snapshot);
    }

    /** The progress figures, which go stale when a project keeps sending the same numbers week after week. */
    public boolean isProgressFigure() {
        return this == PROGRESS || this == EARNED_VALUE || this == ACTUAL_COST;
    }

    static DataItem named(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst().orElse(null);
    }
}
