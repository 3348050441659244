package sportello.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Meta's Graph API {@code POST /{version}/{phone-id}/messages}: accepts texts with fresh wamids and counts them per
 * recipient, answers read receipts, and plays faults scripted per recipient or for every send.
 */
final class FakeGraph extends Dispatcher implements AutoCloseable {

    static final String VERSION = "v26.0";

    /**
     * A text Meta took: it reaches the customer even if Sportello never hears the answer. {@code accessToken} is the
     * bearer token it came with, which tells the sending instance apart when a suite gives each its own.
     */
    record Send(String to, String text, String callbackData, String wamid, Instant at, String accessToken) {}

    private static final String FIXTURE_WAMID = "wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSNTVEMDA1Q0UwRjQ2NDVGQkMzAA==";

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final Map<String, List<Send>> texts = new HashMap<>();
    private final Map<String, Deque<GraphFault>> scripts = new HashMap<>();
    private final Map<String, List<Instant>> attempts = new HashMap<>();
    private final AtomicInteger wamids = new AtomicInteger();
    private final AtomicInteger readReceipts = new AtomicInteger();
    private volatile GraphFault everySend;
    private volatile Consumer<Send> onAccepted = send -> {};

    FakeGraph() {
        server.setDispatcher(this);
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Called for every text Meta takes, as Meta then posts status webhooks about it. */
    void onAccepted(Consumer<Send> listener) {
        this.onAccepted = listener;
    }

    /** The next sends to {@code recipient} meet these faults, one each, then Graph behaves. */
    synchronized void script(String recipient, GraphFault... faults) {
        scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(Arrays.asList(faults));
    }

    /** Every send meets {@code fault} until {@link #heal()}. */
    void failEverySend(GraphFault fault) {
        everySend = fault;
    }

    void heal() {
        everySend = null;
    }

    /** Texts Meta took for {@code recipient}, in order. */
    synchronized List<Send> textsTo(String recipient) {
        return List.copyOf(texts.getOrDefault(recipient, List.of()));
    }

    /** Every recipient's texts. */
    synchronized Map<String, List<Send>> texts() {
        var copy = new HashMap<String, List<Send>>();
        texts.forEach((to, sent) -> copy.put(to, List.copyOf(sent)));
        return copy;
    }

    synchronized int textCount() {
        return texts.values().stream().mapToInt(List::size).sum();
    }

    /** How many send requests for {@code recipient} arrived, whatever the answer. */
    synchronized int attemptsTo(String recipient) {
        return attemptTimes(recipient).size();
    }

    /** When the send requests for {@code recipient} arrived. */
    synchronized List<Instant> attemptTimes(String recipient) {
        return List.copyOf(attempts.getOrDefault(recipient, List.of()));
    }

    int readReceipts() {
        return readReceipts.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (!"POST".equals(request.getMethod())
                || !path.equals("/" + VERSION + "/" + SignedWebhooks.PHONE_ID + "/messages")) {
            return answer(404, "{\"error\":{\"message\":\"Unsupported request " + path + "\",\"code\":100}}");
        }
        JsonNode body = parse(request);
        if ("read".equals(body.path("status").asText())) {
            readReceipts.incrementAndGet();
            return answer(200, Fixtures.text("whatsapp/send-mark-read-typing.response.json"));
        }
        String to = body.has("to")
                ? body.path("to").asText()
                : body.path("recipient").asText();
        GraphFault fault = nextFault(to);
        return switch (fault) {
            case GraphFault.Refuse refuse -> refused(refuse);
            case GraphFault.ResetUnseen reset -> broken(new MockResponse.Builder(), new SocketEffect.CloseSocket());
            case GraphFault.AcceptThenReset reset -> broken(accept(to, body, request), new SocketEffect.CloseSocket());
            case GraphFault.AcceptThenStall stall -> broken(accept(to, body, request), SocketEffect.Stall.INSTANCE);
            case GraphFault.Slow slow ->
                accept(to, body, request)
                        .headersDelay(slow.delay().toMillis(), TimeUnit.MILLISECONDS)
                        .build();
            case null -> accept(to, body, request).build();
        };
    }

    private synchronized GraphFault nextFault(String to) {
        attempts.computeIfAbsent(to, r -> new ArrayList<>()).add(Instant.now());
        var script = scripts.get(to);
        GraphFault scripted = script == null ? null : script.poll();
        return scripted != null ? scripted : everySend;
    }

    private MockResponse.Builder accept(String to, JsonNode body, RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        String wamid = "wamid.HBgMRkFLRS1HUkFQSC" + String.format("%09d", wamids.incrementAndGet()) + "AA==";
        var send = new Send(
                to,
                body.path("text").path("body").asText(body.path("type").asText()),
                body.path("biz_opaque_callback_data").asText(null),
                wamid,
                Instant.now(),
                authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
        synchronized (this) {
            texts.computeIfAbsent(to, r -> new ArrayList<>()).add(send);
        }
        onAccepted.accept(send);
        return builder(200, Fixtures.text("whatsapp/send-text.response.json").replace(FIXTURE_WAMID, wamid));
    }

    private static MockResponse refused(GraphFault.Refuse refuse) {
        var builder = builder(refuse.code(), refuse.body());
        if (refuse.retryAfter() != null) {
            builder.addHeader("Retry-After", refuse.retryAfter());
        }
        return builder.build();
    }

    private static MockResponse broken(MockResponse.Builder builder, SocketEffect effect) {
        return builder.onResponseStart(effect).build();
    }

    private JsonNode parse(RecordedRequest request) {
        try {
            return json.readTree(
                    request.getBody() == null ? "{}" : request.getBody().utf8());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static MockResponse answer(int code, String body) {
        return builder(code, body).build();
    }

    private static MockResponse.Builder builder(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body);
    }

    @Override
    public void close() {
        server.close();
    }
}
