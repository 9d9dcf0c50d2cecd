package org.pmopulse.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems written before a controller is reached (by a filter, or by Tomcat itself): the same members, in the
 * same order, as the problems the controllers' handler writes.
 */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                             List<FieldProblem> errors) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        PulseJson.mapper().writeValue(response.getOutputStream(), body(status.value(), type, title, detail, errors));
    }

    /** The problem as JSON members: type, title, status, detail and, when there are any, the field errors. */
    static Map<String, Object> body(int status, String type, String title, String detail, List<FieldProblem> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemHandling.TYPES + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        }
        return body;
    }
}
