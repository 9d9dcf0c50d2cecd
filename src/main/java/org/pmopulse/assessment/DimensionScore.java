package org.pmopulse.assessment;

import org.pmopulse.snapshot.Rag;

/** Score 0..100 and RAG of one dimension, with how many findings lowered it. */
public record DimensionScore(int score, Rag rag, int findings) {}
