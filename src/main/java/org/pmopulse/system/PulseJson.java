package org.pmopulse.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper used outside Spring MVC (command line, stored documents, content hashes), configured like the
 * HTTP one in application.yaml: nulls left out, properties in declaration order.
 */
public final class PulseJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private PulseJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static JsonMapper prettyMapper() {
        return MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
