package org.pmopulse.forecast.training;

import org.pmopulse.forecast.SlipModel;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Training rows as Tribuo examples, with the typical values and ranges of their features. */
public final class SlipData {
    private static final RegressionFactory FACTORY = new RegressionFactory();
    static final String TARGET_NAME = "logCorrection";
    /** The data source's time in the provenance: fixed, so the same rows give the same model bytes. */
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.of(2015, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private SlipData() {
    }

    /**
     * @param real      rows of real projects, weight 1 each
     * @param simulated rows of simulated executions; the simulations of one network together weigh as much as
     *                  that network's real rows, so real projects are not drowned
     * @param features  the features the model reads, missing ones at their typical value
     */
    public static MutableDataset<Regressor> dataset(List<TrainingRow> real, List<TrainingRow> simulated,
                                                    List<String> features, Map<String, Double> typical,
                                                    String description) {
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, FIXED_TIME, FACTORY), FACTORY);
        real.forEach(r -> data.add(example(r, features, typical, 1f)));
        if (!simulated.isEmpty()) {
            Map<String, Long> realCount = new LinkedHashMap<>();
            real.forEach(r -> realCount.merge(r.projectId(), 1L, Long::sum));
            Map<String, Long> simCount = new LinkedHashMap<>();
            simulated.forEach(r -> simCount.merge(r.projectId(), 1L, Long::sum));
            simulated.forEach(r -> data.add(example(r, features, typical,
                    (float) realCount.getOrDefault(r.projectId(), 1L) / simCount.get(r.projectId()))));
        }
        return data;
    }

    private static Example<Regressor> example(TrainingRow r, List<String> features, Map<String, Double> typical,
                                              float weight) {
        double[] values = new double[features.size()];
        for (int i = 0; i < values.length; i++) {
            Double v = r.features().get(features.get(i));
            values[i] = v != null ? v : typical.getOrDefault(features.get(i), 0.0);
        }
        Example<Regressor> e = new ArrayExample<>(new Regressor(TARGET_NAME, r.target()),
                features.toArray(String[]::new), values);
        e.setWeight(weight);
        return e;
    }

    /**
     * Each feature's median over the rows: the "typical project" that stands in for a missing feature and that
     * the main factors are measured against.
     */
    public static Map<String, Double> medians(List<TrainingRow> rows, List<String> features) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String name : features) {
            double[] values = values(rows, name);
            if (values.length > 0) {
                medians.put(name, round(SlipModel.quantile(values, 0.5)));
            }
        }
        return medians;
    }

    /** Each feature's smallest and largest value over the rows: outside it the model has not learnt anything. */
    public static Map<String, List<Double>> ranges(List<TrainingRow> rows, List<String> features) {
        Map<String, List<Double>> ranges = new LinkedHashMap<>();
        for (String name : features) {
            double[] values = values(rows, name);
            if (values.length > 0) {
                ranges.put(name, List.of(Math.floor(values[0] * 10_000) / 10_000.0,
                        Math.ceil(values[values.length - 1] * 10_000) / 10_000.0));
            }
        }
        return ranges;
    }

    /**
     * Whether the feature takes more than one value in the rows. Judged on the values themselves: the card's ranges
     * are rounded outward, so a constant 1.3863 would look like a range.
     */
    static boolean varies(List<TrainingRow> rows, String name) {
        double[] values = values(rows, name);
        return values.length > 0 && values[0] < values[values.length - 1];
    }

    private static double[] values(List<TrainingRow> rows, String name) {
        List<Double> v = new ArrayList<>();
        rows.stream().map(r -> r.features().get(name)).filter(Objects::nonNull).forEach(v::add);
        return v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
