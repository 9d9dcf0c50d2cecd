package org.pmopulse.coach;

import org.pmopulse.access.AuditEntry;
import org.pmopulse.access.AuditLog;
import org.pmopulse.access.Caller;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleFolder;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.system.ConflictException;
import org.pmopulse.system.NotFoundException;
import org.springframework.stereotype.Service;

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
    private final CandidateSandbox sandbox;
    private final ReplayService replay;
    private final RuleChangeLog log;
    private final AuditLog audit;

    public RulePublisher(LiveRules rules, CandidateSandbox sandbox, ReplayService replay, RuleChangeLog log,
                         AuditLog audit) {
        this.rules = rules;
        this.sandbox = sandbox;
        this.replay = replay;
        this.log = log;
        this.audit = audit;
    }

    /** The live folder with the candidate's files laid over it (a null content removes a file). */
    public RuleFolder candidate(Map<String, String> files) {
        return RuleFolder.read(rules.dir()).with(files);
    }

    /** Builds and tests the candidate in the sandbox. */
    public ValidationReport validate(Map<String, String> files) {
        return sandbox.validate(candidate(files));
    }

    /**
     * Replays a candidate that builds (its scenarios are not run): the live rules judge the weeks here, the
     * candidate judges them in the sandbox. {@link CandidateRejectedException} when it does not build.
     */
    public ReplayReport replay(Map<String, String> files, LocalDate from, LocalDate to, List<String> projects) {
        RuleFolder candidate = candidate(files);
        RuleSet live = rules.current();
        ReplayService.Input input = replay.input(from, to, projects);
        List<ReplayService.Outcome> after = sandbox.judge(candidate, input);
        return ReplayService.report(live.version(), candidate.ruleSources("candidate").version(), input,
                replay.judge(live, input), after);
    }

    /** Validates, replays and writes the candidate as one step; logged as {@code who}'s change. */
    public synchronized RuleChange publish(Map<String, String> files, Caller who, String comment) {
        return publish(files, who, comment, RuleChange.Kind.PUBLISH);
    }

    /** Restores the whole folder of an earlier version, as a change of its own. */
    public synchronized RuleChange rollback(String version, Caller who, String comment) {
        RuleFolder target = log.folder(version).orElseThrow(() -> new NotFoundException("version",
                "no rule set " + version + " in the change log"));
        Map<String, String> replacement = new TreeMap<>(target.files());
        RuleFolder.read(rules.dir()).files().keySet().stream().filter(p -> !target.files().containsKey(p))
                .forEach(p -> replacement.put(p, null));
        return publish(replacement, who, comment, RuleChange.Kind.ROLLBACK);
    }

    /**
     * Validates and replays the candidate in the sandbox, then builds it here once and installs that build: the
     * code policy has passed and the candidate has run without harm in its worker before it is compiled here.
     */
    private RuleChange publish(Map<String, String> files, Caller who, String comment, RuleChange.Kind kind) {
        RuleFolder now = RuleFolder.read(rules.dir());
        RuleFolder next = now.with(files);
        List<RuleChange.FileChange> changed = RuleChangeLog.diff(now, next);
        if (changed.isEmpty()) {
            throw new NothingToPublishException();
        }
        RuleSet before = rules.current();
        if (!log.liveVersion().map(before.version()::equals).orElse(true)) {
            throw staleRules(); // another instance has put other rules live: do not spend a sandbox run on this
        }
        ReplayService.Input input = replay.input(null, null, List.of());
        SandboxTask.Answer checked = sandbox.validateAndJudge(next, input);
        ValidationReport report = checked.validation();
        if (!report.valid()) {
            throw new CandidateRejectedException(report);
        }
        ReplayReport replayed = ReplayService.report(before.version(), report.version(), input,
                replay.judge(before, input), checked.outcomes());
        RuleSet built = rules.build(next);
        Map<String, String> writes = new TreeMap<>();
        changed.forEach(c -> writes.put(c.path(), next.files().get(c.path())));
        log.keep(report.version(), next);
        if (!log.claim(before.version(), report.version())) {
            throw staleRules();
        }
        boolean installed = false;
        try {
            installed = rules.write(writes, built);
        } finally {
            if (!installed) {
                log.claim(report.version(), before.version());
            }
        }
        if (!installed) {
            throw new ConflictException("rules", "the rules folder changed on disk while this change was written;"
                    + " what is there now is live: validate the change again");
        }
        RuleChange change = log.append(kind, who.name(), before.version(), report.version(), changed, replayed.summary(),
                comment);
        audit.record(who, kind == RuleChange.Kind.ROLLBACK ? AuditEntry.Action.RULES_ROLLED_BACK
                : AuditEntry.Action.RULES_PUBLISHED, report.version(), "from " + before.version() + ", "
                + changed.size() + " files" + (comment == null ? "" : ": " + comment));
        return change;
    }

    private static ConflictException staleRules() {
        return new ConflictException("rules", "the live rules changed while this change was checked (another instance"
                + " published, or the folder was edited); validate it again");
    }
}
