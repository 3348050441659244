package sportello.web.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error answers {@code {"error": <code>, "message": <what to do>}} with the matching status. */
public final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public static void notFound(Exception e, Context ctx) {
        respond(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    public static void badRequest(Exception e, Context ctx) {
        respond(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    public static void forbidden(Exception e, Context ctx) {
        respond(ctx, HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    public static void internal(Exception e, Context ctx) {
        logInternal(e, ctx);
        respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", internalMessage());
    }

    public static void logInternal(Exception e, Context ctx) {
        log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
    }

    public static String internalMessage() {
        return "Something went wrong on our side; the details are in the Sportello log.";
    }

    public static void respond(Context ctx, HttpStatus status, String error, String message) {
        ctx.status(status).json(Map.of("error", error, "message", message == null ? "" : message));
    }
}
