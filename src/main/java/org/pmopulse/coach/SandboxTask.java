package org.pmopulse.coach;

import java.util.List;
import java.util.Map;

/**
 * What the sandbox worker is asked to do with a candidate folder, and what it answers: the two JSON files that pass
 * between Pulse and the worker process.
 *
 * @param candidate the whole candidate folder, relative path to content
 * @param replay    for a replay: what to replay over (the live side is judged by Pulse itself)
 */
record SandboxTask(Kind kind, Map<String, String> candidate, ReplayService.Input replay) {
    /** Validate; replay a candidate that builds; or both with one build, as a publish needs. */
    enum Kind { VALIDATE, REPLAY, VALIDATE_AND_REPLAY }

    /** The worker's answer: the validation report, and for a replay that built, the candidate's judgements. */
    record Answer(ValidationReport validation, List<ReplayService.Outcome> outcomes) {}
}
