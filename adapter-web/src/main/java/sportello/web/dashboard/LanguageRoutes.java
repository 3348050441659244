package sportello.web.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import sportello.web.api.BadRequest;

/** {@code GET /lang/{code}?back=…}: remembers the chosen language in a cookie and goes back to the page. */
public final class LanguageRoutes {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    public void choose(Context ctx) {
        var language = Language.ofCode(ctx.pathParam("code"))
                .orElseThrow(() -> new BadRequest("the dashboard speaks 'it' and 'en'"));
        boolean https =
                "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        Language.COOKIE + "=" + language.code() + "; Path=/; Max-Age=" + ONE_YEAR
                                + "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : ""));
        String back = ctx.queryParam("back");
        String target = "/login".equals(back) ? back : Urls.safeReturn(back);
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }
}
