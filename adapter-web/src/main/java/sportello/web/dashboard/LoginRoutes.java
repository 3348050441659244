package sportello.web.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Objects;
import sportello.web.access.AccessControl;

/** {@code GET/POST /login} and {@code POST /logout}, when the dashboard has a password (option B). */
public final class LoginRoutes {

    private final AccessControl access;

    LoginRoutes(AccessControl access) {
        this.access = access;
    }

    public void form(Context ctx) {
        if (!access.loginEnabled()) {
            ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, HttpStatus.OK, "", ctx.queryParam("next"), null);
    }

    public void submit(Context ctx) {
        var t = Texts.of(Language.of(ctx));
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "");
        String next = ctx.formParam("next");
        switch (access.logIn(ctx, username, Objects.requireNonNullElse(ctx.formParam("password"), ""))) {
            case AccessControl.LoginOutcome.LoggedIn ok -> ctx.redirect(Urls.safeReturn(next), HttpStatus.SEE_OTHER);
            case AccessControl.LoginOutcome.WrongCredentials wrong ->
                render(ctx, HttpStatus.UNAUTHORIZED, username, next, t.get("login.wrong"));
            case AccessControl.LoginOutcome.Throttled(var wait) -> {
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
                render(ctx, HttpStatus.TOO_MANY_REQUESTS, username, next, t.format("login.throttled", minutes));
            }
        }
    }

    public void logout(Context ctx) {
        access.logOut(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, String username, String next, String error) {
        var t = Texts.of(Language.of(ctx));
        String here = "/login";
        var page = new LoginPage(
                t,
                access.loginFormToken(ctx),
                username,
                Urls.safeReturn(next),
                error,
                Chrome.languageLink(Language.IT, here),
                Chrome.languageLink(Language.EN, here));
        ctx.status(status).render("login.jte", Map.of("page", page));
    }
}
