package org.pmopulse.system;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Stores records as BSON documents through their JSON form, so what is kept in MongoDB is exactly the JSON
 * contract (ISO date strings, the same field names) and reads back into the same record.
 */
public final class BsonJson {
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private BsonJson() {
    }

    public static Document toBson(Object value) {
        return Document.parse(PulseJson.mapper().writeValueAsString(value));
    }

    public static <T> T fromBson(Document document, Class<T> type) {
        return PulseJson.mapper().readValue(document.toJson(RELAXED), type);
    }
}
