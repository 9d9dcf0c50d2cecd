package org.pmopulse.forecast.training;

import org.pmopulse.forecast.ModelCard;
import org.pmopulse.forecast.SlipFeatures;
import org.pmopulse.forecast.SlipModel;
import org.pmopulse.forecast.Stage;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Nested grouped evaluation. The outer loop leaves one project out, with its siblings (its family); everything the
 * forecast of that family depends on is decided from the other projects only: which candidate, how much of its
 * correction to apply (shrinkage, 0 = the earned-schedule forecast), and the calibration of the 80 % range. Those
 * decisions come from an inner cross-validation over the other projects that leaves one family out at a time, as
 * the outer loop does: each candidate forecasts every period of the other projects from models that had not seen
 * that project's family, and the option with the lowest error that is no worse than the earned-schedule forecast
 * in any stage is kept, and the range is the 10th to 90th percentile of that option's inner errors in the stage,
 * each project weighing the same (a split-conformal range by project). Then the kept candidate is trained on all
 * the other projects and forecasts the left-out family through the same {@link SlipModel} code as the service.
 * {@link SlipTraining} makes exactly the same decisions on all the projects.
 *
 * <p>Why one family out inside too: the inner models must learn from about as many projects as the model the
 * choice is for. With 8 inner folds they had seen a seventh fewer, corrected less well, and the shrinkage chosen
 * from them was smaller than what served the left-out projects best (models/README.md).
 */
public final class NestedEvaluation {
    /** Fewest unrelated projects (families) an evaluation can run on: one left out, two for the inner folds. */
    public static final int MIN_FAMILIES = 3;
    private static final String EARNED_SCHEDULE = "earned schedule";

    private NestedEvaluation() {
    }

    /**
     * The real rows, the simulated executions of each real project's network (by project id; may be empty), and
     * which projects are siblings (by project id, a family name; a project missing from it is its own family).
     * A left-out project's siblings leave with it: a sibling (same client, same network template, "Apartment
     * Building (1)" and "(2)") tells the model the left-out project's outcome the way its own rows would.
     */
    public record Data(List<TrainingRow> rows, Map<String, List<TrainingRow>> simulated, Map<String, String> families) {
        public Data(List<TrainingRow> rows, Map<String, List<TrainingRow>> simulated) {
            this(rows, simulated, Map.of());
        }

        public String family(String project) {
            return families.getOrDefault(project, project);
        }

        /** A family from a project's name: the name without a trailing number in brackets, in lower case. */
        public static String familyOf(String name) {
            return name.replaceFirst("\\s*\\(\\d+\\)\\s*$", "").strip().toLowerCase(Locale.ROOT);
        }

        public List<String> projects() {
            return rows.stream().map(TrainingRow::projectId).distinct().sorted().toList();
        }

        List<TrainingRow> realOf(Set<String> projects) {
            return rows.stream().filter(r -> projects.contains(r.projectId())).toList();
        }

        List<TrainingRow> simulatedOf(Set<String> projects) {
            return projects.stream().sorted().flatMap(p -> simulated.getOrDefault(p, List.of()).stream()).toList();
        }
    }

    /**
     * What one fold decided from its training projects.
     *
     * @param options the inner error (MAPE, %) of every candidate at every shrinkage
     */
    public record Choice(Candidates.Candidate candidate, double shrinkage, Map<Stage, List<Double>> quantiles,
                         double innerMape, Map<String, Double> options) {
        public String label() {
            return shrinkage == 0 ? EARNED_SCHEDULE : candidate.name() + " x " + shrinkage;
        }
    }

    /** A snapshot's forecast from a model that never saw its project. */
    public record Prediction(TrainingRow row, double correction, double low, double high, String choice) {
        public double days() {
            return row.es1Days() * Math.exp(correction);
        }

        public double lowDays() {
            return row.es1Days() * Math.exp(correction + low);
        }

        public double highDays() {
            return row.es1Days() * Math.exp(correction + high);
        }

        /** log(real) - log(forecast): what the range is calibrated on. */
        public double residual() {
            return row.target() - correction;
        }

        public boolean covered() {
            return row.realDays() >= lowDays() - 1e-9 && row.realDays() <= highDays() + 1e-9;
        }
    }

    /** @param design how the forecasts were made */
    public record Result(String design, List<Prediction> predictions) {}

    /** Runs the outer loop, the folds in parallel; the result does not depend on the order they finish in. */
    public static Result run(Data data, List<Candidates.Candidate> candidates, Consumer<String> progress) {
        return run(data, candidates, null, progress);
    }

    /**
     * @param fixedShrinkage null to choose the shrinkage inside each fold; else this shrinkage is always applied
     *                       to the (single) candidate, and only the range is still calibrated inside: what a
     *                       candidate does when switched on, for the exploration
     */
    public static Result run(Data data, List<Candidates.Candidate> candidates, Double fixedShrinkage,
                             Consumer<String> progress) {
        // siblings leave together, so one fold a family: its projects would all get the same choice and model
        Map<String, List<String>> families = data.projects().stream()
                .collect(Collectors.groupingBy(data::family, TreeMap::new, Collectors.toList()));
        if (families.size() < MIN_FAMILIES) {
            throw new IllegalArgumentException("a nested evaluation needs projects of at least " + MIN_FAMILIES
                    + " families, not " + families.size() + ": one to leave out, two for the inner folds");
        }
        OutOfFold inner = new OutOfFold(data);
        AtomicInteger done = new AtomicInteger();
        List<Prediction> predictions = families.values().parallelStream().flatMap(left -> {
            Set<String> others = data.projects().stream().filter(p -> !left.contains(p))
                    .collect(Collectors.toCollection(TreeSet::new));
            Choice choice = choose(inner, others, candidates, fixedShrinkage);
            SlipModel model = fit(data, others, choice, "leave out " + String.join(", ", left));
            List<Prediction> made = data.rows().stream().filter(r -> left.contains(r.projectId()))
                    .map(r -> predict(model, r, choice.label())).toList();
            progress.accept(String.format(Locale.ROOT, "  outer fold %d/%d: left out %s (%d snapshots), chose %s"
                            + " (inner MAPE %.1f %%)", done.incrementAndGet(), families.size(), String.join(", ", left),
                    made.size(), choice.label(), choice.innerMape()));
            return made.stream();
        }).sorted(Comparator.comparing((Prediction p) -> p.row().projectId())).toList();
        boolean siblings = families.size() < data.projects().size();
        return new Result("nested leave one project out" + (siblings ? ", its siblings with it" : ""), predictions);
    }

    /** An existing model on rows it never saw: its own correction and its card's range, nothing recalibrated. */
    public static Result score(SlipModel model, List<TrainingRow> rows) {
        return new Result("the model " + model.card().name() + " as it is, with its own range; a fair test only on"
                + " projects it was not trained on", rows.stream().map(r -> predict(model, r, model.card().name())).toList());
    }

    static Prediction predict(SlipModel model, TrainingRow row, String choice) {
        double[] range = model.range80(row.percentComplete());
        return new Prediction(row, model.correction(row.features()), range[0], range[1], choice);
    }

    /**
     * The decision of one fold, from {@code projects} alone: every candidate's inner out-of-fold corrections, the
     * option (candidate and shrinkage) with the lowest MAPE, and the range from that option's inner errors.
     */
    public static Choice choose(Data data, Set<String> projects, List<Candidates.Candidate> candidates) {
        return choose(new OutOfFold(data), projects, candidates, null);
    }

    /** @param inner the inner forecasts of the evaluation's data, shared by its folds */
    static Choice choose(OutOfFold inner, Set<String> projects, List<Candidates.Candidate> candidates,
                         Double fixedShrinkage) {
        List<TrainingRow> rows = inner.data.realOf(projects);
        Map<String, Double> options = new LinkedHashMap<>();
        Candidates.Candidate best = candidates.get(0);
        double bestShrinkage = 0;
        double[] none = new double[rows.size()];
        double bestMape = mape(rows, none, 0);
        double[] baseline = byStage(rows, none, 0);
        options.put(EARNED_SCHEDULE, round(bestMape));
        double[] bestCorrections = new double[rows.size()];
        for (Candidates.Candidate c : candidates) {
            double[] corrections = inner.corrections(c, projects, rows);
            for (double shrinkage : fixedShrinkage == null ? Candidates.SHRINKAGES : List.of(fixedShrinkage)) {
                if (shrinkage == 0) {
                    continue;
                }
                double m = mape(rows, corrections, shrinkage);
                options.put(c.name() + " x " + shrinkage, round(m));
                if (fixedShrinkage != null || m < bestMape - 1e-9
                        && noWorseInAnyStage(byStage(rows, corrections, shrinkage), baseline)) {
                    best = c;
                    bestShrinkage = shrinkage;
                    bestMape = m;
                    bestCorrections = corrections;
                }
            }
        }
        double[] residuals = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            residuals[i] = rows.get(i).target() - bestShrinkage * bestCorrections[i];
        }
        return new Choice(best, bestShrinkage, calibrate(rows, residuals), bestMape, options);
    }

    /**
     * The inner cross-validation's forecasts: each row of {@code projects} corrected by a candidate trained on
     * {@code projects} without the row's family. A model trained without families A and B serves the inner folds of
     * outer fold A and of outer fold B alike, so each is fitted once per evaluation, by whichever fold needs it first
     * (the others wait for it), and its corrections of every row it did not see are kept.
     */
    static final class OutOfFold {
        /** The candidate itself, not its name: two candidates of one name must not share forecasts. */
        private record Key(Candidates.Candidate candidate, Set<String> training) {}

        private final Data data;
        private final Map<Key, CompletableFuture<Map<TrainingRow, Double>>> fitted = new ConcurrentHashMap<>();

        OutOfFold(Data data) {
            this.data = data;
        }

        /** @param rows rows of {@code projects} from this evaluation's data (looked up as the same objects) */
        double[] corrections(Candidates.Candidate c, Set<String> projects, List<TrainingRow> rows) {
            Map<String, Map<TrainingRow, Double>> byFamily = new HashMap<>();
            double[] corrections = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String family = data.family(rows.get(i).projectId());
                Double correction = byFamily.computeIfAbsent(family, f -> unseen(c, projects.stream()
                        .filter(p -> !data.family(p).equals(f)).collect(Collectors.toCollection(TreeSet::new))))
                        .get(rows.get(i));
                if (correction == null) {
                    throw new IllegalArgumentException("a row of " + rows.get(i).projectId() + " that is not one of"
                            + " this evaluation's rows");
                }
                corrections[i] = correction;
            }
            return corrections;
        }

        /** The corrections of every real row outside {@code training}, by a model of {@code c} trained on it. */
        private Map<TrainingRow, Double> unseen(Candidates.Candidate c, Set<String> training) {
            CompletableFuture<Map<TrainingRow, Double>> mine = new CompletableFuture<>();
            CompletableFuture<Map<TrainingRow, Double>> first = fitted.putIfAbsent(new Key(c, training), mine);
            if (first != null) {
                return first.join();
            }
            try {
                SlipModel model = fit(data, training, new Choice(c, 1.0, Map.of(), 0, Map.of()), "inner fold");
                Map<TrainingRow, Double> known = new IdentityHashMap<>();
                for (TrainingRow r : data.rows()) {
                    if (!training.contains(r.projectId())) {
                        known.put(r, model.correction(r.features()));
                    }
                }
                mine.complete(known);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            return mine.join();
        }
    }

    /**
     * By stage, the 1st to 99th percentiles of the residuals, each project weighing the same within the stage
     * (a project tracked weekly would otherwise set the range for all); a stage without rows takes all rows.
     */
    static Map<Stage, List<Double>> calibrate(List<TrainingRow> rows, double[] residuals) {
        Map<Stage, List<Double>> quantiles = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            List<Integer> in = IntStream.range(0, rows.size()).filter(i -> rows.get(i).stage() == stage).boxed().toList();
            if (in.isEmpty()) {
                in = IntStream.range(0, rows.size()).boxed().toList();
            }
            quantiles.put(stage, weightedPercentiles(in.stream().map(rows::get).toList(),
                    in.stream().mapToDouble(i -> residuals[i]).toArray()));
        }
        return quantiles;
    }

    /** The 1st to 99th percentiles, each row weighing 1 / its project's rows, interpolated between midpoints. */
    static List<Double> weightedPercentiles(List<TrainingRow> rows, double[] values) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> count = rows.stream().collect(Collectors.groupingBy(TrainingRow::projectId, Collectors.counting()));
        Integer[] order = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> values[i]).thenComparing(i -> rows.get(i).projectId())
                        .thenComparing(i -> rows.get(i).asOf()))
                .toArray(Integer[]::new);
        double total = count.size();
        double[] mid = new double[order.length];
        double[] sorted = new double[order.length];
        double cumulative = 0;
        for (int k = 0; k < order.length; k++) {
            double w = 1.0 / count.get(rows.get(order[k]).projectId());
            mid[k] = (cumulative + w / 2) / total;
            cumulative += w;
            sorted[k] = values[order[k]];
        }
        List<Double> percentiles = new ArrayList<>();
        for (int p = 1; p <= 99; p++) {
            double q = p / 100.0;
            double v;
            if (q <= mid[0]) {
                v = sorted[0];
            } else if (q >= mid[mid.length - 1]) {
                v = sorted[sorted.length - 1];
            } else {
                int k = 1;
                while (mid[k] < q) {
                    k++;
                }
                double share = mid[k] == mid[k - 1] ? 0 : (q - mid[k - 1]) / (mid[k] - mid[k - 1]);
                v = sorted[k - 1] + share * (sorted[k] - sorted[k - 1]);
            }
            percentiles.add(round(v));
        }
        return percentiles;
    }

    /**
     * The choice trained on {@code projects} (their real rows, and their networks' simulations if the candidate
     * uses them), as the service would load it.
     */
    public static SlipModel fit(Data data, Set<String> projects, Choice choice, String description) {
        List<TrainingRow> real = data.realOf(projects);
        List<TrainingRow> simulated = choice.candidate().simulated() ? data.simulatedOf(projects) : List.of();
        List<TrainingRow> all = new ArrayList<>(real);
        all.addAll(simulated);
        // a feature that never varied in training (no risk register in the files) teaches nothing: left out, so a
        // project that has one is not told its forecast is out of range
        List<String> features = choice.candidate().features().stream().filter(f -> SlipData.varies(all, f)).toList();
        Map<String, Double> typical = SlipData.medians(real, features);
        Trainer<Regressor> trainer = trainer(choice);
        Model<Regressor> model = trainer.train(SlipData.dataset(real, simulated, features, typical, description));
        return new SlipModel(model, card(choice, trainer, features, typical, SlipData.ranges(all, features)), description);
    }

    /**
     * The candidate's trainer, or, when the correction is switched off, a constant 0: the model is then the
     * earned-schedule forecast with a calibrated range, and says so in its name instead of carrying a model
     * nobody uses.
     */
    private static Trainer<Regressor> trainer(Choice choice) {
        return choice.shrinkage() == 0 ? DummyRegressionTrainer.createConstantTrainer(0.0) : choice.candidate().newTrainer();
    }

    static ModelCard card(Choice choice, Trainer<Regressor> trainer, List<String> features,
                          Map<String, Double> typical, Map<String, List<Double>> ranges) {
        Map<String, List<Double>> quantiles = new LinkedHashMap<>();
        choice.quantiles().forEach((stage, q) -> quantiles.put(stage.key(), q));
        String name = "slip-" + (choice.shrinkage() == 0 ? "earned-schedule" : choice.candidate().name());
        return new ModelCard(name, trainer.toString(), SlipFeatures.TARGET, features, typical, ranges,
                choice.shrinkage(), quantiles, null, null, null);
    }

    /** The inner MAPE in each stage, in {@link Stage} order (NaN for a stage without rows). */
    static double[] byStage(List<TrainingRow> rows, double[] corrections, double shrinkage) {
        double[] m = new double[Stage.values().length];
        for (Stage s : Stage.values()) {
            List<Integer> in = IntStream.range(0, rows.size()).filter(i -> rows.get(i).stage() == s).boxed().toList();
            m[s.ordinal()] = mape(in.stream().map(rows::get).toList(),
                    in.stream().mapToDouble(i -> corrections[i]).toArray(), shrinkage);
        }
        return m;
    }

    /**
     * A correction is switched on only if, on the other projects, it is no worse than the earned-schedule
     * forecast in any stage: a model that wins overall by being better in the middle but worse early is not
     * what a project manager can trust early on.
     */
    private static boolean noWorseInAnyStage(double[] option, double[] baseline) {
        for (int i = 0; i < option.length; i++) {
            if (!Double.isNaN(option[i]) && !Double.isNaN(baseline[i]) && option[i] > baseline[i] + 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** MAPE (%) of ES1 x exp(shrinkage x correction) over the rows. */
    static double mape(List<TrainingRow> rows, double[] corrections, double shrinkage) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            TrainingRow r = rows.get(i);
            sum += Math.abs(r.es1Days() * Math.exp(shrinkage * corrections[i]) - r.realDays()) / r.realDays();
        }
        return rows.isEmpty() ? Double.NaN : 100 * sum / rows.size();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
