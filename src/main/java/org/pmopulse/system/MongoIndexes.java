package org.pmopulse.system;

/** A store that needs indexes in MongoDB; they are created at start, before the first request is served. */
public interface MongoIndexes {
    void createIndexes();
}
