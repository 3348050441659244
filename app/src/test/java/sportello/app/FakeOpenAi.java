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

    private final AtomicInteger calls = new AtomicInteger();
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

    @Override
    public MockResponse dispatch(RecordedRequest request) {
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
