package org.pmopulse.rules.fact;

/**
 * A risk with its exposure (probability x impact, 0..5) and the days since it was last reviewed
 * (null when it never was).
 */
public record RiskFact(String id, String title, Double probability, Integer impact, Double exposure, String owner,
                       String mitigation, boolean open, Integer daysSinceReview, boolean escalated) {

    public boolean hasOwner() {
        return owner != null && !owner.isBlank();
    }

    public boolean hasMitigation() {
        return mitigation != null && !mitigation.isBlank();
    }
}
