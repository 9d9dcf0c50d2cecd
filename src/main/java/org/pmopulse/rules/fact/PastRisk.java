package org.pmopulse.rules.fact;

/** A risk as it stood in an earlier week ({@code weeksAgo} 1 = the week before). */
public record PastRisk(int weeksAgo, String id, Double exposure, boolean open, boolean escalated) {}
