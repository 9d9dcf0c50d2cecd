package org.pmopulse.forecast;

import org.pmopulse.metrics.Indicators;
import org.pmopulse.snapshot.Snapshot;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A loaded Tribuo regression model that predicts the correction to the earned-schedule forecast
 * ({@link SlipFeatures#TARGET}), with its card.
 * Immutable and thread-safe for prediction.
 */
public final class SlipModel {
    private static final int MAIN_FACTORS = 3;

    private final Model<Regressor> model;
    private final ModelCard card;
    private final String version;
    private final double[] residuals;

    SlipModel(Model<Regressor> model, ModelCard card, String version) {
        this.model = model;
        this.card = card;
        this.version = version;
        this.residuals = card.residuals().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    public String version() {
        return version;
    }

    public ModelCard card() {
        return card;
    }

    Forecast forecast(Snapshot snapshot, Indicators now, List<Indicators> history) {
        if (snapshot.baseline() == null || snapshot.baseline().start() == null || !SlipFeatures.forecastable(now)) {
            return Forecast.unavailable("the snapshot has no baseline with a planned value curve, or no time has"
                    + " passed yet: the model forecasts from the earned schedule");
        }
        Map<String, Double> features = SlipFeatures.extract(snapshot, now, history);
        double pd = now.plannedDurationDays();
        double anchor = Math.log(SlipFeatures.es1Days(now) / pd);
        double logRatio = anchor + predict(features);
        int expectedSlip = slipDays(logRatio, pd);
        List<Integer> range = List.of(slipDays(logRatio + quantile(residuals, 0.10), pd),
                slipDays(logRatio + quantile(residuals, 0.90), pd));
        long late = java.util.Arrays.stream(residuals).filter(r -> logRatio + r > 0).count();
        double probabilityLate = residuals.length == 0 ? (logRatio > 0 ? 1 : 0) : (double) late / residuals.length;
        LocalDate finish = snapshot.baseline().start().plusDays(Math.round(pd * Math.exp(logRatio)));
        return new Forecast(true, null, expectedSlip, range, Math.round(probabilityLate * 100) / 100.0, finish,
                mainFactors(features, anchor, logRatio, pd), version);
    }

    /** The model's correction to the earned-schedule forecast for these features (what it was trained on). */
    public double correction(Map<String, Double> features) {
        return predict(features);
    }

    /** Missing features at the card's typical value, as in training. */
    private double predict(Map<String, Double> given) {
        Map<String, Double> features = new java.util.LinkedHashMap<>(
                card.featureReference() == null ? Map.of() : card.featureReference());
        features.putAll(given);
        String[] names = features.keySet().toArray(String[]::new);
        double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
        Example<Regressor> example = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, values);
        return model.predict(example).getOutput().getValues()[0];
    }

    /**
     * The earned-schedule forecast the model starts from, then the features that move the model's correction
     * most: each one's effect is the forecast with the feature at its value minus the forecast with it at the
     * card's typical value, in days (one at a time; documented in models/README.md).
     */
    private List<Forecast.Factor> mainFactors(Map<String, Double> features, double anchor, double logRatio, double pd) {
        List<Forecast.Factor> factors = new ArrayList<>();
        long esSlip = Math.round(pd * (Math.exp(anchor) - 1));
        factors.add(new Forecast.Factor("earnedSchedule", Math.round(Math.exp(anchor) * 1000) / 1000.0,
                String.format(Locale.ROOT, "%+d days", esSlip), String.format(Locale.ROOT,
                "earned schedule alone (AT + PD - ES) forecasts %d days %s", Math.abs(esSlip), esSlip >= 0 ? "late" : "early")));
        record Effect(String name, double value, double typical, double days) {}
        List<Effect> effects = new ArrayList<>();
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            Double typical = card.featureReference() == null ? null : card.featureReference().get(feature.getKey());
            if (typical == null) {
                continue;
            }
            Map<String, Double> neutral = new java.util.LinkedHashMap<>(features);
            neutral.put(feature.getKey(), typical);
            double days = pd * (Math.exp(logRatio) - Math.exp(anchor + predict(neutral)));
            if (Math.abs(days) >= 0.5) {
                effects.add(new Effect(feature.getKey(), feature.getValue(), typical, days));
            }
        }
        effects.sort(Comparator.comparingDouble((Effect e) -> -Math.abs(e.days())));
        effects.stream().limit(MAIN_FACTORS).forEach(e -> factors.add(new Forecast.Factor(e.name(),
                Math.round(e.value() * 1000) / 1000.0, String.format(Locale.ROOT, "%+d days", Math.round(e.days())),
                String.format(Locale.ROOT, "%s is %.2f where a typical project has %.2f: %d days %s", e.name(),
                        e.value(), e.typical(), Math.abs(Math.round(e.days())), e.days() > 0 ? "later" : "earlier"))));
        return factors;
    }

    /** The {@code q} quantile of sorted values, interpolated linearly; 0 for none. Also used by the evaluation. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static int slipDays(double logRatio, double plannedDays) {
        return (int) Math.round(plannedDays * (Math.exp(logRatio) - 1));
    }
}
