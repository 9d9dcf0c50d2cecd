package org.pmopulse.forecast.training;

import org.pmopulse.forecast.Forecaster;
import org.pmopulse.forecast.ModelCard;
import org.pmopulse.forecast.SlipFeatures;
import org.pmopulse.forecast.SlipModel;
import org.pmopulse.system.PulseJson;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains the slip model: evaluates every candidate trainer leave-one-project-out, keeps the one with the lowest
 * error overall (or the one asked for), trains it on all the data and writes the model (Tribuo protobuf) with
 * its card: the data, the features, the trainer and its settings, the evaluation, and the calibration of the 80 %
 * range (the kept trainer's out-of-fold errors).
 */
public final class SlipTraining {
    private SlipTraining() {
    }

    public static List<GroupedEvaluation.Result> evaluateAll(List<TrainingRow> rows, Consumer<String> progress) {
        List<GroupedEvaluation.Result> results = new ArrayList<>();
        Candidates.all().forEach((name, trainer) -> {
            progress.accept("evaluating " + name + " (" + rows.stream().map(TrainingRow::projectId).distinct().count()
                    + " folds)");
            results.add(GroupedEvaluation.run(rows, name, trainer, progress));
        });
        return results;
    }

    public static GroupedEvaluation.Result best(List<GroupedEvaluation.Result> results) {
        return results.stream().min(Comparator.comparingDouble(r -> r.model().all())).orElseThrow();
    }

    /**
     * @param trainingData how the card describes the data (where from, how many projects, the citation)
     * @return the card written beside {@code modelFile}
     */
    public static ModelCard train(List<TrainingRow> rows, GroupedEvaluation.Result chosen, List<GroupedEvaluation.Result> all,
                                  String trainingData, Path modelFile) throws IOException {
        var trainer = Candidates.named(chosen.trainer());
        Map<String, Double> typical = medians(rows);
        Model<Regressor> model = trainer.train(SlipData.dataset(rows, typical, trainingData));
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        model.serializeToFile(modelFile);
        ModelCard card = new ModelCard("slip-" + chosen.trainer(), Instant.now().toString(), trainer.toString(),
                SlipFeatures.TARGET, SlipFeatures.NAMES, typical,
                chosen.predictions().stream().map(p -> Math.round(p.residual() * 10_000) / 10_000.0).sorted().toList(),
                trainingData, evaluation(chosen, all), Map.of(
                        "trainedBy", "java -jar pulse.jar train",
                        "tribuo", org.tribuo.Tribuo.VERSION,
                        "rows", rows.size(),
                        "projects", rows.stream().map(TrainingRow::projectId).distinct().count()));
        Files.writeString(Forecaster.cardOf(modelFile), PulseJson.prettyMapper().writeValueAsString(card));
        return card;
    }

    /**
     * Each feature's median over the training rows: the "typical project" that stands in for a missing feature
     * and that the main factors are measured against.
     */
    static Map<String, Double> medians(List<TrainingRow> rows) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String name : SlipFeatures.NAMES) {
            double[] values = rows.stream().map(r -> r.features().get(name)).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            if (values.length > 0) {
                medians.put(name, Math.round(SlipModel.quantile(values, 0.5) * 10_000) / 10_000.0);
            }
        }
        return medians;
    }

    private static Map<String, Object> evaluation(GroupedEvaluation.Result chosen, List<GroupedEvaluation.Result> all) {
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("method", "leave one project out; MAPE of the forecast real duration in percent");
        evaluation.put("snapshots", chosen.predictions().size());
        evaluation.put("coverage80", Math.round(chosen.coverage80() * 1000) / 1000.0);
        Map<String, Object> table = new LinkedHashMap<>();
        chosen.errors().subList(0, 3).forEach(e -> table.put(e.method(), figures(e)));
        all.forEach(r -> table.put(r.model().method(), figures(r.model())));
        evaluation.put("mape", table);
        evaluation.put("kept", chosen.trainer());
        return evaluation;
    }

    private static Map<String, Double> figures(GroupedEvaluation.Errors e) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("all", round(e.all()));
        e.byStage().forEach((stage, v) -> f.put(stage.name().toLowerCase(), round(v)));
        f.put("meanByProject", round(e.byProject()));
        return f;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
