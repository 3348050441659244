package sportello.app;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** OpenAI's Responses API as MockWebServer plays it; the first answer can be held back to kill Sportello mid-call. */
final class FakeOpenAi extends Dispatcher {

    static final String REPLY = "Sabato chiudiamo alle 19:00 (apriamo alle 9:30, orario continuato).";
    static final String TRANSCRIPT = "Buongiorno, sono Giulia Rossi, il mio ordine è il 58213";

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger transcriptions = new AtomicInteger();
    private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CountDownLatch firstCallArrived = new CountDownLatch(1);
    private volatile boolean holdFirstCall;
    final MockWebServer server = new MockWebServer();

    FakeOpenAi() throws IOException {
        server.setDispatcher(this);
        server.start(0);
    }

    String baseUrl() {
        String url = server.url("/v1").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    void holdFirstCall() {
        holdFirstCall = true;
    }

    boolean awaitFirstCall(long seconds) throws InterruptedException {
        return firstCallArrived.await(seconds, TimeUnit.SECONDS);
    }

    int calls() {
        return calls.get();
    }

    int transcriptions() {
        return transcriptions.get();
    }

    /** The bodies of the Responses API requests, in order. */
    java.util.List<String> requests() {
        return java.util.List.copyOf(requests);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().endsWith("/audio/transcriptions")) {
            transcriptions.incrementAndGet();
            return new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"text\":\"" + TRANSCRIPT + "\",\"usage\":{\"type\":\"tokens\",\"input_tokens\":120,"
                            + "\"input_token_details\":{\"text_tokens\":0,\"audio_tokens\":120},"
                            + "\"output_tokens\":18,\"total_tokens\":138}}")
                    .build();
        }
        requests.add(request.getBody() == null ? "" : request.getBody().utf8());
        int call = calls.incrementAndGet();
        firstCallArrived.countDown();
        var response = new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_" + call)
                .body(Fixtures.text("openai/response-text.json"));
        if (call == 1 && holdFirstCall) {
            response.headersDelay(10, TimeUnit.MINUTES);
        }
        return response.build();
    }

    @Override
    public void close() {
        server.close();
    }
}
