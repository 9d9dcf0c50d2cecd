package org.pmopulse.access;

import org.pmopulse.system.MongoIndexes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit trail: every change a person, a token or a command-line user makes (snapshots, imports, batches,
 * rules, users, tokens) is recorded with the authenticated actor and the time. Entries are only ever added.
 */
@Component
public class AuditLog implements MongoIndexes {
    static final String AUDIT = "audit";
    public static final int MAX_LIMIT = 1000;

    /** Which entries to read; null fields do not filter. {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(String actor, AuditEntry.Action action, String target, Instant from, Instant to, int limit) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void createIndexes() {
        mongo.indexOps(AUDIT).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    /** Records what the caller did. */
    public void record(Caller actor, AuditEntry.Action action, String target, String detail) {
        mongo.insert(new AuditEntry(null, clock.instant(), actor.name(), actor.via(), action, target, detail));
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEntry> entries(Filter filter) {
        Criteria criteria = new Criteria();
        if (filter.actor() != null) {
            criteria.and("actor").is(filter.actor());
        }
        if (filter.action() != null) {
            criteria.and("action").is(filter.action());
        }
        if (filter.target() != null) { // a project finds its weeks too: ERP-2026 matches ERP-2026/2026-W47
            criteria.and("target").regex("^" + Pattern.quote(filter.target()) + "(/|$)");
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = criteria.and("at");
            if (filter.from() != null) {
                at.gte(filter.from());
            }
            if (filter.to() != null) {
                at.lt(filter.to());
            }
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(filter.limit()),
                AuditEntry.class);
    }
}
