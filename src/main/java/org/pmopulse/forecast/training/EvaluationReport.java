package org.pmopulse.forecast.training;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pmopulse.forecast.Stage;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The figures of an evaluation, every one recomputable from the periods CSV: the mean absolute percentage error
 * (MAPE) of the forecast real duration for the model and the three classic forecasts on the same periods, pooled
 * over periods, by stage and by project, and how often the 80 % range held the real duration.
 */
public final class EvaluationReport {
    /** The periods CSV's columns, in order. */
    public static final List<String> COLUMNS = List.of("projectId", "asOf", "stage", "percentComplete", "plannedDays",
            "actualTimeDays", "esDays", "spiT", "es1Days", "es2Days", "modelDays", "low80Days", "high80Days",
            "realDays", "choice");

    /** A forecast method: its name and its forecast real duration of a period. */
    public record Method(String name, ToDoubleFunction<NestedEvaluation.Prediction> days) {}

    public static final List<Method> METHODS = List.of(
            new Method("naive: finishes on time (PD)", p -> p.row().plannedDays()),
            new Method("earned schedule ES1: AT + (PD - ES)", p -> p.row().es1Days()),
            new Method("earned schedule ES2: AT + (PD - ES) / SPI(t)", p -> p.row().es2Days()),
            new Method("model", NestedEvaluation.Prediction::days));

    /** MAPE in percent by method and stage ("all" and each stage's key), and the coverage of the range. */
    public record Figures(Map<String, Map<String, Double>> mape, Map<String, Double> coverage, int snapshots,
                          int projects) {}

    private EvaluationReport() {
    }

    public static Figures figures(NestedEvaluation.Result result) {
        List<NestedEvaluation.Prediction> all = result.predictions();
        Map<String, Map<String, Double>> mape = new LinkedHashMap<>();
        for (Method m : METHODS) {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("all", round(mape(all, m, p -> true)));
            for (Stage s : Stage.values()) {
                f.put(s.key(), round(mape(all, m, p -> p.row().stage() == s)));
            }
            f.put("meanByProject", round(byProject(all).values().stream()
                    .mapToDouble(rows -> mape(rows, m, p -> true)).average().orElse(Double.NaN)));
            mape.put(m.name(), f);
        }
        Map<String, Double> coverage = new LinkedHashMap<>();
        coverage.put("all", round(100 * coverage(all, p -> true)));
        for (Stage s : Stage.values()) {
            coverage.put(s.key(), round(100 * coverage(all, p -> p.row().stage() == s)));
        }
        return new Figures(mape, coverage, all.size(), byProject(all).size());
    }

    static double mape(List<NestedEvaluation.Prediction> predictions, Method m,
                       Predicate<NestedEvaluation.Prediction> which) {
        return 100 * predictions.stream().filter(which)
                .mapToDouble(p -> Math.abs(m.days().applyAsDouble(p) - p.row().realDays()) / p.row().realDays())
                .average().orElse(Double.NaN);
    }

    static double coverage(List<NestedEvaluation.Prediction> predictions, Predicate<NestedEvaluation.Prediction> which) {
        return predictions.stream().filter(which).mapToDouble(p -> p.covered() ? 1 : 0).average().orElse(Double.NaN);
    }

    private static Map<String, List<NestedEvaluation.Prediction>> byProject(List<NestedEvaluation.Prediction> all) {
        return all.stream().collect(Collectors.groupingBy(p -> p.row().projectId(), TreeMap::new, Collectors.toList()));
    }

    /** The tables as Markdown: by stage, the range's coverage, by project, and the choices the folds made. */
    public static String tables(NestedEvaluation.Result result) {
        List<NestedEvaluation.Prediction> all = result.predictions();
        Figures f = figures(result);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "MAPE of the forecast real duration, %d projects, %d snapshots (%s)%n%n",
                f.projects(), f.snapshots(), result.design()));
        t.append("| forecast | all |");
        for (Stage s : Stage.values()) {
            t.append(' ').append(s.label()).append(" (").append(all.stream().filter(p -> p.row().stage() == s).count())
                    .append(") |");
        }
        t.append(" mean by project |\n|---|---|---|---|---|---|\n");
        f.mape().forEach((method, v) -> {
            t.append("| ").append(method).append(" | ").append(pct(v.get("all"))).append(" |");
            for (Stage s : Stage.values()) {
                t.append(' ').append(pct(v.get(s.key()))).append(" |");
            }
            t.append(' ').append(pct(v.get("meanByProject"))).append(" |\n");
        });
        double es1 = f.mape().get(METHODS.get(1).name()).get("all");
        double model = f.mape().get("model").get("all");
        t.append(String.format(Locale.ROOT, "%nModel / ES1: %.2f overall", model / es1));
        for (Stage s : Stage.values()) {
            t.append(String.format(Locale.ROOT, ", %.2f %s", f.mape().get("model").get(s.key())
                    / f.mape().get(METHODS.get(1).name()).get(s.key()), s.key()));
        }
        t.append(String.format(Locale.ROOT, ".%n80 %% range: the real duration fell inside it in %.0f %% of the %d"
                + " snapshots", f.coverage().get("all"), f.snapshots()));
        for (Stage s : Stage.values()) {
            t.append(String.format(Locale.ROOT, "; %s %.0f %%", s.key(), f.coverage().get(s.key())));
        }
        long below = all.stream().filter(p -> p.row().realDays() < p.lowDays() - 1e-9).count();
        long above = all.stream().filter(p -> p.row().realDays() > p.highDays() + 1e-9).count();
        t.append(String.format(Locale.ROOT, " (misses: %d finished earlier than the range, %d later).%n%n", below, above));

        t.append("| project | snapshots | model | ES1 | ES2 | naive | range held |\n|---|---|---|---|---|---|---|\n");
        byProject(all).forEach((project, rows) -> t.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.0f %% |%n",
                project, rows.size(), pct(mape(rows, METHODS.get(3), p -> true)), pct(mape(rows, METHODS.get(1), p -> true)),
                pct(mape(rows, METHODS.get(2), p -> true)), pct(mape(rows, METHODS.get(0), p -> true)),
                100 * coverage(rows, p -> true))));
        Map<String, Long> choices = all.stream().collect(Collectors.groupingBy(p -> p.choice() + " / " + p.row().projectId(),
                TreeMap::new, Collectors.counting()));
        Map<String, Long> perChoice = new TreeMap<>();
        choices.keySet().forEach(k -> perChoice.merge(k.substring(0, k.lastIndexOf(" / ")), 1L, Long::sum));
        t.append("\nWhat the folds chose, by project left out: ");
        t.append(perChoice.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " project)" : " projects)"))
                .collect(Collectors.joining(", "))).append('\n');
        return t.toString();
    }

    /** One line per period with everything the figures are computed from. */
    public static void writePeriods(NestedEvaluation.Result result, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer w = Files.newBufferedWriter(file);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                     .setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (NestedEvaluation.Prediction p : result.predictions()) {
                TrainingRow r = p.row();
                csv.printRecord(r.projectId(), r.asOf(), r.stage().key(), fmt("%.1f", r.percentComplete()),
                        fmt("%.0f", r.plannedDays()), fmt("%.0f", r.actualTimeDays()), fmt("%.1f", r.esDays()),
                        r.spiT() == null ? "" : fmt("%.3f", r.spiT()), fmt("%.2f", r.es1Days()),
                        fmt("%.2f", r.es2Days()), fmt("%.2f", p.days()), fmt("%.2f", p.lowDays()),
                        fmt("%.2f", p.highDays()), fmt("%.0f", r.realDays()), p.choice());
            }
        }
    }

    private static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private static String pct(Double value) {
        return value == null || Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
