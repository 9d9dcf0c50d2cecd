package org.pmopulse.metrics;

import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Computes {@link Indicators} from a snapshot and its baseline. Formulas are the standard ones (PMI practice
 * standard for EVM; Lipke, "Schedule is different", for earned schedule):
 * <pre>
 *   SV = EV - PV     CV = EV - AC     SPI = EV / PV     CPI = EV / AC
 *   TCPI = (BAC - EV) / (BAC - AC)    EAC = BAC / CPI
 *   ES = day at which the baseline curve reaches EV      AT = asOf - start      PD = finish - start
 *   SV(t) = ES - AT  SPI(t) = ES / AT  forecast finish = start + AT + (PD - ES) / SPI(t), slip = that - PD
 * </pre>
 */
public final class EarnedValue {
    private EarnedValue() {
    }

    public static Indicators of(Snapshot snapshot) {
        Snapshot.Baseline baseline = snapshot.baseline();
        Snapshot.Progress progress = snapshot.progress();
        Double bac = baseline == null ? null : baseline.budget();
        Double ev = progress == null ? null : progress.earnedValue();
        Double ac = progress == null ? null : progress.actualCost();
        Optional<PlannedValueCurve> curve = PlannedValueCurve.of(baseline);
        LocalDate start = baseline == null ? null : baseline.start();
        Double at = start == null ? null : (double) ChronoUnit.DAYS.between(start, snapshot.asOf());
        Double pd = start == null || baseline.finish() == null ? null
                : (double) ChronoUnit.DAYS.between(start, baseline.finish());

        Double pv = progress != null && progress.plannedValue() != null ? progress.plannedValue()
                : curve.isPresent() && at != null ? curve.get().valueAt(at) : null;
        Double percent = progress != null && progress.percentComplete() != null ? progress.percentComplete()
                : ratio(ev, bac) == null ? null : 100 * ev / bac;

        Double es = curve.isPresent() && ev != null ? curve.get().earnedScheduleDays(ev) : null;
        Double svt = es != null && at != null ? es - at : null;
        Double spiT = es != null && at != null && at > 0 ? es / at : null;
        LocalDate esFinish = null;
        Double esSlip = null;
        if (spiT != null && spiT > 0 && pd != null) {
            long ieac = Math.round(at + Math.max(0, pd - es) / spiT);
            esFinish = start.plusDays(ieac);
            esSlip = ieac - pd;
        }
        Double cpi = ratio(ev, ac);
        Double tcpi = bac != null && ev != null && ac != null && bac - ac > 0 ? (bac - ev) / (bac - ac) : null;
        Double eac = bac != null && cpi != null && cpi > 0 ? bac / cpi : null;

        return new Indicators(bac, round(pv, 2), ev, ac, round(percent, 1),
                difference(ev, pv), difference(ev, ac),
                round(ratio(ev, pv), 3), round(cpi, 3), round(tcpi, 3), round(eac, 2),
                pd, at, round(es, 1), round(svt, 0), round(spiT, 3), esFinish, esSlip);
    }

    private static Double ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null || denominator == 0 ? null : numerator / denominator;
    }

    private static Double difference(Double a, Double b) {
        return a == null || b == null ? null : round(a - b, 2);
    }

    static Double round(Double value, int decimals) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
