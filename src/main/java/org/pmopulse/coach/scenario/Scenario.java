package org.pmopulse.coach.scenario;

import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.rules.portfolio.PortfolioMember;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Severity;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * A given-snapshot / expected-finding example of one rule, from {@code rules/scenarios/}. {@code given} holds
 * only the fields that differ from the base snapshot; {@code weeksBefore} the earlier weeks the same way
 * (the week before first); {@code otherProjects} what Pulse knows of the projects it depends on;
 * {@code peers} the other projects of its week for the portfolio rules; {@code fires} says whether the rule must
 * fire or, for a near miss, must not.
 *
 * A scoring scenario has no rule: it gives last week's health ({@code previousScore}, {@code previousRag}) and the
 * overall RAG it must come to ({@code expectRag}), to show how the bands and their margin behave.
 *
 * @param severity when the rule fires, the severity it must report (null: any)
 */
public record Scenario(String file, String name, String rule, boolean fires, Severity severity, JsonNode given,
                       List<JsonNode> weeksBefore, List<OtherProject> otherProjects, List<PortfolioMember> peers,
                       Integer previousScore, Rag previousRag, Rag expectRag) {

    /** Whether this is one of {@code ruleId}'s scenarios. */
    public boolean isAbout(String ruleId) {
        return ruleId.equals(rule);
    }

    public boolean isScoring() {
        return expectRag != null;
    }

    /** How a test report names it: {@code EW-SCH-001 fires: SPI 0.90 is below the amber band}. */
    public String title() {
        return isScoring() ? "scoring, " + expectRag + ": " + name : rule + (fires ? " fires: " : " near miss: ") + name;
    }
}
