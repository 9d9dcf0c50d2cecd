package org.pmopulse.rules.fact;

import java.util.List;

/** Who joined and left the team since last week; {@code changePct} is (joined + left) / last week's team size x 100. */
public record TeamChange(int previousSize, List<String> joined, List<String> left, double changePct) {}
