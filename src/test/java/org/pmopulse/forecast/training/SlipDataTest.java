package org.pmopulse.forecast.training;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the training data says about a feature before any model sees it. */
class SlipDataTest {
    private static TrainingRow row(Map<String, Double> features) {
        return new TrainingRow("P", LocalDate.of(2026, 1, 2), 0.5, 100, 50, 45, 0.9, 105, 111, 110, features);
    }

    @Test
    void aFeatureConstantAtAValueThatIsNotRoundDoesNotVaryThoughItsRoundedRangeIsWide() {
        List<TrainingRow> rows = List.of(row(Map.of("networkSize", Math.log(4))), row(Map.of("networkSize", Math.log(4))));

        assertThat(SlipData.ranges(rows, List.of("networkSize")).get("networkSize")).containsExactly(1.3862, 1.3863);
        assertThat(SlipData.varies(rows, "networkSize")).isFalse();
        assertThat(SlipData.varies(List.of(row(Map.of("networkSize", 1.0)), row(Map.of("networkSize", 2.0))), "networkSize"))
                .isTrue();
        assertThat(SlipData.varies(List.of(row(Map.of())), "networkSize")).as("never seen").isFalse();
    }
}
