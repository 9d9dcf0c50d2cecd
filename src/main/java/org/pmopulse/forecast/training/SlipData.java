package org.pmopulse.forecast.training;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.List;
import java.util.Map;

/** Training rows and feature maps as Tribuo examples. */
public final class SlipData {
    private static final RegressionFactory FACTORY = new RegressionFactory();
    static final String TARGET_NAME = "logCorrection";

    private SlipData() {
    }

    /** @param typical each feature's typical value, standing in for a feature a row does not have */
    public static MutableDataset<Regressor> dataset(List<TrainingRow> rows, Map<String, Double> typical,
                                                    String description) {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, FACTORY), FACTORY);
        rows.forEach(r -> data.add(example(complete(r.features(), typical), new Regressor(TARGET_NAME, r.target()))));
        return data;
    }

    /**
     * The features with the missing ones at their typical value: a missing feature read as 0 would look like
     * an extreme value (no tasks, a p-factor of 0) to a model trained on data that had it.
     */
    public static Map<String, Double> complete(Map<String, Double> features, Map<String, Double> typical) {
        Map<String, Double> all = new java.util.LinkedHashMap<>(typical);
        all.putAll(features);
        return all;
    }

    public static Example<Regressor> example(Map<String, Double> features, Regressor output) {
        return new ArrayExample<>(output, features.keySet().toArray(String[]::new),
                features.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Example<Regressor> unlabelled(Map<String, Double> features) {
        return example(features, RegressionFactory.UNKNOWN_REGRESSOR);
    }
}
