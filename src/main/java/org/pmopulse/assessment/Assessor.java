package org.pmopulse.assessment;

import org.pmopulse.advice.Advisor;
import org.pmopulse.advice.Recommendation;
import org.pmopulse.forecast.Forecast;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.metrics.Indicators;
import org.pmopulse.rules.DataCoverages;
import org.pmopulse.rules.FactBuilder;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.fact.DataCoverage;
import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.rules.fact.ProgressStaleness;
import org.pmopulse.rules.portfolio.PortfolioFacts;
import org.pmopulse.rules.portfolio.Peers;
import org.pmopulse.rules.portfolio.PortfolioMember;
import org.pmopulse.rules.portfolio.Ties;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The assessment pipeline, in plain Java with no storage: metrics, facts, rules, forecast, scores, advice.
 * The same code serves the REST call, the command line and, with a candidate rule set, a replay.
 */
public final class Assessor {
    private final Forecaster forecaster;
    private final Clock clock;

    public Assessor(Forecaster forecaster, Clock clock) {
        this.forecaster = forecaster;
        this.clock = clock;
    }

    /**
     * A project on its own: no other project of the portfolio is known.
     *
     * @param earlier  earlier snapshots of the same project, most recent first (the {@link HistoryWindow} of them is used)
     * @param previous the health of the previous assessed week, or null
     */
    public Assessment assess(RuleSet rules, Snapshot snapshot, List<Snapshot> earlier, Health.Previous previous) {
        return assess(rules, snapshot, earlier, previous, List.of(), Peers.NONE);
    }

    /**
     * @param providers what Pulse knows of the projects this one depends on (for the dependency rules)
     * @param peers     the other projects of the same week (for the portfolio rules)
     */
    public Assessment assess(RuleSet rules, Snapshot snapshot, List<Snapshot> earlier, Health.Previous previous,
                             List<OtherProject> providers, Peers peers) {
        return withPortfolio(rules, snapshot, earlier, previous,
                ofProject(rules, snapshot, earlier, previous, providers), peers);
    }

    /**
     * The first step: the project's own rules, forecast, scores and advice. The weekly batch takes every project
     * of a week through this step before the second, so the portfolio rules compare this week's own RAG of every
     * project (the RAG before cross-project findings: a project's peers must not make each other redder in turn).
     */
    public Assessment ofProject(RuleSet rules, Snapshot snapshot, List<Snapshot> earlier, Health.Previous previous,
                                List<OtherProject> providers) {
        Indicators indicators = EarnedValue.of(snapshot);
        List<Snapshot> window = HistoryWindow.of(earlier);
        List<Indicators> pastIndicators = window.stream().map(EarnedValue::of).toList();
        List<FactBuilder.Week> history = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            history.add(new FactBuilder.Week(window.get(i), pastIndicators.get(i)));
        }
        ProgressStaleness staleness = DataCoverages.staleness(snapshot, window);
        List<DataCoverage> coverage = DataCoverages.of(snapshot, staleness, rules.dataMap(), rules.thresholds());
        List<Object> facts = new ArrayList<>(FactBuilder.facts(snapshot, indicators, history, providers));
        facts.addAll(coverage);
        facts.add(staleness);
        List<Finding> findings = rules.evaluate(facts);
        Forecast forecast = forecaster.forecast(snapshot, indicators, pastIndicators);
        return new Assessment(snapshot.projectId(), snapshot.asOf(), IsoWeek.of(snapshot.asOf()),
                health(rules, snapshot, findings, coverage, previous), indicators,
                ScheduleForecast.of(snapshot, indicators, forecast), findings, forecast,
                recommend(rules, findings, indicators, forecast), rules.ref(), clock.instant());
    }

    /**
     * The second step: adds the portfolio rules' findings about this project and its peers, scores them with the
     * project's own, and re-ranks the advice.
     */
    public Assessment withPortfolio(RuleSet rules, Snapshot snapshot, List<Snapshot> earlier, Health.Previous previous,
                                    Assessment own, Peers peers) {
        if (peers.isEmpty()) {
            return own;
        }
        List<Finding> portfolio = rules.evaluatePortfolio(PortfolioFacts.facts(member(snapshot, own), peers));
        if (portfolio.isEmpty()) {
            return own;
        }
        List<Finding> findings = Stream.concat(own.findings().stream(), portfolio.stream())
                .sorted(RuleSet.FINDING_ORDER).toList();
        List<Snapshot> window = HistoryWindow.of(earlier);
        List<DataCoverage> coverage = DataCoverages.of(snapshot, DataCoverages.staleness(snapshot, window),
                rules.dataMap(), rules.thresholds());
        return new Assessment(own.projectId(), own.asOf(), own.week(), health(rules, snapshot, findings, coverage, previous),
                own.indicators(), own.scheduleForecasts(), findings, own.forecast(),
                recommend(rules, findings, own.indicators(), own.forecast()), own.ruleSet(), own.assessedAt());
    }

    private static Health health(RuleSet rules, Snapshot snapshot, List<Finding> findings, List<DataCoverage> coverage,
                                 Health.Previous previous) {
        return Scorer.score(snapshot.projectId(), findings, coverage, rules.thresholds(), previous)
                .withPrevious(previous == null ? null : previous.score());
    }

    /** The project as its peers' portfolio rules see it. */
    public static PortfolioMember member(Snapshot snapshot, Assessment assessment) {
        return new PortfolioMember(snapshot.projectId(), assessment.health().rag(),
                Ties.of(snapshot, forecastFinish(snapshot, assessment)));
    }

    /** The finish Pulse expects: the earned-schedule forecast, else the project manager's. */
    public static LocalDate forecastFinish(Snapshot snapshot, Assessment assessment) {
        LocalDate es = assessment.indicators().esForecastFinish();
        return es != null ? es : snapshot.forecastFinish();
    }

    private static List<Recommendation> recommend(RuleSet rules, List<Finding> findings, Indicators indicators,
                                                  Forecast forecast) {
        Double slipPct = forecast.available() && indicators.plannedDurationDays() != null
                && indicators.plannedDurationDays() > 0
                ? 100.0 * forecast.expectedSlipDays() / indicators.plannedDurationDays() : null;
        return Advisor.recommend(findings, slipPct, rules.playbook(), rules.thresholds());
    }
}
