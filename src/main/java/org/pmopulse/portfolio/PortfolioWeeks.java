package org.pmopulse.portfolio;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.pmopulse.rules.portfolio.PortfolioMember;
import org.pmopulse.rules.portfolio.Ties;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.system.OptimisticWrites;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The portfolio by week ({@code portfolio_weeks}): one document per ISO week with a {@link ProjectWeek} per
 * project, updated whenever an assessment is stored. The portfolio view reads a week by its id instead of
 * scanning every assessment; writers of the same week retry on a version check, so none overwrites another.
 */
@Component
public class PortfolioWeeks {
    static final String COLLECTION = "portfolio_weeks";

    /** A stored week. */
    record Week(@Id String week, long version, List<ProjectWeek> projects) {}

    private final MongoTemplate mongo;

    public PortfolioWeeks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Puts (or replaces) a project's line in its week without reading the week: the line is set in place when the
     * project has one, else pushed (or the week created). Two writers of the same new line cannot both push it: the
     * push only matches a week without the project, and the loser retries as a replacement.
     */
    public void record(String week, ProjectWeek line) {
        Update replace = new Update().set("projects.$", line).inc("version", 1);
        Update push = new Update().push("projects", line).inc("version", 1);
        OptimisticWrites.write("portfolio week " + week, () -> {
            if (mongo.updateFirst(Query.query(Criteria.where("_id").is(week).and("projects.projectId").is(line.projectId())),
                    replace, COLLECTION).getMatchedCount() > 0) {
                return true;
            }
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(week).and("projects.projectId").ne(line.projectId())),
                        push, COLLECTION);
                return true;
            } catch (DuplicateKeyException raced) {
                throw new OptimisticWrites.Conflict(); // the week gained this project meanwhile: replace it next time
            }
        });
    }

    /** The projects of a week as their peers' portfolio rules see them: read without the rest of each line. */
    public List<PortfolioMember> members(String week) {
        Query query = Query.query(Criteria.where("_id").is(week));
        query.fields().include("projects.projectId", "projects.rag", "projects.ownRag", "projects.ties");
        return Optional.ofNullable(mongo.findOne(query, Members.class, COLLECTION)).map(Members::projects)
                .orElse(List.of()).stream().map(Member::member).toList();
    }

    /** A week with only what the portfolio rules read of each line. */
    record Members(@Id String week, List<Member> projects) {
        Members {
            projects = projects == null ? List.of() : projects;
        }
    }

    /** What the portfolio rules read of a line: the RAG before cross-project findings, and what it shares. */
    record Member(String projectId, Rag rag, Rag ownRag, Ties ties) {
        PortfolioMember member() {
            return new PortfolioMember(projectId, ownRag != null ? ownRag : rag, ties);
        }
    }

    /** Puts (or replaces) the lines of several projects of a week in one write: what the weekly batch does. */
    public void record(String week, List<ProjectWeek> lines) {
        Set<String> ids = lines.stream().map(ProjectWeek::projectId).collect(Collectors.toSet());
        update(week, projects -> {
            projects.removeIf(p -> ids.contains(p.projectId()));
            projects.addAll(lines);
        });
    }

    /** Takes a project's line out of a week (its snapshot of the week was deleted). */
    public void remove(String week, String projectId) {
        update(week, projects -> projects.removeIf(p -> p.projectId().equals(projectId)));
    }

    /** Takes a project out of every week it has a line in. */
    public void removeProject(String projectId) {
        Query holding = Query.query(Criteria.where("projects.projectId").is(projectId));
        holding.fields().include("_id");
        for (Document week : mongo.find(holding, Document.class, COLLECTION)) {
            remove(week.getString("_id"), projectId);
        }
    }

    /** Changes a week's lines, retrying on a version check so no writer overwrites another unseen. */
    private void update(String week, Consumer<List<ProjectWeek>> change) {
        OptimisticWrites.write("portfolio week " + week, () -> {
            Week current = mongo.findById(week, Week.class, COLLECTION);
            List<ProjectWeek> projects = new ArrayList<>(current == null ? List.of() : current.projects());
            change.accept(projects);
            projects.sort(Comparator.comparing(ProjectWeek::projectId));
            if (current == null) {
                if (projects.isEmpty()) {
                    return false; // nothing to keep for a week nobody assessed
                }
                try {
                    mongo.insert(new Week(week, 1, projects), COLLECTION);
                    return true;
                } catch (DuplicateKeyException raced) {
                    throw new OptimisticWrites.Conflict();
                }
            }
            Query sameVersion = Query.query(Criteria.where("_id").is(week).and("version").is(current.version()));
            if (mongo.findAndReplace(sameVersion, new Week(week, current.version() + 1, projects),
                    FindAndReplaceOptions.none(), Week.class, COLLECTION) == null) {
                throw new OptimisticWrites.Conflict();
            }
            return true;
        });
    }

    /** Every project's line of a week, by project id; empty for a week nobody assessed. */
    public List<ProjectWeek> week(String week) {
        return Optional.ofNullable(mongo.findById(week, Week.class, COLLECTION)).map(Week::projects).orElse(List.of())
                .stream().sorted(Comparator.comparing(ProjectWeek::projectId)).toList();
    }

    /**
     * The latest week with an assessment of a project that passes {@code which} (a caller's projects), reading the
     * weeks newest first and only their project ids.
     */
    public Optional<String> latestWeekWith(Predicate<String> which) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id"));
        query.fields().include("projects.projectId");
        try (Stream<Members> newestFirst = mongo.stream(query, Members.class, COLLECTION)) {
            return newestFirst.filter(w -> w.projects().stream().anyMatch(m -> which.test(m.projectId())))
                    .map(Members::week).findFirst();
        }
    }

    /** The latest week with any assessment (a week whose only project was deleted has none). */
    public Optional<String> latestWeek() {
        return latestWeekWith(project -> true);
    }
}
