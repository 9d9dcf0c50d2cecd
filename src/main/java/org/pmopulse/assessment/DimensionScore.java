package org.pmopulse.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Rag;

import java.util.List;

/**
 * Score 0..100 and RAG of one dimension, how many findings lowered it, and how complete the data behind it is.
 * Without its data (and without a finding) a dimension is {@code NO_DATA}: no score, and no part in the overall one.
 */
@Schema(description = "One health dimension: score and RAG, or NO_DATA, with the completeness of its data")
public record DimensionScore(@Schema(description = "0..100; absent when NO_DATA") Integer score, Rag rag, int findings,
                             @Schema(description = "Share of the dimension's inputs present and fresh, 0..1") double completeness,
                             @Schema(description = "Inputs not sent (rules/data.yaml names)") List<String> missing,
                             @Schema(description = "Inputs sent but unchanged for too long to count") List<String> stale) {}
