package org.pmopulse.forecast.training;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.forecast.ModelCard;
import org.pmopulse.forecast.SlipModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The nested evaluation cannot flatter: nothing of a left-out project reaches its own forecast, and an existing
 * model is scored with its own range. Data: simulated executions of the small hand-written project.
 */
class NestedEvaluationTest {
    private static List<TrainingRow> rows;

    @BeforeAll
    static void data() {
        rows = SimulatedProjects.rows(16, 11);
    }

    private static NestedEvaluation.Data data(List<TrainingRow> r) {
        return new NestedEvaluation.Data(r, Map.of());
    }

    /** The same rows with one project's real durations made absurd: 3 x longer. */
    private static List<TrainingRow> withOutcomeOf(String project, double factor) {
        List<TrainingRow> changed = new ArrayList<>();
        for (TrainingRow r : rows) {
            changed.add(!r.projectId().equals(project) ? r : new TrainingRow(r.projectId(), r.asOf(), r.percentComplete(),
                    r.plannedDays(), r.actualTimeDays(), r.esDays(), r.spiT(), r.es1Days(), r.es2Days(),
                    r.realDays() * factor, r.features()));
        }
        return changed;
    }

    private static List<NestedEvaluation.Prediction> of(NestedEvaluation.Result result, String project) {
        return result.predictions().stream().filter(p -> p.row().projectId().equals(project)).toList();
    }

    @Test
    void aProjectsOwnOutcomeNeverReachesItsForecastItsChoiceOrItsRange() {
        List<Candidates.Candidate> candidates = Candidates.standard();
        NestedEvaluation.Result before = NestedEvaluation.run(data(rows), candidates, line -> { });
        NestedEvaluation.Result after = NestedEvaluation.run(data(withOutcomeOf("P03", 3)), candidates, line -> { });

        List<NestedEvaluation.Prediction> own = of(before, "P03");
        List<NestedEvaluation.Prediction> ownAfter = of(after, "P03");
        assertThat(own).isNotEmpty().hasSameSizeAs(ownAfter);
        for (int i = 0; i < own.size(); i++) {
            assertThat(ownAfter.get(i).correction()).isEqualTo(own.get(i).correction());
            assertThat(ownAfter.get(i).low()).isEqualTo(own.get(i).low());
            assertThat(ownAfter.get(i).high()).isEqualTo(own.get(i).high());
            assertThat(ownAfter.get(i).choice()).isEqualTo(own.get(i).choice());
        }
        // and the test can see a leak: the other folds, which do train and calibrate on P03, move
        boolean othersMoved = false;
        for (int i = 0; i < before.predictions().size(); i++) {
            NestedEvaluation.Prediction b = before.predictions().get(i);
            NestedEvaluation.Prediction a = after.predictions().get(i);
            othersMoved |= !b.row().projectId().equals("P03")
                    && (a.correction() != b.correction() || a.high() != b.high());
        }
        assertThat(othersMoved).isTrue();
    }

    @Test
    void withFamiliesASiblingsOutcomeDoesNotReachTheLeftOutProjectEither() {
        Map<String, String> families = Map.of("P03", "twins", "P04", "twins");
        List<Candidates.Candidate> candidates = Candidates.standard();
        NestedEvaluation.Result before = NestedEvaluation.run(new NestedEvaluation.Data(rows, Map.of(), families),
                candidates, line -> { });
        NestedEvaluation.Result after = NestedEvaluation.run(new NestedEvaluation.Data(withOutcomeOf("P04", 3),
                Map.of(), families), candidates, line -> { });

        List<NestedEvaluation.Prediction> own = of(before, "P03");
        for (int i = 0; i < own.size(); i++) {
            assertThat(of(after, "P03").get(i).correction()).isEqualTo(own.get(i).correction());
            assertThat(of(after, "P03").get(i).high()).isEqualTo(own.get(i).high());
        }
        assertThat(before.design()).contains("siblings");
        assertThat(NestedEvaluation.Data.familyOf("Apartment Building (2)")).isEqualTo("apartment building");
        assertThat(NestedEvaluation.Data.familyOf("Office Finishing Works")).isEqualTo("office finishing works");
    }

    @Test
    void theChoiceOfAFoldDependsOnlyOnItsTrainingProjects() {
        Set<String> others = new TreeSet<>(data(rows).projects());
        others.remove("P05");

        NestedEvaluation.Choice choice = NestedEvaluation.choose(data(rows), others, Candidates.standard());
        NestedEvaluation.Choice withoutP05 = NestedEvaluation.choose(
                data(rows.stream().filter(r -> !r.projectId().equals("P05")).toList()), others, Candidates.standard());

        assertThat(withoutP05.label()).isEqualTo(choice.label());
        assertThat(withoutP05.quantiles()).isEqualTo(choice.quantiles());
        assertThat(choice.options()).containsKey("earned schedule").containsKey("forest x 0.5");
    }

    /**
     * Inside a fold, a row is forecast by a model trained on the fold's projects without the row's family, as the
     * outer loop leaves a family out.
     */
    @Test
    void anInnerForecastComesFromAModelThatSawNeitherTheRowsProjectNorItsSiblings() {
        NestedEvaluation.Data twins = new NestedEvaluation.Data(rows, Map.of(), Map.of("P03", "twins", "P04", "twins"));
        Set<String> fold = new TreeSet<>(twins.projects());
        fold.remove("P01"); // the fold that leaves P01 out
        Candidates.Candidate tree = Candidates.named("tree", Candidates.standard());
        List<TrainingRow> foldRows = twins.realOf(fold);
        Set<String> withoutTwins = new TreeSet<>(fold);
        withoutTwins.removeAll(Set.of("P03", "P04"));
        Set<String> withoutP03Only = new TreeSet<>(fold);
        withoutP03Only.remove("P03");
        NestedEvaluation.Choice full = new NestedEvaluation.Choice(tree, 1.0, Map.of(), 0, Map.of());
        SlipModel unseen = NestedEvaluation.fit(twins, withoutTwins, full, "without the twins");
        SlipModel sawSibling = NestedEvaluation.fit(twins, withoutP03Only, full, "with P04");

        double[] corrections = new NestedEvaluation.OutOfFold(twins).corrections(tree, fold, foldRows);

        boolean siblingWouldShow = false;
        for (int i = 0; i < foldRows.size(); i++) {
            if (foldRows.get(i).projectId().equals("P03")) {
                assertThat(corrections[i]).isEqualTo(unseen.correction(foldRows.get(i).features()));
                siblingWouldShow |= corrections[i] != sawSibling.correction(foldRows.get(i).features());
            }
        }
        assertThat(siblingWouldShow).as("a model that saw P04 forecasts P03 differently").isTrue();
    }

    /**
     * The folds share the inner models they have in common (fitted once, in parallel folds); the evaluation is
     * exactly what each fold deciding on its own, from scratch, gives.
     */
    @Test
    void sharingInnerModelsBetweenFoldsChangesNoForecast() {
        NestedEvaluation.Data twins = new NestedEvaluation.Data(rows, Map.of(),
                Map.of("P03", "twins", "P04", "twins", "P06", "triplets", "P07", "triplets", "P08", "triplets"));
        List<Candidates.Candidate> candidates = Candidates.standard();

        NestedEvaluation.Result shared = NestedEvaluation.run(twins, candidates, line -> { });

        Map<String, List<String>> families = new TreeMap<>();
        twins.projects().forEach(p -> families.computeIfAbsent(twins.family(p), f -> new ArrayList<>()).add(p));
        List<NestedEvaluation.Prediction> alone = new ArrayList<>();
        for (List<String> left : families.values()) {
            Set<String> others = new TreeSet<>(twins.projects());
            left.forEach(others::remove);
            NestedEvaluation.Choice choice = NestedEvaluation.choose(twins, others, candidates); // its own inner models
            SlipModel model = NestedEvaluation.fit(twins, others, choice, "alone");
            rows.stream().filter(r -> left.contains(r.projectId()))
                    .forEach(r -> alone.add(NestedEvaluation.predict(model, r, choice.label())));
        }
        alone.sort(Comparator.comparing((NestedEvaluation.Prediction p) -> p.row().projectId()));

        assertThat(shared.predictions()).hasSameSizeAs(alone);
        for (int i = 0; i < alone.size(); i++) {
            NestedEvaluation.Prediction a = alone.get(i);
            NestedEvaluation.Prediction s = shared.predictions().get(i);
            assertThat(s.row()).isSameAs(a.row());
            assertThat(List.of(s.correction(), s.low(), s.high())).containsExactly(a.correction(), a.low(), a.high());
            assertThat(s.choice()).isEqualTo(a.choice());
        }
    }

    @Test
    void tooFewFamiliesForAFoldAndItsInnerFoldsAreRefusedUpFront() {
        NestedEvaluation.Data two = new NestedEvaluation.Data(rows.stream()
                .filter(r -> r.projectId().equals("P01") || r.projectId().equals("P02")).toList(), Map.of());

        assertThatThrownBy(() -> NestedEvaluation.run(two, Candidates.standard(), line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 families, not 2");
    }

    @Test
    void anExistingModelIsScoredWithItsOwnRangeWhateverTheOutcomes() {
        Set<String> all = new TreeSet<>(data(rows).projects());
        NestedEvaluation.Choice choice = NestedEvaluation.choose(data(rows), all, Candidates.standard());
        SlipModel model = NestedEvaluation.fit(data(rows), all, choice, "test");

        NestedEvaluation.Result scored = NestedEvaluation.score(model, rows);
        NestedEvaluation.Result scoredLater = NestedEvaluation.score(model, withOutcomeOf("P01", 2));

        for (int i = 0; i < rows.size(); i++) {
            NestedEvaluation.Prediction p = scored.predictions().get(i);
            double[] range = model.range80(p.row().percentComplete());
            assertThat(p.low()).isEqualTo(range[0]);
            assertThat(p.high()).isEqualTo(range[1]);
            assertThat(scoredLater.predictions().get(i).low()).isEqualTo(p.low());
            assertThat(scoredLater.predictions().get(i).high()).isEqualTo(p.high());
        }
        assertThat(scored.design()).contains("as it is");
    }

    @Test
    void theRangeWeighsEveryProjectTheSame() {
        List<TrainingRow> many = new ArrayList<>();
        TrainingRow template = rows.get(0);
        double[] residuals = new double[13];
        // one project with 10 rows at +1, three projects with one row each at -1, 0 and +0.5
        for (int i = 0; i < 10; i++) {
            many.add(copy(template, "BIG"));
            residuals[i] = 1;
        }
        many.add(copy(template, "A"));
        many.add(copy(template, "B"));
        many.add(copy(template, "C"));
        residuals[10] = -1;
        residuals[11] = 0;
        residuals[12] = 0.5;

        List<Double> q = NestedEvaluation.weightedPercentiles(many, residuals);

        assertThat(q).hasSize(99);
        // by rows the median would be +1; by project it lies between the two middle projects (0 and 0.5)
        assertThat(q.get(49)).isCloseTo(0.25, within(1e-9));
        assertThat(q.get(0)).isEqualTo(-1);
        assertThat(q.get(98)).isEqualTo(1);
    }

    private static TrainingRow copy(TrainingRow r, String project) {
        return new TrainingRow(project, r.asOf(), r.percentComplete(), r.plannedDays(), r.actualTimeDays(), r.esDays(),
                r.spiT(), r.es1Days(), r.es2Days(), r.realDays(), r.features());
    }

    @Test
    void aCorrectionNoBetterThanTheEarnedScheduleOnTheOtherProjectsIsSwitchedOff() {
        Set<String> all = new TreeSet<>(data(rows).projects());
        NestedEvaluation.Choice choice = NestedEvaluation.choose(data(rows), all, Candidates.standard());

        double earnedSchedule = choice.options().get("earned schedule");
        assertThat(choice.innerMape()).isLessThanOrEqualTo(earnedSchedule);
        if (choice.shrinkage() == 0) {
            assertThat(choice.label()).isEqualTo("earned schedule");
        }
        ModelCard card = NestedEvaluation.fit(data(rows), all, choice, "test").card();
        assertThat(card.shrinkage()).isEqualTo(choice.shrinkage());
        assertThat(card.residualQuantiles()).containsOnlyKeys("early", "middle", "late");
    }
}
