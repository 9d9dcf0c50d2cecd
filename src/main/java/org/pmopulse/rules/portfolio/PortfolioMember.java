package org.pmopulse.rules.portfolio;

import org.pmopulse.snapshot.Rag;

/** A project of the week as the portfolio rules see it: its computed RAG and what it shares with others. */
public record PortfolioMember(String projectId, Rag rag, Ties ties) {
    public PortfolioMember {
        ties = ties == null ? Ties.NONE : ties;
    }
}
