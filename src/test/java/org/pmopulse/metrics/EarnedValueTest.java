package org.pmopulse.metrics;

import org.junit.jupiter.api.Test;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Worked examples. The baseline of most of them: start 2026-01-01, finish 2026-04-11 (100 days), budget 100 000,
 * planned value 20 000 at day 31 (2026-02-01), 60 000 at day 59 (2026-03-01), 100 000 at day 100.
 */
class EarnedValueTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate FINISH = LocalDate.of(2026, 4, 11);
    private static final List<Snapshot.PvPoint> CURVE = List.of(
            new Snapshot.PvPoint(LocalDate.of(2026, 2, 1), 20_000.0),
            new Snapshot.PvPoint(LocalDate.of(2026, 3, 1), 60_000.0));

    private static Snapshot snapshot(LocalDate asOf, List<Snapshot.PvPoint> curve, Double pv, Double ev, Double ac) {
        return new Snapshot("P", asOf, null, null, null, new Snapshot.Baseline(START, FINISH, 100_000.0, null, curve),
                new Snapshot.Progress(null, pv, ev, ac), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void computesEarnedValueAndEarnedScheduleMidProject() {
        // asOf 2026-03-01: AT = 59 days. Reported PV 60 000, EV 45 000, AC 50 000.
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 3, 1), CURVE, 60_000.0, 45_000.0, 50_000.0));

        assertThat(i.sv()).isEqualTo(-15_000.0);                 // 45 000 - 60 000
        assertThat(i.cv()).isEqualTo(-5_000.0);                  // 45 000 - 50 000
        assertThat(i.spi()).isEqualTo(0.75);                     // 45 000 / 60 000
        assertThat(i.cpi()).isEqualTo(0.9);                      // 45 000 / 50 000
        assertThat(i.tcpi()).isEqualTo(1.1);                     // (100 000 - 45 000) / (100 000 - 50 000)
        assertThat(i.eac()).isEqualTo(111_111.11);               // 100 000 / 0.9
        // ES: 45 000 lies between 20 000 (day 31) and 60 000 (day 59): 31 + (25 000 / 40 000) x 28 = 48.5
        assertThat(i.esDays()).isEqualTo(48.5);
        assertThat(i.actualTimeDays()).isEqualTo(59.0);
        assertThat(i.svtDays()).isEqualTo(-10.0);                // 48.5 - 59 = -10.5, in whole days (half up)
        assertThat(i.spiT()).isEqualTo(0.822);                   // 48.5 / 59 = 0.8220
        // IEAC(t) = 59 + (100 - 48.5) / 0.82203 = 121.65 -> day 122 = 2026-05-03
        assertThat(i.esForecastFinish()).isEqualTo(LocalDate.of(2026, 5, 3));
        assertThat(i.percentComplete()).isEqualTo(45.0);         // EV / BAC when not reported
    }

    /** No work planned from day 31 to day 59 (a holiday shutdown): 20 000 at both ends of the stretch. */
    private static final List<Snapshot.PvPoint> FLAT = List.of(
            new Snapshot.PvPoint(LocalDate.of(2026, 2, 1), 20_000.0),
            new Snapshot.PvPoint(LocalDate.of(2026, 3, 1), 20_000.0));

    @Test
    void earnedValueEqualToAFlatStretchEarnsTheWholeStretch() {
        // asOf 2026-03-01 (AT = 59), EV = PV = 20 000: C is the last day with PV <= EV, the stretch's end, day 59
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 3, 1), FLAT, null, 20_000.0, 20_000.0));

        assertThat(i.esDays()).isEqualTo(59.0);
        assertThat(i.spiT()).isEqualTo(1.0);                     // on plan: not 31 / 59 = 0.53
        assertThat(i.svtDays()).isEqualTo(0.0);
    }

    @Test
    void earnedValueJustPastAFlatStretchCountsFromItsEnd() {
        // EV 30 000 lies between 20 000 (day 59, end of the flat stretch) and 100 000 (day 100): 59 + 10/80 x 41
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 3, 11), FLAT, null, 30_000.0, 30_000.0));

        assertThat(i.esDays()).isEqualTo(64.1);                  // 59 + 5.125
        assertThat(i.actualTimeDays()).isEqualTo(69.0);
    }

    @Test
    void aFinishedProjectHasEarnedItsWholeDurationWhateverTheCurveEndsWith() {
        // finished late on 2026-05-01 (AT = 120) with the whole budget earned; the last 20 days plan nothing more
        List<Snapshot.PvPoint> flatEnd = List.of(new Snapshot.PvPoint(LocalDate.of(2026, 3, 22), 100_000.0));
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 5, 1), flatEnd, null, 100_000.0, 110_000.0));

        assertThat(i.esDays()).isEqualTo(100.0);                 // ES = PD, not the day the curve first reached BAC (80)
        assertThat(i.spiT()).isEqualTo(0.833);                   // PD / AT = 100 / 120
        assertThat(i.esForecastFinish()).isEqualTo(LocalDate.of(2026, 5, 1)); // AT + 0 / SPI(t): it finished
    }

    @Test
    void readsPlannedValueOffTheCurveWhenNotReported() {
        // day 45 (2026-02-15) lies between day 31 (20 000) and day 59 (60 000): 20 000 + 14/28 x 40 000 = 40 000
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 2, 15), CURVE, null, 40_000.0, 40_000.0));

        assertThat(i.pv()).isEqualTo(40_000.0);
        assertThat(i.spi()).isEqualTo(1.0);
        assertThat(i.esDays()).isEqualTo(45.0);
        assertThat(i.spiT()).isEqualTo(1.0);
        assertThat(i.esForecastFinish()).isEqualTo(FINISH);
    }

    @Test
    void singlePointCurveIsAStraightLineFromStart() {
        // one point: 50 000 at day 50 (2026-02-20); with (start, 0) and (finish, budget) it is the line PV = 1 000 x day
        List<Snapshot.PvPoint> single = List.of(new Snapshot.PvPoint(LocalDate.of(2026, 2, 20), 50_000.0));
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 2, 20), single, null, 30_000.0, 30_000.0));

        assertThat(i.pv()).isEqualTo(50_000.0);
        assertThat(i.esDays()).isEqualTo(30.0);                  // 30 000 / 1 000 per day
        assertThat(i.spiT()).isEqualTo(0.6);                     // 30 / 50
        assertThat(i.svtDays()).isEqualTo(-20.0);
    }

    @Test
    void noCurveMeansLinearPlannedValue() {
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 2, 20), List.of(), null, 50_000.0, 40_000.0));

        assertThat(i.pv()).isEqualTo(50_000.0);                  // 100 000 x 50 / 100
        assertThat(i.spiT()).isEqualTo(1.0);
        assertThat(i.cpi()).isEqualTo(1.25);
    }

    @Test
    void beforeAnyPlannedValueTheRatiosAreAbsentNotInfinite() {
        // asOf = start: AT = 0, PV = 0
        Indicators i = EarnedValue.of(snapshot(START, CURVE, null, 0.0, 0.0));

        assertThat(i.pv()).isEqualTo(0.0);
        assertThat(i.spi()).isNull();                            // EV / 0
        assertThat(i.cpi()).isNull();                            // EV / 0
        assertThat(i.spiT()).isNull();                           // ES / 0
        assertThat(i.esForecastFinish()).isNull();
    }

    @Test
    void zeroEarnedValueGivesZeroIndicesAndNoFinishForecast() {
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 2, 1), CURVE, null, 0.0, 5_000.0));

        assertThat(i.spi()).isEqualTo(0.0);
        assertThat(i.cpi()).isEqualTo(0.0);
        assertThat(i.esDays()).isEqualTo(0.0);
        assertThat(i.spiT()).isEqualTo(0.0);
        assertThat(i.esForecastFinish()).isNull();               // would be infinitely far
        assertThat(i.eac()).isNull();                            // BAC / 0
    }

    @Test
    void finishedLateProjectForecastsItsActualTime() {
        // asOf 2026-04-21 (day 110), all earned: ES = PD = 100, SPI(t) = 100/110, IEAC(t) = 110 + 0 = day 110
        Indicators i = EarnedValue.of(snapshot(LocalDate.of(2026, 4, 21), CURVE, null, 100_000.0, 120_000.0));

        assertThat(i.esDays()).isEqualTo(100.0);
        assertThat(i.spi()).isEqualTo(1.0);                      // SPI drifts back to 1.0 at the end...
        assertThat(i.spiT()).isCloseTo(0.909, within(0.0005));  // ...SPI(t) does not
        assertThat(i.esForecastFinish()).isEqualTo(LocalDate.of(2026, 4, 21));
        assertThat(i.tcpi()).isNull();                           // budget already spent: BAC - AC <= 0
    }

    @Test
    void withoutBaselineOnlyReportedValuesAreUsed() {
        Snapshot bare = new Snapshot("P", START, null, null, null, null, new Snapshot.Progress(40.0, 10.0, 8.0, 10.0),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Indicators i = EarnedValue.of(bare);

        assertThat(i.spi()).isEqualTo(0.8);
        assertThat(i.cpi()).isEqualTo(0.8);
        assertThat(i.percentComplete()).isEqualTo(40.0);
        assertThat(i.esDays()).isNull();
        assertThat(i.bac()).isNull();
        assertThat(i.tcpi()).isNull();
    }
}
