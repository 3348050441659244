package sportello.web.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import sportello.web.access.LoginRequired;
import sportello.web.api.ApiErrors;

/**
 * Errors in the form the caller reads: JSON for {@code /api/*}, a short text for htmx and scripts of the dashboard
 * (shown in the page's notice bar), and a page for the browser.
 */
public final class ErrorPages {

    public void respond(Context ctx, HttpStatus status, String code, String message) {
        if (ctx.path().startsWith("/api/")) {
            ApiErrors.respond(ctx, status, code, message);
            return;
        }
        if (Htmx.isHtmx(ctx) || !acceptsHtml(ctx)) {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(message == null ? "" : message);
            return;
        }
        var t = Texts.of(Language.of(ctx));
        String title = t.getOr("error." + status.getCode(), t.get("error.title"));
        ctx.status(status).render("error.jte", Map.of("page", new ErrorPage(t, status.getCode(), title, message)));
    }

    /** Pages go to the login form and come back afterwards; htmx is told to go there; anything else gets 401. */
    public void loginRequired(LoginRequired e, Context ctx) {
        if (Htmx.isHtmx(ctx)) {
            ctx.header("HX-Redirect", "/login");
            ctx.status(HttpStatus.UNAUTHORIZED).result(e.getMessage());
            return;
        }
        if (ctx.method().name().equals("GET") && acceptsHtml(ctx)) {
            String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage());
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }
}
