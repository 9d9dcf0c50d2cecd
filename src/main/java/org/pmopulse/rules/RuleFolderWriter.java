package org.pmopulse.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of changes into the rules folder as one step, so the folder never holds half a rule set:
 * every new file is first staged in {@code .pulse-publish/}, then a manifest is committed with one atomic
 * rename, then the staged files are moved into place and removed files deleted. A publish interrupted after
 * the commit is finished on the next start ({@link #recover}); one interrupted before it leaves the folder as
 * it was. While a manifest exists, watchers wait ({@link #pending}).
 */
public final class RuleFolderWriter {
    static final String JOURNAL = ".pulse-publish";
    private static final String MANIFEST = "manifest";

    private RuleFolderWriter() {
    }

    /** @param changes relative path to new content, or to null to remove the file */
    public static void apply(Path dir, Map<String, String> changes) {
        try {
            recover(dir);
            Path journal = dir.resolve(JOURNAL);
            Files.createDirectories(journal);
            List<String> manifest = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, String> change : changes.entrySet()) {
                if (change.getValue() == null) {
                    manifest.add("delete\t" + change.getKey());
                } else {
                    String staged = "staged-" + n++;
                    writeDurably(journal.resolve(staged), change.getValue());
                    manifest.add("write\t" + change.getKey() + "\t" + staged);
                }
            }
            Path pending = journal.resolve(MANIFEST + ".tmp");
            writeDurably(pending, String.join("\n", manifest));
            Files.move(pending, journal.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE); // the commit point
            applyJournal(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules folder " + dir, e);
        }
    }

    /** True while a committed publish is being applied (by this or another instance). */
    public static boolean pending(Path dir) {
        return Files.exists(dir.resolve(JOURNAL).resolve(MANIFEST));
    }

    /** Finishes a committed publish that was interrupted, or discards one that never committed. */
    public static void recover(Path dir) {
        try {
            if (pending(dir)) {
                applyJournal(dir);
            } else {
                deleteJournal(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the rules folder " + dir, e);
        }
    }

    private static void applyJournal(Path dir) throws IOException {
        Path journal = dir.resolve(JOURNAL);
        for (String line : Files.readAllLines(journal.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            Path target = dir.resolve(parts[1]).normalize();
            if (!target.startsWith(dir.normalize())) {
                throw new IOException("journal entry outside the rules folder: " + parts[1]);
            }
            if (parts[0].equals("delete")) {
                Files.deleteIfExists(target);
            } else {
                Path staged = journal.resolve(parts[2]);
                if (Files.exists(staged)) { // absent when an earlier, interrupted recovery already moved it
                    Files.createDirectories(target.getParent());
                    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        deleteJournal(dir);
    }

    private static void deleteJournal(Path dir) throws IOException {
        Path journal = dir.resolve(JOURNAL);
        if (!Files.exists(journal)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(journal)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void writeDurably(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
