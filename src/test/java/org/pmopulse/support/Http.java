package org.pmopulse.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client against the running application, for tests. It signs in as the bootstrap user {@code admin}
 * (password from the test profile) unless told otherwise: {@link #as}, {@link #bearer}, {@link #anonymous}.
 */
public final class Http {
    /** The bootstrap admin's password in the test profile ({@code PULSE_ADMIN_PASSWORD} in application-test.yaml). */
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** The Authorization header for {@code admin}, for a benchmark that sends with its own client. */
    public static final String ADMIN_BASIC = basic("admin", ADMIN_PASSWORD);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String base;
    private final int port;
    private final String authorization;

    public Http(int port) {
        this(port, basic("admin", ADMIN_PASSWORD));
    }

    private Http(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.port = port;
        this.authorization = authorization;
    }

    /** The same server, signed in with HTTP Basic as this user. */
    public Http as(String user, String password) {
        return new Http(port, basic(user, password));
    }

    /** The same server, with {@code Authorization: Bearer token} (an API token or a JWT). */
    public Http bearer(String token) {
        return new Http(port, "Bearer " + token);
    }

    /** The same server, without credentials. */
    public Http anonymous() {
        return new Http(port, null);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public record Response(int status, String contentType, String location, String outcome, String body,
                           Map<String, List<String>> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A header's first value, whatever the case of its name; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * A GET sent byte for byte over a socket, for paths an HTTP client library would refuse to send (a '|', a bad
     * % escape): what a hostile client can send.
     */
    public Response rawGet(String path) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, split).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).trim());
            }
            Response parsed = new Response(Integer.parseInt(head[0].split(" ")[1]), null, null, null,
                    answer.substring(split + 4), headers);
            return new Response(parsed.status(), parsed.header("Content-Type"), null, null, dechunk(parsed), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a chunked answer without its chunk sizes (the problems here fit one chunk). */
    private static String dechunk(Response r) {
        if (!"chunked".equalsIgnoreCase(r.header("Transfer-Encoding"))) {
            return r.body();
        }
        String body = r.body();
        int start = body.indexOf("\r\n") + 2;
        int size = Integer.parseInt(body.substring(0, start - 2).trim(), 16);
        return body.substring(start, start + size);
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response put(String path, byte[] body) {
        return put(path, body, "application/json");
    }

    public Response put(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, JsonNode body) {
        return put(path, JSON.writeValueAsBytes(body));
    }

    public Response post(String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response delete(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A body sent in chunks, without Content-Length, the way a streaming client sends it. */
    public Response putChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /** Any method, with any body and headers. */
    public Response send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null && request.build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Pulse-Snapshot-Outcome").orElse(null), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
