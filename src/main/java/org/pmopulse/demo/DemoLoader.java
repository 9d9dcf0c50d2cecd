package org.pmopulse.demo;

import org.pmopulse.portfolio.Job;
import org.pmopulse.portfolio.WeeklyBatch;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.system.PulseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * On the first start (an empty database) loads and assesses the demo portfolio from {@code pulse.demo.dir},
 * so a newcomer sees a portfolio at once. Off with {@code pulse.demo.load=false}; never touches a database
 * that already holds snapshots.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private final PulseProperties properties;
    private final SnapshotStore snapshots;
    private final SnapshotReader reader;
    private final WeeklyBatch batch;

    DemoLoader(PulseProperties properties, SnapshotStore snapshots, SnapshotReader reader, WeeklyBatch batch) {
        this.properties = properties;
        this.snapshots = snapshots;
        this.reader = reader;
        this.batch = batch;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path dir = properties.demo().dir();
        if (!properties.demo().load() || snapshots.count() > 0) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            log.warn("Demo portfolio folder {} not found; starting empty", dir.toAbsolutePath());
            return;
        }
        long started = System.nanoTime();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            // file names are <projectId>_<asOf>.json, so name order is week order within each project
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        LocalDate first = null;
        for (Path file : files) {
            Snapshot snapshot = reader.read(Files.readAllBytes(file));
            snapshots.save(snapshot);
            first = first == null || snapshot.asOf().isBefore(first) ? snapshot.asOf() : first;
        }
        // stored first and assessed week by week as the weekly batch does, so every week sees all of its projects
        Job job = batch.runNow(first, "demo");
        log.info("Loaded and assessed the demo portfolio: {} snapshots from {} in {} ms ({} failed)", files.size(),
                dir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000, job.failed());
    }
}
