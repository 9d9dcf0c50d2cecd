package org.pmopulse.forecast.training;

import org.tribuo.Trainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.Huber;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trainers the evaluation compares, by name. All learn the correction to the earned-schedule forecast, so
 * "mean-correction" (a constant: the average correction) is the floor any model has to beat. Seeds are fixed so
 * that training twice gives the same model.
 */
public final class Candidates {
    private static final long SEED = 2015L;

    private Candidates() {
    }

    public static Map<String, Supplier<Trainer<Regressor>>> all() {
        Map<String, Supplier<Trainer<Regressor>>> trainers = new LinkedHashMap<>();
        trainers.put("mean-correction", DummyRegressionTrainer::createMeanTrainer);
        trainers.put("cart-depth-3", () -> new CARTRegressionTrainer(3, 10f, 0.0f, 1.0f, false, new MeanSquaredError(), SEED));
        trainers.put("random-forest", () -> new RandomForestTrainer<>(
                new CARTRegressionTrainer(4, 10f, 0.0f, 0.5f, false, new MeanSquaredError(), SEED),
                new AveragingCombiner(), 100, SEED));
        trainers.put("linear-huber", () -> new LinearSGDTrainer(new Huber(), new AdaGrad(0.05, 0.1), 20, 1000, 1, SEED));
        return trainers;
    }

    public static Trainer<Regressor> named(String name) {
        Supplier<Trainer<Regressor>> trainer = all().get(name);
        if (trainer == null) {
            throw new IllegalArgumentException("no trainer '" + name + "'; one of " + all().keySet());
        }
        return trainer.get();
    }
}
