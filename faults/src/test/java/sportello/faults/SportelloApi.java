package sportello.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sportello's HTTP face as Meta, monitoring and the dashboard use it. The dashboard is open on 127.0.0.1. */
final class SportelloApi {

    /** What {@link #postWebhook} answers when no HTTP answer came (refused, reset, timed out). */
    static final int NO_ANSWER = -1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    SportelloApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The HTTP status of one signed delivery, or {@link #NO_ANSWER}. */
    int postWebhook(byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(base + "/webhook"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", SignedWebhooks.signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }

    /** {@code /health}'s JSON (also when it answers 503), or throws when Sportello does not answer. */
    JsonNode health() {
        return json(get("/health").body());
    }

    /** The overall status: UP, DEGRADED or DOWN. */
    String status() {
        return health().path("status").asText();
    }

    /** One check's status, e.g. {@code check("agent")} is UP or DEGRADED. */
    String check(String name) {
        return health().path("checks").path(name).path("status").asText();
    }

    String checkDetail(String name) {
        return health().path("checks").path(name).path("detail").asText();
    }

    /** Whether /health answers 200 (UP or DEGRADED): the process is serving. */
    boolean serving() {
        try {
            return get("/health").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** "inbox N, outbox M" as /health reports the work left. */
    String backlog() {
        return checkDetail("backlog");
    }

    /** Every conversation's summary, all pages. */
    List<JsonNode> conversations() {
        var all = new ArrayList<JsonNode>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page =
                    json(get("/api/conversations?limit=100&offset=" + offset).body());
            page.forEach(all::add);
            if (page.size() < 100) {
                return all;
            }
        }
    }

    JsonNode conversation(String id) {
        return json(get("/api/conversations/" + id).body());
    }

    private HttpResponse<String> get(String path) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
