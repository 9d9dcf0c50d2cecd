package org.pmopulse.support;

import org.pmopulse.PulseApplication;
import org.pmopulse.cli.PulseCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a Pulse command-line command in this JVM, capturing what it prints. */
public final class Cli {
    private Cli() {
    }

    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PulseCli.run(PulseApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
