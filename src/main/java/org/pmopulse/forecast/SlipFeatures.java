package org.pmopulse.forecast;

import org.pmopulse.metrics.Indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of the slip model, computed by the same code at training and at inference so they cannot drift
 * apart. Only what is known at the snapshot date is used. A feature whose inputs are missing is left out.
 */
public final class SlipFeatures {
    public static final List<String> NAMES = List.of("elapsed", "percentComplete", "spi", "cpi", "spiT",
            "spiTTrend", "esDurationRatio");

    private SlipFeatures() {
    }

    /**
     * @param history indicators of earlier weeks, most recent first
     */
    public static Map<String, Double> extract(Indicators now, List<Indicators> history) {
        Map<String, Double> f = new LinkedHashMap<>();
        Double pd = now.plannedDurationDays();
        Double at = now.actualTimeDays();
        if (pd != null && pd > 0 && at != null) {
            f.put("elapsed", at / pd);
        }
        put(f, "percentComplete", now.percentComplete() == null ? null : now.percentComplete() / 100);
        put(f, "spi", now.spi());
        put(f, "cpi", now.cpi());
        put(f, "spiT", now.spiT());
        Indicators earliest = history.isEmpty() ? null : history.get(Math.min(2, history.size() - 1));
        if (now.spiT() != null && earliest != null && earliest.spiT() != null) {
            f.put("spiTTrend", now.spiT() - earliest.spiT());
        }
        if (pd != null && pd > 0 && at != null && now.esDays() != null && now.spiT() != null && now.spiT() > 0) {
            f.put("esDurationRatio", (at + Math.max(0, pd - now.esDays()) / now.spiT()) / pd);
        }
        return f;
    }

    private static void put(Map<String, Double> features, String name, Double value) {
        if (value != null && Double.isFinite(value)) {
            features.put(name, value);
        }
    }
}
