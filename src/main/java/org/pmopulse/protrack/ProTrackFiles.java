package org.pmopulse.protrack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads ProTrack files given as files or folders ({@code *.p2x} in a folder, in name order). */
public final class ProTrackFiles {
    private ProTrackFiles() {
    }

    public static List<Path> expand(List<Path> filesOrFolders) {
        List<Path> files = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".p2x")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * Every file ({@link #expand expanded} already) as a project; {@code progress} hears one line per file. A file
     * that cannot be read throws.
     */
    public static List<ProTrackProject> read(List<Path> files, Consumer<String> progress) {
        List<ProTrackProject> projects = new ArrayList<>();
        ProTrackReader reader = new ProTrackReader();
        for (Path file : files) {
            String name = file.getFileName().toString();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ProTrackException(name, "cannot be read: " + e.getMessage());
            }
            ProTrackProject project = new ProTrackProject(reader.read(bytes, name), ProTrackProject.idFromFileName(name));
            projects.add(project);
            progress.accept(String.format("%s: %s, %d tracking periods", name, project.projectId(),
                    project.snapshots().size()));
        }
        return projects;
    }
}
