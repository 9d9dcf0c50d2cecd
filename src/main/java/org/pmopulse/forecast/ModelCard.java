package org.pmopulse.forecast;

import java.util.List;
import java.util.Map;

/**
 * What is known about a model file, stored next to it as {@code <model>.card.json}: how it was trained, on what,
 * how well it did, and what the forecast needs besides the model: the features it reads, a typical value of each
 * (stands in for a missing one, and the main factors are measured against it), the range of each in the
 * training data (a value outside it is clamped and said so), the shrinkage of the model's correction, and the
 * calibration of the 80 % range (quantiles of held-out log errors by stage). Everything in it follows from the
 * training inputs: no clock time, so training twice gives the same bytes.
 *
 * @param shrinkage          the share of the model's correction that is applied (0 = the earned-schedule forecast)
 * @param residualQuantiles  by stage ({@link Stage#key()}), the 1st to 99th percentiles of log(real / forecast)
 *                           on projects the deciding models had not seen, each project weighing the same
 */
public record ModelCard(String name, String trainer, String target, List<String> features,
                        Map<String, Double> featureReference, Map<String, List<Double>> featureRange,
                        double shrinkage, Map<String, List<Double>> residualQuantiles, String trainingData,
                        Map<String, Object> evaluation, Map<String, Object> provenance) {}
