package org.pmopulse.snapshot;

import org.junit.jupiter.api.Test;
import org.pmopulse.support.PulseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;

/** Snapshot storage against a MongoDB wire protocol: the embedded server here, MongoDB where Docker runs. */
@PulseTest
abstract class SnapshotStoreContract {
    @Autowired
    SnapshotStore store;
    private final SnapshotReader reader = new SnapshotReader();

    private Snapshot snapshot(String project, double earnedValue) {
        return reader.read(with(with(with(load("full"), "projectId", project), "asOf", "2026-11-20"),
                "progress.earnedValue", earnedValue));
    }

    @Test
    void keepsEveryVersionWhenWritersRace() throws Exception {
        String project = "RACE-" + UUID.randomUUID().toString().substring(0, 6);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<SnapshotStore.Saved>> saves = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Snapshot s = snapshot(project, 100_000 + i);
                saves.add(() -> store.save(s, "test"));
            }
            for (Future<SnapshotStore.Saved> f : pool.invokeAll(saves)) {
                assertThat(f.get().outcome()).isIn(SnapshotStore.Outcome.CREATED, SnapshotStore.Outcome.REPLACED);
            }
        } finally {
            pool.shutdown();
        }
        String week = IsoWeek.of(LocalDate.of(2026, 11, 20));
        StoredSnapshot current = store.find(project, week).orElseThrow();
        List<StoredSnapshot> versions = store.versions(project, week);

        assertThat(current.version()).isEqualTo(writers);
        assertThat(versions).extracting(StoredSnapshot::version).containsExactly(1, 2, 3, 4, 5, 6, 7);
        List<Double> everyValue = new ArrayList<>(versions.stream().map(v -> v.snapshot().progress().earnedValue()).toList());
        everyValue.add(current.snapshot().progress().earnedValue());
        assertThat(everyValue).containsExactlyInAnyOrder(100_000.0, 100_001.0, 100_002.0, 100_003.0, 100_004.0,
                100_005.0, 100_006.0, 100_007.0);
    }

    @Test
    void readsEarlierAndLaterWeeksInTheRightOrder() {
        String project = "ORDER-" + UUID.randomUUID().toString().substring(0, 6);
        for (String asOf : List.of("2026-11-13", "2026-10-30", "2026-11-20", "2026-11-06")) {
            store.save(reader.read(with(with(load("full"), "projectId", project), "asOf", asOf)), "test");
        }

        assertThat(store.before(project, "2026-W47", 2)).extracting(Snapshot::asOf)
                .containsExactly(LocalDate.of(2026, 11, 13), LocalDate.of(2026, 11, 6));
        assertThat(store.after(project, "2026-W45")).extracting(Snapshot::asOf)
                .containsExactly(LocalDate.of(2026, 11, 13), LocalDate.of(2026, 11, 20));
        assertThat(store.list(project)).extracting(StoredSnapshot::week)
                .containsExactly("2026-W44", "2026-W45", "2026-W46", "2026-W47");
    }
}
