package sportello.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * OpenAI's {@code POST /v1/responses}: answers with the reference's response fixture, its text replaced by one that
 * names the customer's token, so that every reply can be matched to the message it answers. Faults are scripted per
 * token, or for every call (an outage).
 */
final class FakeOpenAi extends Dispatcher implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("K[0-9a-z]+x\\d+x\\d+");
    private static final String FIXTURE_TEXT = "Sabato chiudiamo alle 19:00 (apriamo alle 9:30, orario continuato)."
            + " Sarà un piacere mostrarle i vasi in negozio!";
    private static final String FIXTURE_ID = "resp_68e5a3f1c2d48190b7e91a2f4c6d8e01";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<OpenAiFault>> scripts = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new HashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final List<Call> log = new ArrayList<>();
    private volatile OpenAiFault outage;

    FakeOpenAi() {
        server.setDispatcher(this);
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One call: the customer token it was about, the API key it came with, when it arrived ({@code System.nanoTime}). */
    record Call(String token, String apiKey, long atNanos) {}

    /** The agent's answer to the message carrying {@code token}. */
    static String replyFor(String token) {
        return "Grazie! La richiesta " + token + " è in lavorazione.";
    }

    String baseUrl() {
        String url = server.url("/v1").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The next calls about {@code token} meet these faults, one each, then OpenAI answers. */
    synchronized void script(String token, OpenAiFault... faults) {
        scripts.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(Arrays.asList(faults));
    }

    /** Every call meets {@code fault} until {@link #recover()}. */
    void outage(OpenAiFault fault) {
        outage = fault;
    }

    void recover() {
        outage = null;
    }

    synchronized int callsAbout(String token) {
        var count = calls.get(token);
        return count == null ? 0 : count.get();
    }

    int calls() {
        return total.get();
    }

    /** Every call so far, in order of arrival. */
    synchronized List<Call> callLog() {
        return List.copyOf(log);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!"POST".equals(request.getMethod())
                || !request.getUrl().encodedPath().endsWith("/responses")) {
            return json(404, "{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\"}}", null);
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Matcher m = TOKEN.matcher(body);
        String token = m.find() ? m.group() : "";
        int call = total.incrementAndGet();
        String authorization = request.getHeaders().get("Authorization");
        OpenAiFault fault = nextFault(new Call(
                token, authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""), System.nanoTime()));
        return switch (fault) {
            case OpenAiFault.Fail fail -> json(fail.code(), Fixtures.text(fail.fixture()), fail.retryAfter());
            case OpenAiFault.Stall stall ->
                new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build();
            case null ->
                json(
                        200,
                        Fixtures.text("openai/response-text.json")
                                .replace(FIXTURE_TEXT, replyFor(token))
                                .replace(FIXTURE_ID, "resp_faults" + call),
                        null);
        };
    }

    private synchronized OpenAiFault nextFault(Call call) {
        String token = call.token();
        log.add(call);
        calls.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        var script = scripts.get(token);
        OpenAiFault scripted = script == null ? null : script.poll();
        return scripted != null ? scripted : outage;
    }

    private static MockResponse json(int code, String body, String retryAfter) {
        var builder = new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_faults" + code)
                .body(body);
        if (retryAfter != null) {
            builder.addHeader("Retry-After", retryAfter);
        }
        return builder.build();
    }

    @Override
    public void close() {
        server.close();
    }
}
