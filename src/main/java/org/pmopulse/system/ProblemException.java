package org.pmopulse.system;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * A request Pulse cannot carry out, as the RFC 9457 problem the client gets: its status, a type and title that
 * name the kind of problem, and the fields it is about. Features extend it; the API turns any of them into the
 * same problem shape without knowing the feature.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> problems;
    private final Map<String, Object> properties;

    protected ProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> problems) {
        this(status, type, title, detail, problems, Map.of());
    }

    /** @param properties further members of the problem, beside the standard ones (a report, say) */
    protected ProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> problems,
                               Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.problems = List.copyOf(problems);
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
