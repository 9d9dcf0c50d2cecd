package org.pmopulse.rules.change;

import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleFolder;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.system.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coach's loop on the live rules folder: validate a candidate, replay it, publish it (validated, replayed,
 * written as one step, logged), roll back to an earlier version. One change at a time.
 */
@Service
public class RulePublisher {
    private final LiveRules rules;
    private final CandidateValidator validator;
    private final ReplayService replay;
    private final RuleChangeLog log;

    public RulePublisher(LiveRules rules, ReplayService replay, RuleChangeLog log, Clock clock) {
        this.rules = rules;
        this.validator = new CandidateValidator(clock);
        this.replay = replay;
        this.log = log;
    }

    /** The live folder with the candidate's files laid over it (a null content removes a file). */
    public RuleFolder candidate(Map<String, String> files) {
        return RuleFolder.read(rules.dir()).with(files);
    }

    public ValidationReport validate(Map<String, String> files) {
        return validator.validate(candidate(files));
    }

    /** Replays a candidate that builds (its scenarios are not run); throws {@link CandidateRejectedException} when it does not. */
    public ReplayReport replay(Map<String, String> files, LocalDate from, LocalDate to,
                               List<String> projects) {
        return replay.replay(rules.current(), validator.build(candidate(files)), from, to, projects);
    }

    public synchronized RuleChange publish(Map<String, String> files, String who, String comment) {
        return publish(files, who, comment, RuleChange.Kind.PUBLISH);
    }

    /** Restores the whole folder of an earlier version, as a change of its own. */
    public synchronized RuleChange rollback(String version, String who, String comment) {
        RuleFolder target = log.folder(version).orElseThrow(() -> new NotFoundException("version",
                "no rule set " + version + " in the change log"));
        Map<String, String> replacement = new TreeMap<>(target.files());
        RuleFolder.read(rules.dir()).files().keySet().stream().filter(p -> !target.files().containsKey(p))
                .forEach(p -> replacement.put(p, null));
        return publish(replacement, who, comment, RuleChange.Kind.ROLLBACK);
    }

    private RuleChange publish(Map<String, String> files, String who, String comment, RuleChange.Kind kind) {
        RuleFolder now = RuleFolder.read(rules.dir());
        RuleFolder next = now.with(files);
        ValidationReport report = validator.validate(next);
        if (!report.valid()) {
            throw new CandidateRejectedException(report);
        }
        RuleSet before = rules.current();
        ReplayReport replayed = replay.replay(before, report.ruleSet(), null, null, List.of());
        List<RuleChange.FileChange> changed = RuleChangeLog.diff(now, next);
        Map<String, String> writes = new TreeMap<>();
        changed.forEach(c -> writes.put(c.path(), next.files().get(c.path())));
        log.expect(report.version());
        rules.write(writes);
        log.keep(report.version(), next);
        return log.append(kind, who, before.version(), report.version(), changed, replayed.summary(), comment);
    }
}
