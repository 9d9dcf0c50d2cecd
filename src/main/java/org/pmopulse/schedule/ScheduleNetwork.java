package org.pmopulse.schedule;

import org.pmopulse.snapshot.RelationType;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;

/**
 * The critical path method on a snapshot's task network, at the status date. Days are calendar days counted
 * from the status date (day 0). A finished task keeps its actual dates; a running one keeps its actual start and
 * needs (1 - percent complete) of its baseline duration from today; a task not started is scheduled as soon as
 * its predecessors allow (FS, SS, FF, SF with lags; a negative lag is a lead) and never before today, and one
 * without predecessors at its planned start (its forecast {@code start}, else its baseline start). The backward
 * pass runs from the latest early finish. Total float is late finish minus early finish.
 */
public final class ScheduleNetwork {
    /** One task after both passes, in days from the status date. */
    public record Node(Snapshot.Task task, boolean complete, boolean started, double duration, double earlyStart,
                       double earlyFinish, double lateFinish, double totalFloat) {}

    private record Link(String from, String to, RelationType type, double lag) {}

    private final LocalDate asOf;
    private final Map<String, Node> nodes;
    private final List<String> cycle;
    private final double finish;
    private final boolean criticalPathContinuous;
    private final int longestChain;

    private ScheduleNetwork(LocalDate asOf, Map<String, Node> nodes, List<String> cycle, double finish,
                            boolean criticalPathContinuous, int longestChain) {
        this.asOf = asOf;
        this.nodes = nodes;
        this.cycle = cycle;
        this.finish = finish;
        this.criticalPathContinuous = criticalPathContinuous;
        this.longestChain = longestChain;
    }

    public static ScheduleNetwork of(List<Snapshot.Task> tasks, LocalDate asOf) {
        Map<String, Snapshot.Task> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.putIfAbsent(t.id(), t));
        List<Link> links = new ArrayList<>();
        Map<String, List<Link>> in = new HashMap<>();
        Map<String, List<Link>> out = new HashMap<>();
        for (Snapshot.Task t : byId.values()) {
            for (Snapshot.Predecessor p : t.predecessors()) {
                if (byId.containsKey(p.id()) && !p.id().equals(t.id())) {
                    Link link = new Link(p.id(), t.id(), p.type() == null ? RelationType.FS : p.type(),
                            p.lagDays() == null ? 0 : p.lagDays());
                    links.add(link);
                    in.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(link);
                    out.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(link);
                }
            }
        }
        List<String> order = topologicalOrder(byId.keySet(), in, out);
        Set<String> ordered = new HashSet<>(order);
        List<String> cycle = byId.keySet().stream().filter(id -> !ordered.contains(id)).toList();

        Map<String, double[]> early = new HashMap<>();   // {early start, early finish, duration}
        Map<String, Integer> chain = new HashMap<>();    // tasks on the longest chain of predecessors ending here
        int longestChain = 0;
        for (String id : order) {
            List<Link> predecessors = in.getOrDefault(id, List.of());
            early.put(id, forward(byId.get(id), asOf, predecessors, early));
            int length = 1 + predecessors.stream().mapToInt(l -> chain.get(l.from())).max().orElse(0);
            chain.put(id, length);
            longestChain = Math.max(longestChain, length);
        }
        double finish = early.values().stream().mapToDouble(e -> e[1]).max().orElse(0);
        Map<String, Double> lateFinish = new HashMap<>();
        List<String> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        for (String id : reversed) {
            double lf = finish;
            double duration = early.get(id)[2];
            for (Link l : out.getOrDefault(id, List.of())) {
                Snapshot.Task successor = byId.get(l.to());
                if (isComplete(successor) || !lateFinish.containsKey(l.to())) {
                    continue;
                }
                double succLf = lateFinish.get(l.to());
                double succLs = succLf - early.get(l.to())[2];
                lf = Math.min(lf, switch (l.type()) {
                    case FS -> succLs - l.lag();
                    case SS -> succLs - l.lag() + duration;
                    case FF -> succLf - l.lag();
                    case SF -> succLf - l.lag() + duration;
                });
            }
            lateFinish.put(id, lf);
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (String id : order) {
            Snapshot.Task t = byId.get(id);
            double[] e = early.get(id);
            boolean complete = isComplete(t);
            nodes.put(id, new Node(t, complete, isStarted(t), e[2], e[0], e[1], lateFinish.get(id),
                    complete ? 0 : lateFinish.get(id) - e[1]));
        }
        boolean continuous = cycle.isEmpty() && criticalPathReachesItsStart(nodes, in, finish);
        return new ScheduleNetwork(asOf, nodes, cycle, finish, continuous, longestChain);
    }

    private static double[] forward(Snapshot.Task t, LocalDate asOf, List<Link> predecessors, Map<String, double[]> early) {
        double duration = t.baselineStart() == null || t.baselineFinish() == null ? 0
                : ChronoUnit.DAYS.between(t.baselineStart(), t.baselineFinish());
        if (isComplete(t)) {
            double es = day(asOf, t.start() != null ? t.start() : t.baselineStart(), 0);
            double ef = day(asOf, t.finish() != null ? t.finish() : t.baselineFinish(), es);
            return new double[] {es, ef, ef - es};
        }
        if (isStarted(t)) {
            double es = day(asOf, t.start() != null ? t.start() : t.baselineStart(), 0);
            double remaining = duration * (1 - t.percentComplete() / 100.0);
            return new double[] {es, Math.max(0, es) + remaining, duration};
        }
        LocalDate planned = t.start() != null ? t.start() : t.baselineStart();
        double es = predecessors.isEmpty() && planned != null ? Math.max(0, day(asOf, planned, 0)) : 0;
        for (Link l : predecessors) {
            double[] p = early.get(l.from());
            es = Math.max(es, switch (l.type()) {
                case FS -> p[1] + l.lag();
                case SS -> p[0] + l.lag();
                case FF -> p[1] + l.lag() - duration;
                case SF -> p[0] + l.lag() - duration;
            });
        }
        return new double[] {es, es + duration, duration};
    }

    /** Whether a relationship is tight: the predecessor alone would give the successor these dates. */
    private static boolean drives(Link l, double[] pred, double es, double ef) {
        double bound = switch (l.type()) {
            case FS -> pred[1] + l.lag() - es;
            case SS -> pred[0] + l.lag() - es;
            case FF -> pred[1] + l.lag() - ef;
            case SF -> pred[0] + l.lag() - ef;
        };
        return Math.abs(bound) < 0.5;
    }

    /**
     * DCMA's critical path test, by tracing: from the task that finishes last, follow driving relationships
     * backwards. The path is continuous when it ends at a task that has started, or has no predecessors;
     * it is broken when it ends at a task with predecessors whose dates come from a date rather than from logic.
     */
    private static boolean criticalPathReachesItsStart(Map<String, Node> nodes, Map<String, List<Link>> in, double finish) {
        Node current = nodes.values().stream().filter(n -> !n.complete() && Math.abs(n.earlyFinish() - finish) < 0.5)
                .findFirst().orElse(null);
        int guard = nodes.size();
        while (current != null && guard-- > 0) {
            if (current.started() || current.complete()) {
                return true;
            }
            List<Link> preds = in.getOrDefault(current.task().id(), List.of());
            if (preds.isEmpty()) {
                return true;
            }
            Node node = current;
            Optional<Link> driving = preds.stream().filter(l -> nodes.containsKey(l.from()))
                    .filter(l -> {
                        Node p = nodes.get(l.from());
                        return drives(l, new double[] {p.earlyStart(), p.earlyFinish()}, node.earlyStart(), node.earlyFinish());
                    }).findFirst();
            if (driving.isEmpty()) {
                return node.earlyStart() <= 0.5; // starts today: driven by the status date itself
            }
            current = nodes.get(driving.get().from());
        }
        return current == null;
    }

    private static List<String> topologicalOrder(Iterable<String> ids, Map<String, List<Link>> in, Map<String, List<Link>> out) {
        Map<String, Integer> remaining = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String id : ids) {
            int n = in.getOrDefault(id, List.of()).size();
            remaining.put(id, n);
            if (n == 0) {
                ready.add(id);
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (Link l : out.getOrDefault(id, List.of())) {
                if (remaining.merge(l.to(), -1, Integer::sum) == 0) {
                    ready.add(l.to());
                }
            }
        }
        return order;
    }

    private static double day(LocalDate asOf, LocalDate date, double fallback) {
        return date == null ? fallback : ChronoUnit.DAYS.between(asOf, date);
    }

    public static boolean isComplete(Snapshot.Task t) {
        return t.percentComplete() != null && t.percentComplete() >= 100;
    }

    public static boolean isStarted(Snapshot.Task t) {
        return t.percentComplete() != null && t.percentComplete() > 0 && t.percentComplete() < 100;
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    /** Tasks caught in a loop of relationships (no forward pass is possible through them). */
    public List<String> cycle() {
        return cycle;
    }

    /** The network's forecast finish: the latest early finish. */
    public LocalDate forecastFinish() {
        return asOf.plusDays(Math.round(finish));
    }

    public double finishDay() {
        return finish;
    }

    public boolean criticalPathContinuous() {
        return criticalPathContinuous;
    }

    /** How many tasks the longest chain of predecessors holds (tasks caught in a loop are not counted). */
    public int longestChain() {
        return longestChain;
    }
}
