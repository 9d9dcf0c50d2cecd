package org.pmopulse.forecast;

import java.util.List;
import java.util.Map;

/**
 * What is known about a model file, stored next to it as {@code <model>.card.json}: how it was trained, on what,
 * how well it did, and the calibration the forecast needs (held-out residuals of the log duration ratio, and a
 * typical value of each feature to measure contributions against).
 */
public record ModelCard(String name, String createdAt, String trainer, String target, List<String> features,
                        Map<String, Double> featureReference, List<Double> residuals, String trainingData,
                        Map<String, Object> evaluation, Map<String, Object> provenance) {}
