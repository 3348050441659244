package sportello.web.live;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One browser's {@code EventSource} connection as a {@link LiveUpdates.Sink}, written in the server-sent events
 * format straight to the response. A failed write means the browser went away.
 */
final class SseSink implements LiveUpdates.Sink {

    private final HttpServletResponse response;

    SseSink(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public boolean send(String event, String data) {
        var frame = new StringBuilder();
        frame.append("event: ").append(oneLine(event)).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return write(frame.append('\n').toString());
    }

    @Override
    public boolean ping() {
        return write(": ping\n\n");
    }

    private boolean write(String text) {
        try {
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
            return true;
        } catch (IOException gone) { // the browser closed the connection, or the server is stopping
            return false;
        }
    }

    /** A line break in an event name would start a frame of its own. */
    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "");
    }
}
