package org.pmopulse.rules.portfolio;

import org.pmopulse.rules.fact.SharedItem;
import org.pmopulse.rules.fact.SharedPerson;
import org.pmopulse.rules.fact.WaitingProject;
import org.pmopulse.snapshot.Rag;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The facts the portfolio rules ({@code rules/portfolio/}) see for one project: what it shares with the other
 * projects of the same week. Built in plain Java, like the project facts, so the rules only compare numbers with
 * thresholds. Names are matched ignoring case and surrounding spaces, and shown as this project wrote them.
 */
public final class PortfolioFacts {
    private PortfolioFacts() {
    }

    /** @param peers the other projects of the week (a line for {@code self} among them is ignored) */
    public static List<Object> facts(PortfolioMember self, List<PortfolioMember> peers) {
        List<PortfolioMember> others = peers.stream().filter(p -> !p.projectId().equals(self.projectId())).toList();
        List<Object> facts = new ArrayList<>();
        sharedPeople(self, others, facts);
        sharedSuppliers(self, others, facts);
        sharedDeliverables(self, others, facts);
        waitingProjects(self, others, facts);
        return facts;
    }

    private static void sharedPeople(PortfolioMember self, List<PortfolioMember> others, List<Object> facts) {
        for (Ties.Allocation own : self.ties().people()) {
            Map<String, Double> byProject = new TreeMap<>();
            byProject.put(self.projectId(), own.pct());
            for (PortfolioMember other : others) {
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

    private static void sharedSuppliers(PortfolioMember self, List<PortfolioMember> others, List<Object> facts) {
        for (String supplier : self.ties().suppliers()) {
            List<PortfolioMember> sharing = new ArrayList<>(List.of(self));
            others.stream().filter(o -> o.ties().suppliers().stream().anyMatch(s -> same(s, supplier))).forEach(sharing::add);
            if (sharing.size() > 1) {
                facts.add(item(SharedItem.Kind.SUPPLIER, supplier, sharing));
            }
        }
    }

    /** A deliverable of one project that others wait for: shared by the provider and everyone waiting for it. */
    private static void sharedDeliverables(PortfolioMember self, List<PortfolioMember> others, List<Object> facts) {
        record Wanted(String provider, String deliverable) {}
        Map<String, Wanted> wanted = new TreeMap<>(); // by match key
        self.ties().awaits().forEach(a -> wanted.putIfAbsent(key(a.onProject(), a.deliverable()),
                new Wanted(a.onProject(), a.deliverable())));
        others.forEach(o -> o.ties().awaits().stream().filter(a -> same(a.onProject(), self.projectId()))
                .forEach(a -> wanted.putIfAbsent(key(a.onProject(), a.deliverable()),
                        new Wanted(self.projectId(), a.deliverable()))));
        List<PortfolioMember> everyone = new ArrayList<>(List.of(self));
        everyone.addAll(others);
        wanted.forEach((key, w) -> {
            List<PortfolioMember> sharing = everyone.stream()
                    .filter(m -> same(m.projectId(), w.provider()) || m.ties().awaits().stream()
                            .anyMatch(a -> key(a.onProject(), a.deliverable()).equals(key)))
                    .toList();
            if (sharing.size() > 1) {
                facts.add(item(SharedItem.Kind.DELIVERABLE, w.provider() + ": " + w.deliverable(), sharing));
            }
        });
    }

    private static void waitingProjects(PortfolioMember self, List<PortfolioMember> others, List<Object> facts) {
        for (PortfolioMember other : others) {
            for (Ties.Awaited a : other.ties().awaits()) {
                if (same(a.onProject(), self.projectId())) {
                    var forecast = self.ties().forecastFinish();
                    facts.add(new WaitingProject(other.projectId(), a.deliverable(), a.needBy(), forecast,
                            forecast == null || a.needBy() == null ? null
                                    : (int) ChronoUnit.DAYS.between(a.needBy(), forecast)));
                }
            }
        }
    }

    private static SharedItem item(SharedItem.Kind kind, String name, List<PortfolioMember> sharing) {
        List<PortfolioMember> sorted = sharing.stream().sorted((a, b) -> a.projectId().compareTo(b.projectId())).toList();
        return new SharedItem(kind, name, sorted.stream().map(PortfolioMember::projectId).toList(),
                sorted.stream().filter(m -> m.rag() == Rag.RED).map(PortfolioMember::projectId).toList());
    }

    private static String key(String project, String deliverable) {
        return normal(project) + "\u0000" + normal(deliverable);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String percent(double pct) {
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.format(Locale.ROOT, "%.1f", pct)) + " %";
    }
}
