package org.pmopulse.forecast.training;

import org.pmopulse.forecast.SlipModel;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Leave-one-project-out evaluation: for each project, a model trained on all the other projects forecasts every
 * snapshot of it, so no project is ever on both sides (its snapshots are strongly correlated). Compared on the
 * same snapshots with the naive "finishes on time" forecast and the two earned-schedule forecasts, by the mean
 * absolute percentage error of the predicted real duration, overall and by stage. The 80 % range of a project's
 * forecasts comes from the 10th and 90th percentiles of the out-of-fold errors of the <em>other</em> projects,
 * which is how the shipped model's range is calibrated, and its coverage is reported.
 */
public final class GroupedEvaluation {
    /** A snapshot's out-of-fold forecast: the model's correction and the range. */
    public record Prediction(TrainingRow row, double correction, double low, double high) {
        public double days() {
            return row.es1Days() * Math.exp(correction);
        }

        /** log(real) - log(forecast): what the range is calibrated on. */
        public double residual() {
            return row.target() - correction;
        }

        public boolean covered() {
            return residual() >= low && residual() <= high;
        }
    }

    /** Errors of one forecast method: MAPE in percent, over all rows, by stage, and averaged by project. */
    public record Errors(String method, double all, Map<TrainingRow.Stage, Double> byStage, double byProject) {}

    /** @param design how the forecasts were made: leave one project out, or an existing model */
    public record Result(String trainer, String design, List<Prediction> predictions, List<Errors> errors,
                         double coverage80) {
        public Errors model() {
            return errors.get(errors.size() - 1);
        }
    }

    private GroupedEvaluation() {
    }

    public static Result run(List<TrainingRow> rows, String trainerName, Supplier<Trainer<Regressor>> trainer,
                             Consumer<String> progress) {
        List<String> projects = rows.stream().map(TrainingRow::projectId).distinct().sorted().toList();
        Map<String, double[]> corrections = new LinkedHashMap<>();
        int fold = 0;
        for (String project : projects) {
            fold++;
            List<TrainingRow> train = rows.stream().filter(r -> !r.projectId().equals(project)).toList();
            List<TrainingRow> test = rows.stream().filter(r -> r.projectId().equals(project)).toList();
            Map<String, Double> typical = SlipTraining.medians(train);
            Model<Regressor> model = trainer.get().train(SlipData.dataset(train, typical, "leave out " + project));
            corrections.put(project, test.stream().mapToDouble(r -> predict(model, r, typical)).toArray());
            progress.accept(String.format(Locale.ROOT, "  %s fold %d/%d: left out %s (%d snapshots)", trainerName,
                    fold, projects.size(), project, test.size()));
        }
        return fromCorrections(trainerName, "leave one project out", rows, projects, corrections);
    }

    /** Scores given corrections (an existing model on projects it never saw), calibrated the same way. */
    static Result fromCorrections(String name, String design, List<TrainingRow> rows, List<String> projects,
                                  Map<String, double[]> corrections) {
        List<Prediction> raw = new ArrayList<>();
        for (String project : projects) {
            List<TrainingRow> test = rows.stream().filter(r -> r.projectId().equals(project)).toList();
            double[] c = corrections.get(project);
            for (int i = 0; i < test.size(); i++) {
                raw.add(new Prediction(test.get(i), c[i], 0, 0));
            }
        }
        List<Prediction> predictions = new ArrayList<>();
        for (String project : projects) {
            double[] others = raw.stream().filter(o -> !o.row().projectId().equals(project))
                    .mapToDouble(Prediction::residual).sorted().toArray();
            double low = SlipModel.quantile(others, 0.10);
            double high = SlipModel.quantile(others, 0.90);
            raw.stream().filter(p -> p.row().projectId().equals(project))
                    .forEach(p -> predictions.add(new Prediction(p.row(), p.correction(), low, high)));
        }
        double coverage = predictions.stream().filter(Prediction::covered).count() / (double) predictions.size();
        List<Errors> errors = List.of(
                errors("naive: finishes on time (PD)", rows, TrainingRow::plannedDays),
                errors("earned schedule: AT + (PD - ES)", rows, TrainingRow::es1Days),
                errors("earned schedule: AT + (PD - ES) / SPI(t)", rows, TrainingRow::es2Days),
                errors("model: " + name, predictions.stream().map(Prediction::row).toList(),
                        predictionDays(predictions)));
        return new Result(name, design, predictions, errors, coverage);
    }

    private static ToDoubleFunction<TrainingRow> predictionDays(List<Prediction> predictions) {
        Map<TrainingRow, Double> days = new LinkedHashMap<>();
        predictions.forEach(p -> days.put(p.row(), p.days()));
        return days::get;
    }

    /** An existing model on rows it never saw; the range is calibrated as in {@link #run}. */
    public static Result score(SlipModel model, List<TrainingRow> rows) {
        List<String> projects = rows.stream().map(TrainingRow::projectId).distinct().sorted().toList();
        Map<String, double[]> corrections = new LinkedHashMap<>();
        for (String project : projects) {
            corrections.put(project, rows.stream().filter(r -> r.projectId().equals(project))
                    .mapToDouble(r -> model.correction(r.features())).toArray());
        }
        return fromCorrections(model.card().name(), "an existing model; a fair test only on projects it was not"
                + " trained on", rows, projects, corrections);
    }

    static double predict(Model<Regressor> model, TrainingRow row, Map<String, Double> typical) {
        return model.predict(SlipData.unlabelled(SlipData.complete(row.features(), typical))).getOutput().getValues()[0];
    }

    private static Errors errors(String method, List<TrainingRow> rows, ToDoubleFunction<TrainingRow> forecast) {
        Map<TrainingRow.Stage, Double> byStage = new LinkedHashMap<>();
        for (TrainingRow.Stage stage : TrainingRow.Stage.values()) {
            byStage.put(stage, mape(rows.stream().filter(r -> r.stage() == stage).toList(), forecast));
        }
        Map<String, List<TrainingRow>> byProject = rows.stream()
                .collect(Collectors.groupingBy(TrainingRow::projectId, LinkedHashMap::new, Collectors.toList()));
        double byProjectMean = byProject.values().stream().mapToDouble(r -> mape(r, forecast)).average().orElse(Double.NaN);
        return new Errors(method, mape(rows, forecast), byStage, byProjectMean);
    }

    private static double mape(List<TrainingRow> rows, ToDoubleFunction<TrainingRow> forecast) {
        return rows.stream().mapToDouble(r -> 100 * Math.abs(forecast.applyAsDouble(r) - r.realDays()) / r.realDays())
                .average().orElse(Double.NaN);
    }

    /** The comparison as a Markdown table, with the row counts per stage and the range's coverage. */
    public static String table(Result result) {
        List<TrainingRow> rows = result.predictions().stream().map(Prediction::row).toList();
        long projects = rows.stream().map(TrainingRow::projectId).distinct().count();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "MAPE of the forecast real duration, %d projects, %d snapshots (%s)%n%n",
                projects, rows.size(), result.design()));
        t.append("| forecast | all | ");
        Arrays.stream(TrainingRow.Stage.values()).forEach(s -> t.append(s.label()).append(" (")
                .append(rows.stream().filter(r -> r.stage() == s).count()).append(") | "));
        t.append("mean by project |\n|---|---|---|---|---|---|\n");
        for (Errors e : result.errors()) {
            t.append("| ").append(e.method()).append(" | ").append(pct(e.all())).append(" | ");
            e.byStage().values().forEach(v -> t.append(pct(v)).append(" | "));
            t.append(pct(e.byProject())).append(" |\n");
        }
        t.append(String.format(Locale.ROOT, "%n80 %% range: the real duration fell inside it in %.0f %% of the %d snapshots.%n",
                100 * result.coverage80(), rows.size()));
        return t.toString();
    }

    private static String pct(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value);
    }
}
