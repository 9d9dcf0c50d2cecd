package org.pmopulse.assessment;

import org.bson.Document;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.system.BsonJson;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;

/**
 * An assessment as kept in {@code assessments}: one per project, week and rule-set version, the whole assessment
 * in {@code assessment} and the fields the queries need beside it.
 *
 * @param snapshotHash content hash of the snapshot it judged: an assessment of an older version of the week is
 *                     not the week's current assessment (what the start-up reconciliation looks for)
 */
record StoredAssessment(@Id String id, String projectId, String week, String asOf, String ruleSetVersion,
                        Integer score, Rag rag, Instant assessedAt, String snapshotHash,
                        @Field("assessment") Document body) {

    static StoredAssessment of(Assessment a, String snapshotHash) {
        return new StoredAssessment(AssessmentStore.idOf(a), a.projectId(),
                a.week(), a.asOf().toString(), a.ruleSet().version(), a.health().score(), a.health().rag(),
                a.assessedAt(), snapshotHash, BsonJson.toBson(a));
    }

    Assessment assessment() {
        return BsonJson.fromBson(body, Assessment.class);
    }
}
