package org.pmopulse.rules.fact;

import java.util.List;

/** One person's total allocation on this project, summed over all their roles. */
public record PersonLoad(String person, double allocationPct, List<String> roles) {}
