package org.pmopulse.rules.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The projects of a week indexed by what they share (people, suppliers, awaited deliverables), built once per
 * week so that finding one project's peers does not scan every other project: the weekly batch asks for each
 * of its projects. Names are matched ignoring case and surrounding spaces.
 */
public final class Peers {
    public static final Peers NONE = of(List.of());

    /** A project that waits for a deliverable. */
    record Waiting(PortfolioMember member, Ties.Awaited awaited) {}

    private final Map<String, PortfolioMember> byId = new HashMap<>();
    private final Map<String, List<PortfolioMember>> byPerson = new HashMap<>();
    private final Map<String, List<PortfolioMember>> bySupplier = new HashMap<>();
    private final Map<String, List<Waiting>> byProvider = new HashMap<>();

    private Peers(List<PortfolioMember> members) {
        for (PortfolioMember m : members) {
            byId.put(normal(m.projectId()), m);
            m.ties().people().forEach(a -> byPerson.computeIfAbsent(normal(a.person()), k -> new ArrayList<>()).add(m));
            m.ties().suppliers().forEach(s -> bySupplier.computeIfAbsent(normal(s), k -> new ArrayList<>()).add(m));
            m.ties().awaits().forEach(a -> byProvider.computeIfAbsent(normal(a.onProject()), k -> new ArrayList<>())
                    .add(new Waiting(m, a)));
        }
    }

    public static Peers of(List<PortfolioMember> members) {
        return new Peers(members);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Every project but {@code self} with a line for this person. */
    List<PortfolioMember> withPerson(String person, PortfolioMember self) {
        return others(byPerson.get(normal(person)), self);
    }

    List<PortfolioMember> withSupplier(String supplier, PortfolioMember self) {
        return others(bySupplier.get(normal(supplier)), self);
    }

    /** Every project but {@code self} waiting for a deliverable of {@code provider}. */
    List<Waiting> waitingFor(String provider, PortfolioMember self) {
        return byProvider.getOrDefault(normal(provider), List.of()).stream()
                .filter(w -> !w.member().projectId().equals(self.projectId())).toList();
    }

    /** The project with this id, unless it is {@code self}. */
    PortfolioMember project(String id, PortfolioMember self) {
        PortfolioMember m = byId.get(normal(id));
        return m == null || m.projectId().equals(self.projectId()) ? null : m;
    }

    private static List<PortfolioMember> others(List<PortfolioMember> found, PortfolioMember self) {
        return found == null ? List.of() : found.stream().filter(m -> !m.projectId().equals(self.projectId())).toList();
    }

    static String normal(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
