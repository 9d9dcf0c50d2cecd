package org.pmopulse.forecast.training;

import org.pmopulse.forecast.SlipFeatures;
import org.tribuo.Trainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanAbsoluteError;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.rtree.impurity.RegressorImpurity;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The models the nested evaluation chooses from, inside each outer fold. All learn the correction to the
 * earned-schedule forecast, and each is tried at every {@link #SHRINKAGES shrinkage}: shrinkage 0 is the
 * earned-schedule forecast itself, so a candidate that does not help on the other projects is switched off
 * instead of making things worse. Seeds are fixed so that training twice gives the same model.
 */
public final class Candidates {
    private static final long SEED = 2015L;
    /** The shares of a model's correction that are tried; the choice is made inside each fold. */
    public static final List<Double> SHRINKAGES = List.of(0.0, 0.25, 0.5, 0.75, 1.0);

    /**
     * @param features   what it reads ({@link SlipFeatures#NAMES} subset)
     * @param simulated  it also trains on simulated executions of the training projects' networks
     */
    public record Candidate(String name, List<String> features, boolean simulated, Supplier<Trainer<Regressor>> trainer) {
        public Trainer<Regressor> newTrainer() {
            return trainer.get();
        }
    }

    private Candidates() {
    }

    /**
     * The candidates {@code train} and {@code evaluate} choose from: forests of shallow trees, one reading the
     * progress features only, one also reading the network's size and shape, and a single tree. Under the nested
     * evaluation with siblings left out together, the forest reading every feature at a shrinkage chosen inside
     * the fold is the one that beats the earned-schedule forecast (models/README.md).
     */
    public static List<Candidate> standard() {
        return List.of(
                new Candidate("forest", SlipFeatures.PROGRESS, false, Candidates::forest),
                new Candidate("forest-all-features", SlipFeatures.NAMES, false, () -> deeperForest(new MeanSquaredError())),
                new Candidate("tree", SlipFeatures.PROGRESS, false, Candidates::tree));
    }

    /**
     * The standard candidates plus what was tried and lost (see models/README.md): a linear correction, the forest of
     * every feature splitting by absolute error, and a tree trained on simulated executions of the training
     * projects' networks with their real rows.
     */
    public static List<Candidate> explored(boolean withSimulations) {
        List<Candidate> all = new ArrayList<>(standard());
        all.add(new Candidate("linear", SlipFeatures.NAMES, false, Candidates::linear));
        // splits by absolute error: the evaluation's measure is an absolute (percentage) error, and a few projects
        // that overran far more than the rest sway it less than squared error
        all.add(new Candidate("forest-all-features-mae", SlipFeatures.NAMES, false,
                () -> deeperForest(new MeanAbsoluteError())));
        if (withSimulations) {
            all.add(new Candidate("tree-simulated", SlipFeatures.PROGRESS, true,
                    () -> new CARTRegressionTrainer(5, 20f, 0.0f, 1.0f, false, new MeanSquaredError(), SEED)));
        }
        return all;
    }

    public static Candidate named(String name, List<Candidate> among) {
        return among.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no candidate '" + name + "'; one of "
                        + among.stream().map(Candidate::name).toList()));
    }

    /** 50 trees of depth 3, at least 20 rows' weight a leaf, half the features a split: averaging shallow trees. */
    private static Trainer<Regressor> forest() {
        return new RandomForestTrainer<>(new CARTRegressionTrainer(3, 20f, 0.0f, 0.5f, false, new MeanSquaredError(),
                SEED), new AveragingCombiner(), 50, SEED);
    }

    /** 100 trees of depth 4, at least 10 rows' weight a leaf, half the features a split, splits by {@code impurity}. */
    private static Trainer<Regressor> deeperForest(RegressorImpurity impurity) {
        return new RandomForestTrainer<>(new CARTRegressionTrainer(4, 10f, 0.0f, 0.5f, false, impurity, SEED),
                new AveragingCombiner(), 100, SEED);
    }

    /** A linear correction on standardised features, fitted with a robust (Huber) loss. */
    private static Trainer<Regressor> linear() {
        return new TransformTrainer<>(new LinearSGDTrainer(new Huber(), new AdaGrad(0.05, 0.1), 30, 1_000_000, 1, SEED),
                new TransformationMap(List.of(new MeanStdDevTransformation())));
    }

    private static Trainer<Regressor> tree() {
        return new CARTRegressionTrainer(3, 20f, 0.0f, 1.0f, false, new MeanSquaredError(), SEED);
    }
}
