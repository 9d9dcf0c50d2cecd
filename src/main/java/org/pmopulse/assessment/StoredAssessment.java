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
 */
record StoredAssessment(@Id String id, String projectId, String week, String asOf, String ruleSetVersion,
                        int score, Rag rag, Instant assessedAt, @Field("assessment") Document body) {

    static StoredAssessment of(Assessment a) {
        return new StoredAssessment(AssessmentStore.idOf(a), a.projectId(),
                a.week(), a.asOf().toString(), a.ruleSet().version(), a.health().score(), a.health().rag(),
                a.assessedAt(), BsonJson.toBson(a));
    }

    Assessment assessment() {
        return BsonJson.fromBson(body, Assessment.class);
    }
}
