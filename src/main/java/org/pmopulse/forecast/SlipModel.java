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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A loaded Tribuo regression model that predicts the correction to the earned-schedule forecast
 * ({@link SlipFeatures#TARGET}), with its card: the features it reads, their typical values and training ranges,
 * the shrinkage of its correction and the calibration of the 80 % range by stage.
 * Immutable and thread-safe for prediction.
 */
public final class SlipModel {
    private static final int MAIN_FACTORS = 3;
    private static final int LOW = 9;   // index of the 10th percentile among the 1st..99th
    private static final int HIGH = 89; // the 90th

    private final Model<Regressor> model;
    private final ModelCard card;
    private final String version;

    public SlipModel(Model<Regressor> model, ModelCard card, String version) {
        this.model = model;
        this.card = card;
        this.version = version;
    }

    public String version() {
        return version;
    }

    public ModelCard card() {
        return card;
    }

    /** The Tribuo model itself, to save it. */
    public Model<Regressor> model() {
        return model;
    }

    /** The features as the model reads them: its own only, missing ones at the typical value, clamped to range. */
    public record Reading(Map<String, Double> values, Map<String, Double> outsideRange) {}

    Forecast forecast(Snapshot snapshot, Indicators now, List<Indicators> history) {
        if (snapshot.baseline() == null || snapshot.baseline().start() == null || !SlipFeatures.forecastable(now)) {
            return Forecast.unavailable("the snapshot has no baseline with a planned value curve, or no time has"
                    + " passed yet: the model forecasts from the earned schedule");
        }
        Map<String, Double> features = SlipFeatures.extract(snapshot, now, history);
        double pd = now.plannedDurationDays();
        double anchor = Math.log(SlipFeatures.es1Days(now) / pd);
        Reading reading = read(features);
        double logRatio = anchor + correction(reading);
        double[] q = quantiles(now.percentComplete() == null ? 0 : now.percentComplete());
        int expectedSlip = slipDays(logRatio, pd);
        double[] range80 = range80(now.percentComplete() == null ? 0 : now.percentComplete());
        List<Integer> range = List.of(slipDays(logRatio + range80[0], pd), slipDays(logRatio + range80[1], pd));
        long late = java.util.Arrays.stream(q).filter(r -> logRatio + r > 0).count();
        double probabilityLate = q.length == 0 ? (logRatio > 0 ? 1 : 0) : (double) late / q.length;
        LocalDate finish = snapshot.baseline().start().plusDays(Math.round(pd * Math.exp(logRatio)));
        return new Forecast(true, null, expectedSlip, range, Math.round(probabilityLate * 100) / 100.0, finish,
                mainFactors(features, reading, anchor, logRatio, pd), version);
    }

    /** The applied correction (shrinkage x the model's prediction) for these features, read as in training. */
    public double correction(Map<String, Double> features) {
        return correction(read(features));
    }

    private double correction(Reading reading) {
        return card.shrinkage() == 0 ? 0 : card.shrinkage() * predict(reading.values());
    }

    /**
     * The 80 % range of log(real / forecast) for a snapshot at this percent complete, from the card and nothing
     * else: {low, high}. It always holds the forecast itself (0): where the projects the range was calibrated on
     * all finished later than their shrunk forecast, a range above the forecast would contradict it.
     */
    public double[] range80(double percentComplete) {
        double[] q = quantiles(percentComplete);
        return q.length == 0 ? new double[] {0, 0} : new double[] {Math.min(0, q[LOW]), Math.max(0, q[HIGH])};
    }

    private double[] quantiles(double percentComplete) {
        List<Double> q = card.residualQuantiles() == null ? null
                : card.residualQuantiles().get(Stage.of(percentComplete).key());
        return q == null ? new double[0] : q.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The model's features, completed with the typical values and clamped to the range seen in training. */
    public Reading read(Map<String, Double> given) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> outside = new LinkedHashMap<>();
        for (String name : card.features()) {
            Double v = given.get(name);
            if (v == null) {
                v = card.featureReference().get(name);
            }
            List<Double> range = card.featureRange() == null ? null : card.featureRange().get(name);
            if (v != null && range != null && (v < range.get(0) || v > range.get(1))) {
                outside.put(name, v);
                v = Math.max(range.get(0), Math.min(range.get(1), v));
            }
            if (v != null) {
                values.put(name, v);
            }
        }
        return new Reading(values, outside);
    }

    private double predict(Map<String, Double> features) {
        String[] names = features.keySet().toArray(String[]::new);
        double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
        Example<Regressor> example = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, values);
        return model.predict(example).getOutput().getValues()[0];
    }

    /**
     * The earned-schedule forecast the model starts from; then every feature outside the range the model was
     * trained on (the model read it at the edge of that range); then the features that move the forecast most:
     * each one's effect is the forecast with the feature at its value minus the forecast with it at the card's
     * typical value, in days (one at a time; documented in models/README.md). Values in the snapshot contract's
     * units, names in words.
     */
    private List<Forecast.Factor> mainFactors(Map<String, Double> features, Reading reading, double anchor,
                                              double logRatio, double pd) {
        List<Forecast.Factor> factors = new ArrayList<>();
        long esSlip = Math.round(pd * (Math.exp(anchor) - 1));
        factors.add(new Forecast.Factor("earnedSchedule", "earned-schedule forecast, AT + (PD - ES)", "days",
                Math.round(pd * Math.exp(anchor)), String.format(Locale.ROOT, "%+d days", esSlip), false,
                String.format(Locale.ROOT, "earned schedule alone (AT + PD - ES) forecasts %d days %s, a duration"
                        + " of %d days against %d planned", Math.abs(esSlip), esSlip >= 0 ? "late" : "early",
                        Math.round(pd * Math.exp(anchor)), Math.round(pd))));
        reading.outsideRange().forEach((name, value) -> {
            SlipFeatures.Meaning m = SlipFeatures.MEANINGS.get(name);
            List<Double> range = card.featureRange().get(name);
            factors.add(new Forecast.Factor(name, m.words(), m.unit(), round(m.show(value, pd)), "outside training range",
                    true, String.format(Locale.ROOT, "%s is %s, outside what the model was trained on (%s to %s):"
                                    + " the model read it as %s, so treat this forecast with care", m.words(),
                            m.format(value, pd), m.format(range.get(0), pd), m.format(range.get(1), pd),
                            m.format(Math.max(range.get(0), Math.min(range.get(1), value)), pd))));
        });
        record Effect(String name, double value, double typical, double days) {}
        List<Effect> effects = new ArrayList<>();
        for (Map.Entry<String, Double> feature : reading.values().entrySet()) {
            Double typical = card.featureReference().get(feature.getKey());
            if (typical == null || !features.containsKey(feature.getKey()) || card.shrinkage() == 0) {
                continue;
            }
            Map<String, Double> neutral = new LinkedHashMap<>(reading.values());
            neutral.put(feature.getKey(), typical);
            double days = pd * (Math.exp(logRatio) - Math.exp(anchor + card.shrinkage() * predict(neutral)));
            if (Math.abs(days) >= 0.5) {
                effects.add(new Effect(feature.getKey(), features.get(feature.getKey()), typical, days));
            }
        }
        effects.sort(Comparator.comparingDouble((Effect e) -> -Math.abs(e.days())));
        effects.stream().limit(MAIN_FACTORS).forEach(e -> {
            SlipFeatures.Meaning m = SlipFeatures.MEANINGS.get(e.name());
            long days = Math.round(e.days());
            factors.add(new Forecast.Factor(e.name(), m.words(), m.unit(), round(m.show(e.value(), pd)),
                    String.format(Locale.ROOT, "%+d days", days), reading.outsideRange().containsKey(e.name()),
                    String.format(Locale.ROOT, "%s is %s where a typical project has %s: %d days %s", m.words(),
                            m.format(e.value(), pd), m.format(e.typical(), pd), Math.abs(days),
                            days > 0 ? "later" : "earlier")));
        });
        return factors;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The {@code q} quantile of sorted values, interpolated linearly; 0 for none. */
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
