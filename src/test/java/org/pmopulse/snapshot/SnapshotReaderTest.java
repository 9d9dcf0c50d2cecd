package org.pmopulse.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pmopulse.system.BsonJson;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.NotJsonException;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;
import static org.pmopulse.snapshot.TestSnapshots.without;

class SnapshotReaderTest {
    private final SnapshotReader reader = new SnapshotReader();

    @Test
    void readsAFullSnapshot() {
        Snapshot s = reader.read(load("full"));

        assertThat(s.projectId()).isEqualTo("TEST-FULL");
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(s.baseline().plannedValueCurve()).hasSize(2);
        assertThat(s.tasks().get(0).predecessors().get(0).lagDays()).isEqualTo(-2); // a lead is data, not an error
        assertThat(s.risks().get(0).owner()).isNull();
    }

    @Test
    void onlyProjectIdAndAsOfAreRequired() {
        ObjectNode minimal = load("full").removeAll();
        minimal.put("projectId", "MIN").put("asOf", "2026-11-20");

        Snapshot s = reader.read(minimal);

        assertThat(s.risks()).isEmpty();
        assertThat(s.baseline()).isNull();
    }

    static Stream<Arguments> invalidSnapshots() {
        return Stream.of(
                bad("missing projectId", n -> without(n, "projectId"), "projectId"),
                bad("blank projectId", n -> with(n, "projectId", " "), "projectId"),
                bad("projectId with a slash", n -> with(n, "projectId", "a/b"), "projectId"),
                bad("projectId that is a number", n -> with(n, "projectId", 42), "projectId"),
                bad("missing asOf", n -> without(n, "asOf"), "asOf"),
                bad("asOf not a date", n -> with(n, "asOf", "next friday"), "asOf"),
                bad("asOf impossible date", n -> with(n, "asOf", "2026-02-30"), "asOf"),
                bad("asOf with a time", n -> with(n, "asOf", "2026-11-20T10:00:00"), "asOf"),
                bad("date in a list", n -> with(n, "milestones.1.forecastDate", "01/12/2026"), "milestones[1].forecastDate"),
                bad("percent complete over 100", n -> with(n, "progress.percentComplete", 142), "progress.percentComplete"),
                bad("negative percent complete", n -> with(n, "progress.percentComplete", -1), "progress.percentComplete"),
                bad("task percent over 100", n -> with(n, "tasks.0.percentComplete", 101), "tasks[0].percentComplete"),
                bad("scope change over 100 %", n -> with(n, "changes.0.scopeImpactPct", 150), "changes[0].scopeImpactPct"),
                bad("negative allocation", n -> with(n, "resources.0.allocationPct", -10), "resources[0].allocationPct"),
                bad("probability over 1", n -> with(n, "risks.0.probability", 1.5), "risks[0].probability"),
                bad("negative probability", n -> with(n, "risks.0.probability", -0.1), "risks[0].probability"),
                bad("impact out of scale", n -> with(n, "risks.0.impact", 9), "risks[0].impact"),
                bad("fractional impact", n -> with(n, "risks.0.impact", 3.5), "risks[0].impact"),
                bad("negative budget", n -> with(n, "baseline.budget", -5), "baseline.budget"),
                bad("negative actual cost", n -> with(n, "progress.actualCost", -1), "progress.actualCost"),
                bad("negative cost impact", n -> with(n, "changes.0.costImpact", -100), "changes[0].costImpact"),
                bad("negative schedule impact", n -> with(n, "changes.0.scheduleImpactDays", -3), "changes[0].scheduleImpactDays"),
                bad("negative review cadence", n -> with(n, "governance.riskReviewCadenceDays", -14), "governance.riskReviewCadenceDays"),
                bad("baseline finish before start", n -> with(n, "baseline.finish", "2025-12-31"), "baseline.finish"),
                bad("falling planned value curve", n -> with(n, "baseline.plannedValueCurve.1.pv", 100), "baseline.plannedValueCurve[1].pv"),
                bad("unknown methodology", n -> with(n, "methodology", "KANBAN"), "methodology"),
                bad("lower-case enum", n -> with(n, "methodology", "waterfall"), "methodology"),
                bad("unknown phase", n -> with(n, "phase", "DONE"), "phase"),
                bad("unknown RAG", n -> with(n, "pmStatus", "PURPLE"), "pmStatus"),
                bad("unknown severity", n -> with(n, "issues.0.severity", "BAD"), "issues[0].severity"),
                bad("number given as text", n -> with(n, "progress.earnedValue", "745000"), "progress.earnedValue"),
                bad("unknown field", n -> with(n, "budgett", 5), "budgett"),
                bad("dollar key", n -> with(n, "$where", "1"), "$where"),
                bad("dotted key deep inside", n -> with(n, "risks.0", Map.of("a.b", 1)), "risks[0].a.b"),
                bad("duplicate milestone id", n -> with(n, "milestones.1.id", "M1"), "milestones[1].id"),
                bad("null list element", n -> with(n, "risks.0", null), "risks[0]"),
                bad("list given as object", n -> with(n, "risks", Map.of("id", "R1")), "risks"),
                bad("asOf in the year 9999", n -> with(n, "asOf", "9999-12-31"), "asOf"),
                bad("asOf in the year 0", n -> with(n, "asOf", "0000-01-03"), "asOf"),
                bad("asOf before 1990", n -> with(n, "asOf", "1989-12-31"), "asOf"),
                bad("baseline finish a century ahead", n -> with(n, "baseline.finish", "2126-01-01"), "baseline.finish"),
                bad("actual date far ahead", n -> with(n, "milestones.0.actualDate", "2099-01-01"), "milestones[0].actualDate"),
                bad("task start in 1970", n -> with(n, "tasks.0.start", "1970-01-01"), "tasks[0].start"));
    }

    private static Arguments bad(String name, UnaryOperator<ObjectNode> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0} is rejected naming {2}")
    @MethodSource("invalidSnapshots")
    void rejectsInvalidInputNamingTheField(String name, UnaryOperator<ObjectNode> change, String field) {
        ObjectNode node = change.apply(load("full"));

        assertThatThrownBy(() -> reader.read(node))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problems()).extracting(p -> p.field()).contains(field);
                });
    }

    @Test
    void acceptsWhatHappenedUpToAYearAheadAndPlansUpToTwentyYears() {
        Clock today = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        SnapshotReader strict = new SnapshotReader(DateWindow.defaults(today), SnapshotReader.DEFAULT_MAX_TASKS);
        ObjectNode yearAhead = with(with(load("full"), "asOf", "2027-11-20"), "baseline.finish", "2046-11-20");

        assertThat(strict.read(yearAhead).asOf()).isEqualTo(LocalDate.of(2027, 11, 20));
        assertThatThrownBy(() -> strict.read(with(yearAhead.deepCopy(), "asOf", "2027-11-21")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("1990-01-01 to 2027-11-20").contains("pulse.dates.ahead"));
        assertThatThrownBy(() -> strict.read(with(yearAhead.deepCopy(), "baseline.finish", "2046-11-21")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("baseline.finish"));
    }

    @Test
    void refusesMoreTasksThanTheLimitBeforeLookingAtThem() {
        SnapshotReader limited = new SnapshotReader(DateWindow.defaults(Clock.systemUTC()), 1);
        ObjectNode node = load("full");
        node.withArray("tasks").add(((ObjectNode) node.withArray("tasks").get(0).deepCopy()).put("id", "T-EXTRA"));

        assertThatThrownBy(() -> limited.read(node))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("tasks");
                            assertThat(p.message()).contains("holds 2 tasks, more than the limit of 1");
                        }));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ObjectNode node = with(with(load("full"), "progress.percentComplete", 120), "risks.0.probability", 2);

        assertThatThrownBy(() -> reader.read(node))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("progress.percentComplete", "risks[0].probability"));
    }

    @Test
    void allocationMayExceedOneHundred() {
        Snapshot s = reader.read(with(load("full"), "resources.0.allocationPct", 150));

        assertThat(s.resources().get(0).allocationPct()).isEqualTo(150.0);
    }

    @Test
    void explainsTheAllowedValuesOfAnEnum() {
        assertThatThrownBy(() -> reader.read(with(load("full"), "methodology", "KANBAN")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("KANBAN").contains("WATERFALL, AGILE, HYBRID"));
    }

    @Test
    void rejectsTextThatIsNotJsonWithItsPosition() {
        assertThatThrownBy(() -> reader.read("{\"projectId\": \"A\",".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotJsonException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(NotJsonException.class);
    }

    @Test
    void rejectsDuplicateKeysRatherThanKeepingOne() {
        byte[] body = "{\"projectId\": \"A\", \"asOf\": \"2026-11-20\", \"asOf\": \"2026-11-27\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(body)).isInstanceOf(NotJsonException.class).hasMessageContaining("asOf");
    }

    @Test
    void rejectsAJsonValueThatIsNotAnObject() {
        assertThatThrownBy(() -> reader.read(reader.parse("[1, 2]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("$"));
    }

    @Test
    void keepsWhatWasSentThroughAStoreRoundTrip() {
        Snapshot s = reader.read(load("full"));
        Snapshot back = BsonJson.fromBson(BsonJson.toBson(s), Snapshot.class);

        assertThat(back).isEqualTo(s);
        assertThat(SnapshotStore.contentHash(back)).isEqualTo(SnapshotStore.contentHash(s));
        assertThat(List.of(back.progress().earnedValue(), back.baseline().budget())).containsExactly(745000.0, 1200000.0);
    }
}
