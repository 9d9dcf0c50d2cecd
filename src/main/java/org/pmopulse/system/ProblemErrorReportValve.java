package org.pmopulse.system;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The errors Tomcat answers itself, before a request reaches Pulse (an encoded '/' or NUL in the path, a request
 * line too long, a malformed escape), as the same RFC 9457 problem every other error is, instead of Tomcat's HTML
 * page. The detail says what kind of request was refused, never echoes it back.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted()) {
            return;
        }
        String detail = status == 400
                ? "the request's path, query or headers are malformed (an encoded '/', '\\' or NUL, a bad % escape,"
                + " characters not allowed in a URL, or a request line over the size limit)"
                : "the server refused the request (HTTP " + status + ")";
        Map<String, Object> problem = ProblemResponses.body(status, status == 400 ? "bad-request" : "http-" + status,
                status == 400 ? "Bad request" : "Request refused", detail, List.of(new FieldProblem("path", detail)));
        try {
            response.setContentType("application/problem+json");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(PulseJson.mapper().writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing left to tell it
        }
    }
}
