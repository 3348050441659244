package sportello.web.live;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code GET /dashboard/events}: the {@link LiveUpdates} stream of one dashboard, for as long as it stays open.
 *
 * <p>The handler streams on its own request thread (a virtual thread, so a blocked one costs little) and returns
 * only when the stream ends. Javalin's own SSE route instead hands the stream to an async context; when the server
 * stopped or the browser left, Jetty could recycle the request before the stream noticed, and finishing the dead
 * request then failed, and failed again in every error handler, in a loop that logged without end. While this
 * handler runs, the request cannot be recycled.
 */
public final class EventsRoute {

    private final LiveUpdates live;

    public EventsRoute(LiveUpdates live) {
        this.live = live;
    }

    public void stream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            ctx.status(HttpStatus.NOT_ACCEPTABLE).result("This is an event stream: send 'Accept: text/event-stream'.");
            return;
        }
        var response = ctx.res();
        response.setStatus(HttpStatus.OK.getCode());
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy such as nginx must pass each event on at once
        response.setHeader("Connection", "close"); // the connection ends with the stream, never reused
        live.stream(new SseSink(response));
    }
}
