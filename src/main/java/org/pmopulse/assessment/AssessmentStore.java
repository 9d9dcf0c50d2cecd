package org.pmopulse.assessment;

import org.bson.Document;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.system.MongoIndexes;
import org.pmopulse.system.BsonJson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code assessments} collection. Each week may hold assessments by several rule-set versions; the one
 * that counts for a week is the most recently assessed.
 */
@Component
public class AssessmentStore implements MongoIndexes {
    static final String COLLECTION = "assessments";
    private final MongoTemplate mongo;

    public AssessmentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("projectId", Sort.Direction.ASC)
                .on("week", Sort.Direction.ASC).on("assessedAt", Sort.Direction.DESC).named("project_week_time"));
    }

    /**
     * Writes the assessment of a week under its rule-set version, replacing an earlier one by the same version,
     * unless that one says the same (apart from when it was made): assessing again without a change stores
     * nothing new. Returns what is stored.
     */
    public Assessment save(Assessment assessment, String snapshotHash) {
        StoredAssessment stored = StoredAssessment.of(assessment, snapshotHash);
        StoredAssessment existing = mongo.findById(stored.id(), StoredAssessment.class, COLLECTION);
        if (existing != null && snapshotHash.equals(existing.snapshotHash())
                && sameApartFromTime(existing.assessment(), assessment)) {
            return existing.assessment();
        }
        mongo.save(stored, COLLECTION);
        return assessment;
    }

    /** Compared in their stored form from the records: a document read back from MongoDB differs in number types. */
    private static boolean sameApartFromTime(Assessment a, Assessment b) {
        return BsonJson.toBson(a).equals(BsonJson.toBson(
                new Assessment(b.projectId(), b.asOf(), b.week(), b.health(), b.indicators(), b.scheduleForecasts(),
                        b.findings(), b.forecast(),
                        b.recommendations(), b.ruleSet(), a.assessedAt())));
    }

    /** The assessment that counts for a week, without its content: which snapshot content it judged, and when. */
    public record Stub(String id, String projectId, String week, String snapshotHash, Instant assessedAt) {}

    /** The stub of the assessment that counts for each week of the given projects, by project and week. */
    public Map<String, Stub> countingStubs(Collection<String> projectIds) {
        Query query = Query.query(Criteria.where("projectId").in(projectIds))
                .with(Sort.by(Sort.Order.asc("projectId"), Sort.Order.asc("week"), Sort.Order.desc("assessedAt")));
        query.fields().include("projectId", "week", "snapshotHash", "assessedAt");
        Map<String, Stub> counting = new LinkedHashMap<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            Stub stub = new Stub(d.getString("_id"), d.getString("projectId"), d.getString("week"),
                    d.getString("snapshotHash"), d.getDate("assessedAt").toInstant());
            counting.putIfAbsent(stub.projectId() + "/" + stub.week(), stub);
        }
        return counting;
    }

    /** The projects with an assessment made at or after {@code since}. */
    public Set<String> projectsAssessedSince(Instant since) {
        return Set.copyOf(mongo.findDistinct(Query.query(Criteria.where("assessedAt").gte(since)), "projectId",
                COLLECTION, String.class));
    }

    /** Removes every assessment of a project's week (by any rule set). */
    public void deleteWeek(String projectId, String week) {
        mongo.remove(Query.query(Criteria.where("projectId").is(projectId).and("week").is(week)), COLLECTION);
    }

    /** Removes every assessment of a project. */
    public void deleteProject(String projectId) {
        mongo.remove(Query.query(Criteria.where("projectId").is(projectId)), COLLECTION);
    }

    /** The assessment of a week by a rule-set version, if it judged the snapshot content with {@code snapshotHash}. */
    public Optional<Assessment> find(String projectId, String week, String ruleSetVersion, String snapshotHash) {
        return Optional.ofNullable(mongo.findById(projectId + "/" + week + "/" + ruleSetVersion,
                        StoredAssessment.class, COLLECTION))
                .filter(stored -> snapshotHash.equals(stored.snapshotHash()))
                .map(StoredAssessment::assessment);
    }

    /** The assessment that counts for a week: the latest one made. */
    public Optional<Assessment> find(String projectId, String week) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("projectId").is(projectId).and("week").is(week))
                .with(Sort.by(Sort.Direction.DESC, "assessedAt")), StoredAssessment.class, COLLECTION))
                .map(StoredAssessment::assessment);
    }

    public Optional<Assessment> latest(String projectId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("projectId").is(projectId))
                .with(Sort.by(Sort.Direction.DESC, "week", "assessedAt")), StoredAssessment.class, COLLECTION))
                .map(StoredAssessment::assessment);
    }

    /** Score and RAG of the latest assessed week before {@code week}: the change and the band margin read them. */
    public Optional<Health.Previous> healthBefore(String projectId, String week) {
        Query query = Query.query(Criteria.where("projectId").is(projectId).and("week").lt(week))
                .with(Sort.by(Sort.Direction.DESC, "week", "assessedAt")).limit(1);
        query.fields().include("score", "rag");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(d -> new Health.Previous(d.getInteger("score"), d.get("rag") == null ? null : Rag.valueOf(d.getString("rag"))));
    }

    /** The id an assessment is stored under: project, week and rule-set version. */
    public static String idOf(Assessment a) {
        return a.projectId() + "/" + a.week() + "/" + a.ruleSet().version();
    }

    public Optional<Assessment> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredAssessment.class, COLLECTION)).map(StoredAssessment::assessment);
    }

    /** One assessment per week (the one that counts), oldest week first. */
    public Collection<Assessment> weekly(String projectId) {
        Map<String, Assessment> byWeek = new LinkedHashMap<>();
        List<StoredAssessment> all = mongo.find(Query.query(Criteria.where("projectId").is(projectId))
                .with(Sort.by(Sort.Order.asc("week"), Sort.Order.desc("assessedAt"))), StoredAssessment.class, COLLECTION);
        for (StoredAssessment stored : all) {
            byWeek.computeIfAbsent(stored.week(), w -> stored.assessment());
        }
        return byWeek.values();
    }
}
