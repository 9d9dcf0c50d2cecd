package org.pmopulse.portfolio;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.AssessmentStore;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.assessment.HistoryWindow;
import org.pmopulse.assessment.Health;
import org.pmopulse.assessment.HistoryEntry;

import org.pmopulse.rules.Finding;
import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.rules.portfolio.Peers;
import org.pmopulse.rules.portfolio.PortfolioMember;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotStore;
import org.pmopulse.snapshot.StoredSnapshot;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Assesses stored snapshots with the live rules and keeps the results: the assessment of the week, the
 * project's line in that week of the portfolio, and the project summary when it is the latest week. Because the rules read earlier weeks, storing a week also
 * re-assesses the weeks after it, so history never disagrees with what came before it.
 */
@Service
public class AssessmentService {
    /** Projects whose history one query of the weekly batch loads. */
    private static final int HISTORY_CHUNK = 200;

    private final Assessor assessor;
    private final LiveRules rules;
    private final SnapshotStore snapshots;
    private final AssessmentStore assessments;
    private final ProjectStore projects;
    private final PortfolioWeeks portfolioWeeks;

    public AssessmentService(Assessor assessor, LiveRules rules, SnapshotStore snapshots, AssessmentStore assessments,
                             ProjectStore projects, PortfolioWeeks portfolioWeeks) {
        this.assessor = assessor;
        this.rules = rules;
        this.snapshots = snapshots;
        this.assessments = assessments;
        this.projects = projects;
        this.portfolioWeeks = portfolioWeeks;
    }

    /** Assesses a stored snapshot and every later week of its project; returns the snapshot's own assessment. */
    public Assessment assessAndFollowing(Snapshot snapshot) {
        RuleSet ruleSet = rules.current();
        Assessment own = assessAndStore(ruleSet, snapshot);
        for (Snapshot later : snapshots.after(snapshot.projectId(), IsoWeek.of(snapshot.asOf()))) {
            assessAndStore(ruleSet, later);
        }
        return own;
    }

    /** One project that could not be assessed in a week, and why. */
    public record Failure(String projectId, RuntimeException error) {}

    /**
     * Assesses every given snapshot of one week, in the given order: a step of the weekly batch. Every project
     * is first assessed on its own, then the portfolio rules run for each with all of the week's projects as they
     * now stand, so the order does not change what they find. The week's history comes from one query and the
     * previous scores from the portfolio's weeks (the latest of the {@link HistoryWindow#WEEKS} before), and
     * the week's lines are written once, so the cost grows with the number of projects, not with the size of the
     * database. A project that fails is reported
     * to {@code failed} and the others go on.
     */
    public void assessWeek(String week, List<Snapshot> ordered, Consumer<Snapshot> assessed, Consumer<Failure> failed) {
        RuleSet ruleSet = rules.current();
        LocalDate monday = IsoWeek.monday(week);
        Map<String, List<Snapshot>> history = new HashMap<>();
        List<String> ids = ordered.stream().map(Snapshot::projectId).toList();
        for (int from = 0; from < ids.size(); from += HISTORY_CHUNK) { // a reply per chunk stays well under 48 MB
            for (StoredSnapshot stored : snapshots.between(IsoWeek.of(monday.minusWeeks(HistoryWindow.WEEKS)),
                    IsoWeek.of(monday.minusWeeks(1)), ids.subList(from, Math.min(ids.size(), from + HISTORY_CHUNK)))) {
                history.computeIfAbsent(stored.projectId(), p -> new ArrayList<>()).add(stored.snapshot());
            }
        }
        history.values().forEach(h -> h.sort(Comparator.comparing(Snapshot::asOf).reversed()));
        Map<String, Health.Previous> previous = new HashMap<>(); // each project's latest assessed week before this one
        for (int weeksBack = 1; weeksBack <= HistoryWindow.WEEKS; weeksBack++) {
            portfolioWeeks.week(IsoWeek.of(monday.minusWeeks(weeksBack)))
                    .forEach(p -> previous.putIfAbsent(p.projectId(), new Health.Previous(p.score(), p.rag())));
        }
        // first every project on its own, so the portfolio rules then see this week's RAG of all of them
        record Own(Snapshot snapshot, Assessment assessment) {}
        List<Own> own = new ArrayList<>();
        Map<String, OtherProject> assessedNow = new HashMap<>(); // providers come first, so their dependants see this run
        for (Snapshot s : ordered) {
            try {
                Assessment a = assessor.ofProject(ruleSet, s, history.getOrDefault(s.projectId(), List.of()),
                        previous.get(s.projectId()), providers(s, assessedNow));
                own.add(new Own(s, a));
                assessedNow.put(s.projectId(), new OtherProject(s.projectId(), Assessor.forecastFinish(s, a), a.health().rag()));
            } catch (RuntimeException e) {
                failed.accept(new Failure(s.projectId(), e));
            }
        }
        Map<String, PortfolioMember> members = new TreeMap<>();
        portfolioWeeks.members(week).forEach(member -> members.put(member.projectId(), member));
        own.forEach(o -> members.put(o.snapshot().projectId(), Assessor.member(o.snapshot(), o.assessment())));
        Peers peers = Peers.of(List.copyOf(members.values()));
        List<ProjectWeek> lines = new ArrayList<>();
        for (Own o : own) {
            Snapshot s = o.snapshot();
            try {
                Assessment assessment = keep(s, assessor.withPortfolio(ruleSet, s,
                        history.getOrDefault(s.projectId(), List.of()), previous.get(s.projectId()), o.assessment(), peers));
                lines.add(line(s, assessment, o.assessment().health().rag()));
                assessed.accept(s);
            } catch (RuntimeException e) {
                failed.accept(new Failure(s.projectId(), e));
            }
        }
        portfolioWeeks.record(week, lines);
    }

    /** The projects {@code s} depends on: as this run assessed them where it did, else as last stored. */
    private List<OtherProject> providers(Snapshot s, Map<String, OtherProject> assessedNow) {
        Map<String, OtherProject> known = new TreeMap<>();
        projects.providersOf(s).forEach(p -> known.put(p.projectId(), p));
        s.dependencies().stream().map(Snapshot.Dependency::onProject).filter(assessedNow::containsKey)
                .forEach(id -> known.put(id, assessedNow.get(id)));
        return List.copyOf(known.values());
    }

    /**
     * The stored assessment of an unchanged snapshot by the live rules, assessing it only if the live rules never
     * did, so sending the same snapshot twice changes nothing.
     */
    public Assessment existingOrAssess(Snapshot snapshot) {
        RuleSet ruleSet = rules.current();
        return assessments.find(snapshot.projectId(), IsoWeek.of(snapshot.asOf()), ruleSet.version(),
                        SnapshotStore.contentHash(snapshot))
                .orElseGet(() -> assessAndFollowing(snapshot));
    }

    private Assessment assessAndStore(RuleSet ruleSet, Snapshot snapshot) {
        String week = IsoWeek.of(snapshot.asOf());
        List<Snapshot> earlier = snapshots.before(snapshot.projectId(), week, HistoryWindow.WEEKS);
        Health.Previous previous = assessments.healthBefore(snapshot.projectId(), week).orElse(null);
        Assessment own = assessor.ofProject(ruleSet, snapshot, earlier, previous, projects.providersOf(snapshot));
        Assessment assessment = keep(snapshot, assessor.withPortfolio(ruleSet, snapshot, earlier, previous, own,
                Peers.of(portfolioWeeks.members(week))));
        portfolioWeeks.record(week, line(snapshot, assessment, own.health().rag()));
        return assessment;
    }

    /** Stores an assessment and updates the project's summary; returns what is stored (the earlier one if the same). */
    private Assessment keep(Snapshot snapshot, Assessment assessment) {
        Assessment stored = assessments.save(assessment, SnapshotStore.contentHash(snapshot));
        projects.updateIfLatest(summary(snapshot, stored));
        return stored;
    }

    /**
     * The project's line in its week of the portfolio; the top finding without its evidence, to keep weeks small.
     *
     * @param ownRag the RAG before cross-project findings, which the portfolio rules of its peers compare
     */
    private static ProjectWeek line(Snapshot s, Assessment a, Rag ownRag) {
        Finding top = a.findings().isEmpty() ? null : a.findings().get(0);
        return new ProjectWeek(s.projectId(), s.name(), s.methodology(), s.phase(), s.sponsor(), s.asOf(),
                a.health().score(), a.health().rag(), ownRag, a.health().change(), a.findings().size(),
                top == null ? null : new Finding(top.ruleId(), top.title(), top.kind(), top.dimension(), top.severity(),
                        top.because(), Map.of(), top.source()),
                a.recommendations().isEmpty() ? null : a.recommendations().get(0),
                a.forecast().available() ? a.forecast().expectedSlipDays() : null, a.health().completeness(),
                AssessmentStore.idOf(a), a.ruleSet().version(), a.assessedAt(), Assessor.member(s, a).ties());
    }

    private static ProjectSummary summary(Snapshot s, Assessment a) {
        return new ProjectSummary(s.projectId(), s.name(), s.methodology(), s.phase(), s.sponsor(), s.asOf(), a.week(),
                a.health().score(), a.health().rag(), a.health().change(), a.health().completeness(), s.pmStatus(),
                a.findings().size(),
                a.findings().isEmpty() ? null : a.findings().get(0).title(),
                a.recommendations().isEmpty() ? null : a.recommendations().get(0).title(),
                Assessor.forecastFinish(s, a),
                a.assessedAt());
    }

    /** The latest week's assessment, marked with whether its rule set is the live one. */
    public Optional<Assessment> latest(String projectId) {
        return assessments.latest(projectId).map(this::asReadNow);
    }

    public Optional<Assessment> ofWeek(String projectId, String week) {
        return assessments.find(projectId, week).map(this::asReadNow);
    }

    private Assessment asReadNow(Assessment a) {
        return a.readAgainst(rules.live().map(RuleSet::version).orElse(null));
    }

    public List<HistoryEntry> history(String projectId) {
        return assessments.weekly(projectId).stream().map(HistoryEntry::of).toList();
    }
}
