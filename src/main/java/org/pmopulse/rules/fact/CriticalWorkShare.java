package org.pmopulse.rules.fact;

/**
 * How much of the critical work (unfinished tasks with no float) one person carries: {@code criticalTasks} of
 * the {@code totalCriticalTasks}, as {@code sharePct}.
 */
public record CriticalWorkShare(String person, int criticalTasks, int totalCriticalTasks, double sharePct) {}
