package org.pmopulse.rules.portfolio;

import org.junit.jupiter.api.Test;
import org.pmopulse.rules.fact.SharedItem;
import org.pmopulse.rules.fact.SharedPerson;
import org.pmopulse.rules.fact.WaitingProject;
import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioFactsTest {
    private static final LocalDate DEC_18 = LocalDate.of(2026, 12, 18);

    private static PortfolioMember member(String id, Rag rag, List<Ties.Allocation> people, List<String> suppliers,
                                          List<Ties.Awaited> awaits) {
        return new PortfolioMember(id, rag, new Ties(DEC_18, people, suppliers, awaits));
    }

    private static <T> List<T> only(Class<T> type, List<Object> facts) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aPersonOnSeveralProjectsIsSummedAcrossThemWithEachShareInWords() {
        PortfolioMember erp = member("ERP-2026", Rag.RED, List.of(new Ties.Allocation("a.lee", 100),
                new Ties.Allocation("b.novak", 50)), List.of(), List.of());
        List<PortfolioMember> peers = List.of(
                member("CRM-2026", Rag.GREEN, List.of(new Ties.Allocation("A.Lee ", 60)), List.of(), List.of()),
                member("BILLING", Rag.RED, List.of(new Ties.Allocation("a.lee", 60)), List.of(), List.of()),
                erp); // the project's own line among its peers is not counted twice

        List<SharedPerson> people = only(SharedPerson.class, PortfolioFacts.facts(erp, Peers.of(peers)));

        assertThat(people).singleElement().satisfies(p -> {
            assertThat(p.person()).isEqualTo("a.lee");
            assertThat(p.totalPct()).isEqualTo(220);
            assertThat(p.ownPct()).isEqualTo(100);
            assertThat(p.projects()).containsExactly("BILLING", "CRM-2026", "ERP-2026");
            assertThat(p.allocations()).isEqualTo("BILLING 60 %, CRM-2026 60 %, ERP-2026 100 %");
        });
    }

    @Test
    void aSupplierCountsTheRedProjectsItServesThisOneIncluded() {
        PortfolioMember self = member("ERP-2026", Rag.RED, List.of(), List.of("Northwind"), List.of());
        List<PortfolioMember> peers = List.of(
                member("BILLING", Rag.RED, List.of(), List.of("northwind"), List.of()),
                member("WAREHOUSE", Rag.AMBER, List.of(), List.of("Northwind"), List.of()),
                member("CRM-2026", Rag.RED, List.of(), List.of("Bluepeak"), List.of()));

        List<SharedItem> items = only(SharedItem.class, PortfolioFacts.facts(self, Peers.of(peers)));

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(SharedItem.Kind.SUPPLIER);
            assertThat(i.name()).isEqualTo("Northwind");
            assertThat(i.projects()).containsExactly("BILLING", "ERP-2026", "WAREHOUSE");
            assertThat(i.redProjects()).containsExactly("BILLING", "ERP-2026");
        });
    }

    @Test
    void aDeliverableIsSharedByItsProviderAndEveryProjectWaitingForIt() {
        Ties.Awaited api = new Ties.Awaited("CRM-2026", "API v2", LocalDate.of(2027, 1, 15));
        PortfolioMember billing = member("BILLING", Rag.RED, List.of(), List.of(), List.of(api));
        PortfolioMember crm = member("CRM-2026", Rag.RED, List.of(), List.of(), List.of());
        PortfolioMember erp = member("ERP-2026", Rag.GREEN, List.of(), List.of(),
                List.of(new Ties.Awaited("crm-2026", "api V2", LocalDate.of(2027, 2, 1))));

        SharedItem seenByProvider = only(SharedItem.class, PortfolioFacts.facts(crm, Peers.of(List.of(billing, erp)))).get(0);
        SharedItem seenByWaiter = only(SharedItem.class, PortfolioFacts.facts(erp, Peers.of(List.of(billing, crm)))).get(0);

        assertThat(seenByProvider.name()).isEqualTo("CRM-2026: API v2");
        assertThat(seenByProvider.projects()).containsExactly("BILLING", "CRM-2026", "ERP-2026");
        assertThat(seenByProvider.redProjects()).containsExactly("BILLING", "CRM-2026");
        assertThat(seenByWaiter.projects()).isEqualTo(seenByProvider.projects());
    }

    @Test
    void aProjectWaitingForThisOneIsComparedWithThisOnesForecastFinish() {
        PortfolioMember self = member("CRM-2026", Rag.AMBER, List.of(), List.of(), List.of());
        PortfolioMember billing = member("BILLING", Rag.GREEN, List.of(), List.of(),
                List.of(new Ties.Awaited("CRM-2026", "API v2", LocalDate.of(2026, 12, 1))));

        assertThat(only(WaitingProject.class, PortfolioFacts.facts(self, Peers.of(List.of(billing)))))
                .containsExactly(new WaitingProject("BILLING", "API v2", LocalDate.of(2026, 12, 1), DEC_18, 17));
    }

    @Test
    void nothingSharedMeansNoFacts() {
        PortfolioMember self = member("A", Rag.RED, List.of(new Ties.Allocation("x", 100)), List.of("S"), List.of());

        assertThat(PortfolioFacts.facts(self, Peers.of(List.of(member("B", Rag.RED, List.of(new Ties.Allocation("y", 100)),
                List.of("T"), List.of()))))).isEmpty();
    }
}
