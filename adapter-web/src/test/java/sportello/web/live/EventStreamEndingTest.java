package sportello.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.ConversationId;
import sportello.web.CapturedLogs;
import sportello.web.Desk;

/**
 * A dashboard's event stream ends when the browser goes away or the server stops, and ending it must leave
 * nothing behind. It once outlived its request: Jetty recycled the request first, finishing it threw on every
 * access, and Javalin answered each failure of its error handling with another attempt, logging two warnings each
 * time, forever (hundreds of megabytes of log per test run). It was a race, lost about one time in six, so each
 * test ends many streams.
 */
class EventStreamEndingTest {

    private static final int STREAMS = 30;
    /** The runaway warnings came within microseconds of a stream's end and never stopped; a second shows them. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final CapturedLogs logs = CapturedLogs.start();

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void dashboardsThatGoAway_areForgotten_andNothingIsLogged() throws Exception {
        try (var desk = Desk.open()) {
            for (int i = 0; i < STREAMS; i++) {
                try (var browser = watch(desk)) {
                    browser.setSoLinger(true, 0); // closing resets the connection: the next event fails to send
                }

                // each event is a write that may find the connection closed; the first may still fit in a buffer
                waitUntil(() -> {
                    desk.live.changed(new ConversationId("c-1"));
                    return desk.live.watchers() == 0;
                });
            }

            assertThat(warningsWithinGrace()).isEmpty();
            assertThat(desk.http().get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theServerStoppingWhileADashboardWatches_endsTheStream_andNothingIsLogged() throws Exception {
        for (int i = 0; i < STREAMS; i++) {
            var desk = Desk.open();
            try (var browser = watch(desk)) {
                desk.close();

                // the stream's own thread lets go of its watcher as it ends, just after the server stopped
                waitUntil(() -> desk.live.watchers() == 0);
            }
        }

        assertThat(warningsWithinGrace()).isEmpty();
    }

    @Test
    void withoutAcceptingEventStreams_theAnswerSaysSo_insteadOfStayingOpen() throws Exception {
        try (var desk = Desk.open()) {
            var plain = desk.http().get("/dashboard/events", "Accept", "text/html");

            assertThat(plain.statusCode()).isEqualTo(406);
            assertThat(desk.live.watchers()).isZero();
        }
    }

    /** A browser's EventSource on a raw socket, once the stream's first keep-alive comment has arrived. */
    private static Socket watch(Desk desk) throws IOException, InterruptedException {
        var socket = new Socket("127.0.0.1", desk.app.port());
        socket.setSoTimeout(10_000);
        socket.getOutputStream()
                .write(("GET /dashboard/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        readUntil(socket.getInputStream(), ": ping");
        waitUntil(() -> desk.live.watchers() == 1);
        return socket;
    }

    private static void readUntil(InputStream in, String expected) throws IOException {
        var seen = new StringBuilder();
        while (!seen.toString().contains(expected)) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the stream ended before '" + expected + "': " + seen);
            }
            seen.append((char) next);
        }
    }

    private List<String> warningsWithinGrace() throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (logs.warnings().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return logs.warnings();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
