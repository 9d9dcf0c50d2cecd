package org.pmopulse.portfolio;

import org.pmopulse.snapshot.Rag;

/** A project's score and RAG in one week: a point of the dashboard's sparklines. */
public record WeekScore(String week, Integer score, Rag rag) {}
