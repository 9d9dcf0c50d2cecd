package org.pmopulse.rules.portfolio;

import org.pmopulse.rules.fact.SharedItem;
import org.pmopulse.rules.fact.SharedPerson;
import org.pmopulse.rules.fact.WaitingProject;
import org.pmopulse.snapshot.Rag;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The facts the portfolio rules ({@code rules/portfolio/}) see for one project: what it shares with the other
 * projects of the same week. Built in plain Java, like the project facts, so the rules only compare numbers with
 * thresholds. Names match ignoring case and surrounding spaces and are shown as this project wrote them; a line
 * of {@code self} among the peers (from an earlier assessment of the same week) is ignored.
 */
public final class PortfolioFacts {
    private PortfolioFacts() {
    }

    public static List<Object> facts(PortfolioMember self, Peers peers) {
        List<Object> facts = new ArrayList<>();
        sharedPeople(self, peers, facts);
        sharedSuppliers(self, peers, facts);
        sharedDeliverables(self, peers, facts);
        waitingProjects(self, peers, facts);
        return facts;
    }

    private static void sharedPeople(PortfolioMember self, Peers peers, List<Object> facts) {
        for (Ties.Allocation own : self.ties().people()) {
            Map<String, Double> byProject = new TreeMap<>();
            byProject.put(self.projectId(), own.pct());
            for (PortfolioMember other : peers.withPerson(own.person(), self)) {
                other.ties().people().stream().filter(a -> same(a.person(), own.person()))
                        .forEach(a -> byProject.merge(other.projectId(), a.pct(), Double::sum));
            }
            if (byProject.size() > 1) {
                double total = byProject.values().stream().mapToDouble(Double::doubleValue).sum();
                String allocations = byProject.entrySet().stream()
                        .map(e -> e.getKey() + " " + percent(e.getValue())).collect(Collectors.joining(", "));
                facts.add(new SharedPerson(own.person(), total, own.pct(), List.copyOf(byProject.keySet()), allocations));
            }
        }
    }

    private static void sharedSuppliers(PortfolioMember self, Peers peers, List<Object> facts) {
        for (String supplier : self.ties().suppliers()) {
            List<PortfolioMember> sharing = new ArrayList<>(peers.withSupplier(supplier, self));
            if (!sharing.isEmpty()) {
                sharing.add(self);
                facts.add(item(SharedItem.Kind.SUPPLIER, supplier, sharing));
            }
        }
    }

    /** A deliverable of one project that others wait for: shared by the provider and everyone waiting for it. */
    private static void sharedDeliverables(PortfolioMember self, Peers peers, List<Object> facts) {
        record Wanted(String provider, String deliverable) {}
        Map<String, Wanted> wanted = new LinkedHashMap<>(); // by match key
        self.ties().awaits().forEach(a -> wanted.putIfAbsent(key(a.onProject(), a.deliverable()),
                new Wanted(a.onProject(), a.deliverable())));
        peers.waitingFor(self.projectId(), self).forEach(w -> wanted.putIfAbsent(
                key(self.projectId(), w.awaited().deliverable()), new Wanted(self.projectId(), w.awaited().deliverable())));
        wanted.forEach((key, w) -> {
            List<PortfolioMember> sharing = new ArrayList<>();
            boolean selfProvides = same(w.provider(), self.projectId());
            PortfolioMember provider = selfProvides ? self : peers.project(w.provider(), self);
            if (provider != null) {
                sharing.add(provider);
            }
            if (!selfProvides) {
                sharing.add(self); // self waits for it
            }
            peers.waitingFor(w.provider(), self).stream()
                    .filter(x -> key(x.awaited().onProject(), x.awaited().deliverable()).equals(key))
                    .map(Peers.Waiting::member).filter(m -> !sharing.contains(m)).forEach(sharing::add);
            if (sharing.size() > 1) {
                facts.add(item(SharedItem.Kind.DELIVERABLE, w.provider() + ": " + w.deliverable(), sharing));
            }
        });
    }

    private static void waitingProjects(PortfolioMember self, Peers peers, List<Object> facts) {
        LocalDate forecast = self.ties().forecastFinish();
        for (Peers.Waiting w : peers.waitingFor(self.projectId(), self)) {
            LocalDate needBy = w.awaited().needBy();
            facts.add(new WaitingProject(w.member().projectId(), w.awaited().deliverable(), needBy, forecast,
                    forecast == null || needBy == null ? null : (int) ChronoUnit.DAYS.between(needBy, forecast)));
        }
    }

    private static SharedItem item(SharedItem.Kind kind, String name, List<PortfolioMember> sharing) {
        List<PortfolioMember> sorted = sharing.stream().sorted(Comparator.comparing(PortfolioMember::projectId)).toList();
        return new SharedItem(kind, name, sorted.stream().map(PortfolioMember::projectId).toList(),
                sorted.stream().filter(m -> m.rag() == Rag.RED).map(PortfolioMember::projectId).toList());
    }

    private static String key(String project, String deliverable) {
        return Peers.normal(project) + "\u0000" + Peers.normal(deliverable);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && Peers.normal(a).equals(Peers.normal(b));
    }

    private static String percent(double pct) {
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.format(Locale.ROOT, "%.1f", pct)) + " %";
    }
}
