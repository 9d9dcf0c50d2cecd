package org.pmopulse.advice;

import org.pmopulse.rules.Dimension;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.Mitigation;
import org.pmopulse.rules.Playbook;
import org.pmopulse.rules.Thresholds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns findings into ranked recommendations, after the rules and in plain Java. Each mitigation appears once,
 * however many findings it answers. Its priority is
 * <pre>
 *   weight(f)  = severity(f) x dimensionWeight(f) / max dimension weight        (advice.severity.*, scoring.weights.*)
 *   combined   = 1 - product over answered findings of (1 - weight(f))          (more findings, higher; never above 1)
 *   with slip  = 1 - (1 - combined) x (1 - min(1, slip% / advice.forecastSlipFullPct))   (mitigations answering "forecast")
 *   priority   = combined x urgency(mitigation)                                 (advice.urgency.*)
 * </pre>
 * ranked by priority, ties by urgency then id.
 */
public final class Advisor {
    private Advisor() {
    }

    /**
     * @param forecastSlipPct expected slip as a percentage of the planned duration, or null without a forecast
     */
    public static List<Recommendation> recommend(List<Finding> findings, Double forecastSlipPct, Playbook playbook,
                                                 Thresholds t) {
        double maxWeight = Arrays.stream(Dimension.values())
                .mapToDouble(d -> t.get("scoring.weights." + d.key())).max().orElse(1);
        Map<String, Mitigation> chosen = new LinkedHashMap<>();
        Map<String, Double> keep = new LinkedHashMap<>();
        Map<String, Set<String>> addresses = new LinkedHashMap<>();
        for (Finding f : findings) {
            double weight = t.get("advice.severity." + f.severity().name())
                    * t.get("scoring.weights." + f.dimension().key()) / maxWeight;
            for (Mitigation m : playbook.answering(f.ruleId())) {
                chosen.putIfAbsent(m.id(), m);
                keep.merge(m.id(), 1 - weight, (a, b) -> a * b);
                addresses.computeIfAbsent(m.id(), k -> new LinkedHashSet<>()).add(f.ruleId());
            }
        }
        if (forecastSlipPct != null && forecastSlipPct > 0) {
            double slip = Math.min(1, forecastSlipPct / t.get("advice.forecastSlipFullPct"));
            for (Mitigation m : playbook.answering(Playbook.FORECAST)) {
                chosen.putIfAbsent(m.id(), m);
                keep.merge(m.id(), 1 - slip, (a, b) -> a * b);
                addresses.computeIfAbsent(m.id(), k -> new LinkedHashSet<>()).add(Playbook.FORECAST);
            }
        }
        record Scored(Mitigation mitigation, double priority) {}
        List<Scored> scored = new ArrayList<>();
        chosen.forEach((id, m) -> {
            double combined = 1 - keep.get(id);
            double priority = combined * t.get("advice.urgency." + m.urgency().name());
            scored.add(new Scored(m, Math.round(priority * 1000) / 1000.0));
        });
        scored.sort(Comparator.comparingDouble(Scored::priority).reversed()
                .thenComparing(s -> s.mitigation().urgency())
                .thenComparing(s -> s.mitigation().id()));
        List<Recommendation> ranked = new ArrayList<>();
        for (Scored s : scored) {
            Mitigation m = s.mitigation();
            ranked.add(new Recommendation(ranked.size() + 1, m.id(), m.title(), m.actions(), m.ownerRole(),
                    m.urgency(), List.copyOf(addresses.get(m.id())), s.priority()));
        }
        return ranked;
    }
}
