package org.pmopulse.assessment;

import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;

/** One week of a project's history: score, RAG and the main indicators. */
public record HistoryEntry(String week, LocalDate asOf, Integer score, Rag rag, Integer change, Double spi, Double cpi,
                           Double spiT, Double svtDays, int findings, Integer forecastSlipDays, String ruleSetVersion) {

    public static HistoryEntry of(Assessment a) {
        return new HistoryEntry(a.week(), a.asOf(), a.health().score(), a.health().rag(), a.health().change(),
                a.indicators().spi(), a.indicators().cpi(), a.indicators().spiT(), a.indicators().svtDays(),
                a.findings().size(), a.forecast().expectedSlipDays(), a.ruleSet().version());
    }
}
