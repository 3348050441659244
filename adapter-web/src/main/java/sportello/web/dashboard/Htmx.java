package sportello.web.dashboard;

import io.javalin.http.Context;

/** What htmx tells the server about a request, and what the server can tell htmx back. */
final class Htmx {

    private Htmx() {}

    static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** htmx wants only the partial; a history restore wants the whole page. */
    static boolean wantsPartial(Context ctx) {
        return isHtmx(ctx) && !"true".equals(ctx.header("HX-History-Restore-Request"));
    }

    /** Fires a DOM event on the element that made the request once the answer is in. */
    static void trigger(Context ctx, String event) {
        ctx.header("HX-Trigger", event);
    }
}
