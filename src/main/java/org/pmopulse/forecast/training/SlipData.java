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

    public static MutableDataset<Regressor> dataset(List<TrainingRow> rows, String description) {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, FACTORY), FACTORY);
        rows.forEach(r -> data.add(example(r.features(), new Regressor(TARGET_NAME, r.target()))));
        return data;
    }

    public static Example<Regressor> example(Map<String, Double> features, Regressor output) {
        return new ArrayExample<>(output, features.keySet().toArray(String[]::new),
                features.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Example<Regressor> unlabelled(Map<String, Double> features) {
        return example(features, RegressionFactory.UNKNOWN_REGRESSOR);
    }
}
