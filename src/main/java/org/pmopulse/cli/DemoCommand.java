package org.pmopulse.cli;

import org.pmopulse.demo.DemoPortfolioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code demo generate [DIR] [--seed N]}: (re)writes the demo portfolio. */
@Command(name = "demo", description = "The demo portfolio.")
final class DemoCommand extends PulseCli.Group {

    @Command(name = "generate", description = "Write the demo portfolio's snapshot files.")
    static final class Generate implements Callable<Integer> {
        private final PulseCli.Context context;

        @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "data/demo",
                description = "where to write them (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--seed", paramLabel = "N", description = "the generator's seed (default: 2026)")
        long seed = DemoPortfolioGenerator.DEFAULT_SEED;

        Generate(PulseCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try {
                int count = new DemoPortfolioGenerator(seed).write(dir);
                context.out().println("wrote " + count + " snapshots to " + dir + " (seed " + seed + ")");
                return PulseCli.OK;
            } catch (IOException e) {
                context.err().println("pulse: cannot write " + dir + ": " + e.getMessage());
                return PulseCli.FAILED;
            }
        }
    }
}
