package org.pmopulse.portfolio;

import org.pmopulse.snapshot.Rag;

import java.util.Map;

/** The portfolio in one week: how many projects of each RAG, and their mean score (absent when none has a score). */
public record TrendPoint(String week, int projects, Map<Rag, Integer> byRag, Double meanScore) {}
