package org.pmopulse.portfolio;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.snapshot.Rag;

import java.util.Map;

/** The portfolio in one week: how many projects of each RAG, and their mean score. */
public record TrendPoint(String week, int projects, Map<Rag, Integer> byRag,
                         @Schema(description = "Mean of the scores there are; absent when no project has one")
                         Double meanScore) {}
