package org.pmopulse.assessment;

import org.pmopulse.advice.Advisor;
import org.pmopulse.advice.Recommendation;
import org.pmopulse.forecast.Forecast;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.metrics.Indicators;
import org.pmopulse.rules.FactBuilder;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Snapshot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The assessment pipeline, in plain Java with no storage: metrics, facts, rules, forecast, scores, advice.
 * The same code serves the REST call, the command line and, with a candidate rule set, a replay.
 */
public final class Assessor {
    /** How many earlier weeks the rules and the forecast see. */
    public static final int HISTORY_WEEKS = 8;

    private final Forecaster forecaster;
    private final Clock clock;

    public Assessor(Forecaster forecaster, Clock clock) {
        this.forecaster = forecaster;
        this.clock = clock;
    }

    /**
     * @param earlier       earlier snapshots of the same project, most recent first (at most {@link #HISTORY_WEEKS} used)
     * @param previousScore the health score of the previous assessed week, or null
     */
    public Assessment assess(RuleSet rules, Snapshot snapshot, List<Snapshot> earlier, Integer previousScore) {
        return assess(rules, snapshot, earlier, previousScore, List.of());
    }

    /**
     * @param providers what Pulse knows of the projects this one depends on (for the dependency rules)
     */
    public Assessment assess(RuleSet rules, Snapshot snapshot, List<Snapshot> earlier, Integer previousScore,
                             List<OtherProject> providers) {
        Indicators indicators = EarnedValue.of(snapshot);
        List<Snapshot> window = earlier.stream().limit(HISTORY_WEEKS).toList();
        List<Indicators> pastIndicators = window.stream().map(EarnedValue::of).toList();
        List<FactBuilder.Week> history = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            history.add(new FactBuilder.Week(window.get(i), pastIndicators.get(i)));
        }
        List<Finding> findings = rules.evaluate(FactBuilder.facts(snapshot, indicators, history, providers));
        Forecast forecast = forecaster.forecast(indicators, pastIndicators,
                snapshot.baseline() == null ? null : snapshot.baseline().start());
        Health health = Scorer.score(findings, rules.thresholds()).withPrevious(previousScore);
        Double slipPct = forecast.available() && indicators.plannedDurationDays() != null
                && indicators.plannedDurationDays() > 0
                ? 100.0 * forecast.expectedSlipDays() / indicators.plannedDurationDays() : null;
        List<Recommendation> recommendations = Advisor.recommend(findings, slipPct, rules.playbook(), rules.thresholds());
        return new Assessment(snapshot.projectId(), snapshot.asOf(), IsoWeek.of(snapshot.asOf()), health, indicators,
                findings, forecast, recommendations, rules.ref(), clock.instant());
    }
}
