package sportello.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Meta's Graph API as MockWebServer plays it: accepts sends with fresh wamids, unless told to fail first. */
final class FakeGraph extends Dispatcher {

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> texts = new ArrayList<>();
    private final List<JsonNode> readReceipts = new ArrayList<>();
    private final Deque<MockResponse> failures = new ArrayDeque<>();
    private final AtomicInteger wamids = new AtomicInteger();
    final MockWebServer server = new MockWebServer();

    FakeGraph() throws IOException {
        server.setDispatcher(this);
        server.start(0);
    }

    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    synchronized void failNextSends(int times, int status, String fixture) {
        for (int i = 0; i < times; i++) {
            failures.add(new MockResponse.Builder()
                    .code(status)
                    .addHeader("Content-Type", "application/json")
                    .body(Fixtures.text(fixture))
                    .build());
        }
    }

    /** The fixtures' test image: its SHA-256 is the one in inbound-image.json and media-metadata.response.json. */
    static final byte[] IMAGE = "SPORTELLO-TEST-IMAGE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static final String IMAGE_ID = "1203948576102938";

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if ("GET".equals(request.getMethod())) {
            return answerGet(request.getUrl().encodedPath());
        }
        JsonNode body;
        try {
            body = json.readTree(
                    request.getBody() == null ? "{}" : request.getBody().utf8());
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).build();
        }
        synchronized (this) {
            if ("read".equals(body.path("status").asText())) {
                readReceipts.add(body);
                return ok(Fixtures.text("whatsapp/send-mark-read-typing.response.json"));
            }
            var failure = failures.poll();
            if (failure != null) {
                return failure;
            }
            texts.add(body);
        }
        String wamid = "wamid.fake" + wamids.incrementAndGet();
        return ok(Fixtures.text("whatsapp/send-text.response.json")
                .replace("wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSNTVEMDA1Q0UwRjQ2NDVGQkMzAA==", wamid));
    }

    private final java.util.Map<String, byte[]> media = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, String> mediaTypes = new java.util.concurrent.ConcurrentHashMap<>();

    {
        publishMedia(IMAGE_ID, "image/jpeg", IMAGE);
    }

    /** A file customers "sent": its id resolves to a short-lived URL on this server, which serves the bytes. */
    byte[] media(String id) {
        return media.get(id);
    }

    void publishMedia(String id, String mimeType, byte[] bytes) {
        media.put(id, bytes);
        mediaTypes.put(id, mimeType);
    }

    private MockResponse answerGet(String path) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (id.matches("\\d{6,}") && !media.containsKey(id)) {
            // any other media id of the fixtures: a small file of its own
            publishMedia(
                    id,
                    "application/octet-stream",
                    ("FILE-" + id).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        if (path.startsWith("/lookaside/") && media.containsKey(id)) {
            return new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", mediaTypes.get(id))
                    .body(new okio.Buffer().write(media.get(id)))
                    .build();
        }
        if (media.containsKey(id)) {
            var metadata = json.createObjectNode()
                    .put("url", baseUrl() + "/lookaside/" + id)
                    .put("mime_type", mediaTypes.get(id))
                    .put("sha256", okio.ByteString.of(media.get(id)).sha256().hex())
                    .put("file_size", media.get(id).length)
                    .put("id", id)
                    .put("messaging_product", "whatsapp");
            return ok(metadata.toString());
        }
        return new MockResponse.Builder()
                .code(404)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Unsupported get request\",\"type\":\"GraphMethodException\","
                        + "\"code\":100}}")
                .build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    synchronized List<JsonNode> texts() {
        return List.copyOf(texts);
    }

    synchronized List<JsonNode> readReceipts() {
        return List.copyOf(readReceipts);
    }

    @Override
    public void close() {
        server.close();
    }
}
