package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;

/** What Pulse knows of another project this one depends on: its latest forecast finish and RAG. */
public record OtherProject(String projectId, LocalDate forecastFinish, Rag rag) {}
