package org.pmopulse.rules.fact;

import java.util.List;

/**
 * How much of the data that feeds a health dimension a snapshot holds ({@code rules/data.yaml}).
 *
 * @param dimension    the dimension's key ({@code cost})
 * @param hasData      whether any of the inputs it is scored with is present and fresh
 * @param required     whether the project's methodology and phase need this dimension reported to be GREEN
 * @param completeness present and fresh inputs over all its inputs, 0..1
 * @param missing      inputs not sent
 * @param stale        inputs sent, but unchanged for too long to count (progress figures)
 */
public record DataCoverage(String dimension, boolean hasData, boolean required, double completeness,
                           List<String> present, List<String> missing, List<String> stale) {}
