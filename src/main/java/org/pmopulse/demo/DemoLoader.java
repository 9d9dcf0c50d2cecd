package org.pmopulse.demo;

import org.pmopulse.access.FirstUsers;
import org.pmopulse.portfolio.Job;
import org.pmopulse.portfolio.PortfolioWeeks;
import org.pmopulse.portfolio.WeeklyBatch;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.system.PulseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * On the first start (an empty database) loads and assesses the demo portfolio from {@code pulse.demo.dir},
 * so a newcomer sees a portfolio at once. The snapshots are stored first and then assessed week by week by the
 * weekly batch, so every week sees all of its projects; a first start stopped between the two finishes the
 * assessment on the next start. Off with {@code pulse.demo.load=false}; never touches a database that holds
 * assessments. When it stores the demo, it adds the demo users (a project manager, a PMO lead and a coach).
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE - 10) // before the start-up reconciliation
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    /** The demo's project manager and the projects they manage (the others are not theirs to see). */
    static final Map<String, List<String>> DEMO_MANAGERS = Map.of("pm", List.of("ERP-2026", "DATALAKE", "WAREHOUSE"));
    private final PulseProperties properties;
    private final SnapshotStore snapshots;
    private final SnapshotReader reader;
    private final PortfolioWeeks portfolioWeeks;
    private final WeeklyBatch batch;
    private final FirstUsers firstUsers;

    DemoLoader(PulseProperties properties, SnapshotStore snapshots, SnapshotReader reader,
               PortfolioWeeks portfolioWeeks, WeeklyBatch batch, FirstUsers firstUsers) {
        this.properties = properties;
        this.snapshots = snapshots;
        this.reader = reader;
        this.portfolioWeeks = portfolioWeeks;
        this.batch = batch;
        this.firstUsers = firstUsers;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo().load()) {
            return;
        }
        long started = System.nanoTime();
        int stored = 0;
        if (snapshots.count() == 0) {
            stored = storeDemoFiles(properties.demo().dir());
            if (stored == 0) {
                return;
            }
            firstUsers.addDemoUsers(DEMO_MANAGERS); // only with the demo's projects: never on a database of real ones
        } else if (portfolioWeeks.latestWeek().isPresent()) {
            return; // an assessed database: not a first start
        } else {
            log.info("Snapshots are stored but none is assessed (a first start stopped while assessing); assessing them");
        }
        Job job = batch.runNow(IsoWeek.monday(snapshots.earliestWeek().orElseThrow()), "demo");
        log.info("Loaded and assessed the demo portfolio: {} snapshots stored, every week assessed in {} ms ({} failed)",
                stored, (System.nanoTime() - started) / 1_000_000, job.failed());
    }

    /** Stores the demo snapshots without assessing them; returns how many. */
    private int storeDemoFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            log.warn("Demo portfolio folder {} not found; starting empty", dir.toAbsolutePath());
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            snapshots.save(reader.read(Files.readAllBytes(file)), "demo load");
        }
        log.info("Stored the demo portfolio: {} snapshots from {}", files.size(), dir.toAbsolutePath());
        return files.size();
    }
}
