package org.pmopulse.portfolio;

import org.pmopulse.rules.fact.OtherProject;
import org.pmopulse.snapshot.Snapshot;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The {@code projects} collection: one summary per project. */
@Component
public class ProjectStore {
    static final String COLLECTION = "projects";
    private final MongoTemplate mongo;

    public ProjectStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the summary of the latest week: an older week never overwrites a newer one. */
    public void updateIfLatest(ProjectSummary summary) {
        ProjectSummary current = mongo.findById(summary.projectId(), ProjectSummary.class, COLLECTION);
        if (current == null || summary.week().compareTo(current.week()) >= 0) {
            mongo.save(summary, COLLECTION);
        }
    }

    /** The projects a snapshot depends on, as Pulse last assessed them: what the dependency rules compare with. */
    public List<OtherProject> providersOf(Snapshot snapshot) {
        List<String> ids = snapshot.dependencies().stream().map(Snapshot.Dependency::onProject).distinct().toList();
        return ids.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)), ProjectSummary.class, COLLECTION).stream()
                .map(p -> new OtherProject(p.projectId(), p.forecastFinish(), p.rag())).toList();
    }

    public Optional<ProjectSummary> find(String projectId) {
        return Optional.ofNullable(mongo.findById(projectId, ProjectSummary.class, COLLECTION));
    }

    public void delete(String projectId) {
        mongo.remove(Query.query(Criteria.where("_id").is(projectId)), COLLECTION);
    }

    public List<ProjectSummary> all() {
        return mongo.find(new Query().with(Sort.by("_id")), ProjectSummary.class, COLLECTION);
    }
}
