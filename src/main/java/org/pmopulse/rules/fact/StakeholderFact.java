package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.Engagement;

/** A stakeholder; {@code sponsor} when the role says so; {@code daysSinceContact} null when never contacted. */
public record StakeholderFact(String name, String role, Engagement engagement, Integer daysSinceContact,
                              boolean sponsor) {}
