package sportello.web.live;

import io.javalin.http.sse.SseClient;

/** One browser's {@code EventSource} connection as a {@link LiveUpdates.Sink}. */
public final class SseSink implements LiveUpdates.Sink {

    private final SseClient client;

    public SseSink(SseClient client) {
        this.client = client;
    }

    @Override
    public boolean send(String event, String data) {
        client.sendEvent(event, data);
        return !client.terminated();
    }

    @Override
    public boolean ping() {
        client.sendComment("ping");
        return !client.terminated();
    }
}
