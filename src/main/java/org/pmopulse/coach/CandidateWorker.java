package org.pmopulse.coach;

import org.pmopulse.assessment.Assessor;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.RuleFolder;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.system.PulseJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The sandbox worker: a separate JVM that Pulse starts for each candidate (see {@link CandidateSandbox}), so the
 * candidate's code never runs in the server. It reads the task file, builds and tests the candidate or judges the
 * replay's weeks with it, writes the answer file and exits. It has no database, no environment, its own temporary
 * folder, a memory limit, and is killed when it takes too long.
 */
public final class CandidateWorker {
    private CandidateWorker() {
    }

    /** {@code CandidateWorker TASK.json ANSWER.json}; exit 0 when the answer is written. */
    public static void main(String[] args) throws IOException {
        SandboxTask task = PulseJson.mapper().readValue(Files.readAllBytes(Path.of(args[0])), SandboxTask.class);
        Files.write(Path.of(args[1]), PulseJson.mapper().writeValueAsBytes(answer(task)));
    }

    static SandboxTask.Answer answer(SandboxTask task) {
        CandidateValidator validator = new CandidateValidator(Clock.systemUTC());
        RuleFolder folder = new RuleFolder(task.candidate());
        ValidationReport report;
        RuleSet candidate;
        if (task.kind() == SandboxTask.Kind.REPLAY) {
            try {
                candidate = validator.build(folder);
            } catch (CandidateRejectedException e) {
                return new SandboxTask.Answer(e.report(), null);
            }
            report = null;
        } else {
            report = validator.validate(folder);
            candidate = report.ruleSet();
            if (task.kind() == SandboxTask.Kind.VALIDATE || !report.valid()) {
                return new SandboxTask.Answer(report, null);
            }
        }
        Assessor assessor = new Assessor(Forecaster.rulesOnly("a replay compares the rules"), Clock.systemUTC());
        return new SandboxTask.Answer(report, ReplayService.judge(assessor, candidate, task.replay()));
    }
}
