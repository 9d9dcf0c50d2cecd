package org.pmopulse.coach;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.rules.RuleFolder;
import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.StrictJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A candidate change to the rules folder: files by relative path (new content, or null to remove), and what to
 * do with it. Sent as JSON, or as a zip of the changed files with the other fields as query parameters.
 */
@Schema(description = "Candidate rule files on top of the live folder")
public record CandidateRequest(
        @Schema(description = "Relative path (e.g. earlywarning/cost.drl) to new content; null removes the file")
        Map<String, String> files,
        String comment,
        @Schema(description = "Replay: first date (default 11 weeks before 'to')") LocalDate from,
        @Schema(description = "Replay: last date (default the latest week with snapshots)") LocalDate to,
        @Schema(description = "Replay: only these projects (default all)") List<String> projects) {

    private static final long MAX_UNZIPPED = 20L * 1024 * 1024;

    public CandidateRequest {
        files = files == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(files));
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    static CandidateRequest json(byte[] body) {
        return checked(StrictJson.bind(StrictJson.parse(body), CandidateRequest.class));
    }

    static CandidateRequest zip(byte[] body, String comment, LocalDate from, LocalDate to, List<String> projects) {
        Map<String, String> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (name.startsWith("/") || name.contains("\\") || Arrays.asList(name.split("/")).contains("..")) {
                    throw InvalidInputException.body(List.of(new FieldProblem("files." + name,
                            "a zip entry may not leave the rules folder ('..', '\\' or a leading '/')")));
                }
                if (entry.isDirectory() || hidden(name)) {
                    continue; // folders, and what tools leave behind (.DS_Store, .git/)
                }
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED - total + 1));
                total += content.length;
                if (total > MAX_UNZIPPED) {
                    throw InvalidInputException.parameter("body", "the zip unpacks to more than 20 MB");
                }
                files.put(name, new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw InvalidInputException.parameter("body", "not a readable zip: " + e.getMessage());
        }
        return checked(new CandidateRequest(files, comment, from, to, projects));
    }

    private static boolean hidden(String path) {
        return path.startsWith(".") || path.contains("/.");
    }

    private static CandidateRequest checked(CandidateRequest request) {
        var problems = RuleFolder.pathProblems(request.files());
        if (!problems.isEmpty()) {
            throw InvalidInputException.body(problems);
        }
        return request;
    }
}
