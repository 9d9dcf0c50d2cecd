package org.pmopulse.support;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of the shipped rules folder that a test may change without touching the real one. */
public final class ShippedRules {
    private ShippedRules() {
    }

    /** A new temporary folder holding a copy of {@code rules/}; the test deletes it when done. */
    public static Path copy() throws IOException {
        Path dir = Files.createTempDirectory("pulse-rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), dir);
        return dir;
    }
}
