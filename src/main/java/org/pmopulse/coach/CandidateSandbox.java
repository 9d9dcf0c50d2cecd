package org.pmopulse.coach;

import org.pmopulse.rules.RuleFolder;
import org.pmopulse.system.PulseJson;
import org.pmopulse.system.PulseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs a coach's candidate rule set out of the server process: each validation or replay starts a worker JVM
 * ({@link CandidateWorker}) with a memory limit ({@code pulse.rules.sandbox.memory}), a time limit
 * ({@code pulse.rules.sandbox.timeout}, then it is killed), an empty environment (no secrets, no database address)
 * and a temporary folder of its own, and reads its answer from a file. A candidate that loops, eats memory or calls
 * for the process to end only ends its worker; the caller gets a 422 saying which. One worker at a time, so
 * candidates cannot crowd out the assessments.
 */
@Component
public class CandidateSandbox {
    private static final Logger log = LoggerFactory.getLogger(CandidateSandbox.class);
    private static final String TASK = "task.json";
    private static final String ANSWER = "answer.json";
    /** The JVM's exit code after -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY = 3;
    private static final int STDERR_TAIL = 2_000;

    private final Duration timeout;
    private final long memoryMegabytes;
    private final Semaphore oneAtATime = new Semaphore(1, true);

    public CandidateSandbox(PulseProperties properties) {
        this.timeout = properties.rules().sandbox().timeout();
        this.memoryMegabytes = properties.rules().sandbox().memory().toMegabytes();
    }

    /** Builds and tests the candidate folder in a worker. */
    public ValidationReport validate(RuleFolder candidate) {
        return run(new SandboxTask(SandboxTask.Kind.VALIDATE, candidate.files(), null)).validation();
    }

    /**
     * The candidate's judgement of every replayed project-week, from a worker; {@link CandidateRejectedException}
     * when the candidate does not build.
     */
    public List<ReplayService.Outcome> judge(RuleFolder candidate, ReplayService.Input input) {
        SandboxTask.Answer answer = run(new SandboxTask(SandboxTask.Kind.REPLAY, candidate.files(), input));
        if (answer.outcomes() == null) {
            throw new CandidateRejectedException(answer.validation());
        }
        return answer.outcomes();
    }

    /**
     * Validates the candidate and, when it passes, judges the replay's weeks with the same build: one worker for
     * what a publish needs. The answer's outcomes are null when the validation failed.
     */
    public SandboxTask.Answer validateAndJudge(RuleFolder candidate, ReplayService.Input input) {
        return run(new SandboxTask(SandboxTask.Kind.VALIDATE_AND_REPLAY, candidate.files(), input));
    }

    private SandboxTask.Answer run(SandboxTask task) {
        try {
            oneAtATime.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sandbox", e);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pulse-sandbox-");
            Files.write(dir.resolve(TASK), PulseJson.mapper().writeValueAsBytes(task));
            ProcessBuilder builder = new ProcessBuilder(command(dir)).directory(dir.toFile())
                    .redirectOutput(dir.resolve("out.log").toFile()).redirectError(dir.resolve("err.log").toFile());
            builder.environment().clear(); // no secrets (tokens, database addresses) for the candidate to find
            Process worker = builder.start();
            if (!worker.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.destroyForcibly().waitFor();
                throw new CandidateFailedException("the candidate did not finish within " + timeout.toSeconds()
                        + " s (pulse.rules.sandbox.timeout) and was stopped: a rule may loop without end");
            }
            int exit = worker.exitValue();
            if (exit != 0 || !Files.exists(dir.resolve(ANSWER))) {
                throw new CandidateFailedException(exit == OUT_OF_MEMORY
                        ? "the candidate ran out of the " + memoryMegabytes + " MB its worker may use"
                        + " (pulse.rules.sandbox.memory)"
                        : "the candidate stopped its worker (exit code " + exit + ")" + tail(dir.resolve("err.log")));
            }
            return PulseJson.mapper().readValue(Files.readAllBytes(dir.resolve(ANSWER)), SandboxTask.Answer.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox worker could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sandbox worker", e);
        } finally {
            oneAtATime.release();
            delete(dir);
        }
    }

    /** The worker's command: the same Java and class path as this process, from the jar when Pulse runs as one. */
    private List<String> command(Path dir) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + memoryMegabytes + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dir, "-Dfile.encoding=UTF-8", "-Dlogback.configurationFile=logback-cli.xml"));
        File source = new ApplicationHome(CandidateWorker.class).getSource();
        if (source != null && source.isFile() && source.getName().endsWith(".jar")) {
            // a Spring Boot jar: its launcher finds the classes and libraries inside, and starts the worker
            command.addAll(List.of("-Dloader.main=" + CandidateWorker.class.getName(), "-cp", source.getAbsolutePath(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), CandidateWorker.class.getName()));
        }
        command.addAll(List.of(TASK, ANSWER));
        return command;
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : ": " + text.substring(Math.max(0, text.length() - STDERR_TAIL));
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path dir) {
        try {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir);
            }
        } catch (IOException e) {
            log.warn("Could not remove the sandbox folder {}: {}", dir, e.getMessage());
        }
    }
}
