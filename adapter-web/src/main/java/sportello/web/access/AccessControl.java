package sportello.web.access;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before any handler runs, whether a request may reach a staff route (the dashboard and {@code /api/*}).
 * Everything is a staff route except an explicit list of public paths: the webhook, {@code /health}, the login
 * form, the language switch and static assets.
 *
 * <p>Without a login (option A) staff routes answer only the local network, never through a proxy, and refuse
 * requests that another web site makes a browser send. With a login (option B) they need a session, and every
 * state-changing request carries the session's CSRF token. A valid API token opens {@code /api/*} in both.
 */
public final class AccessControl {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    static final String SESSION_COOKIE = "sportello_session";
    static final String CSRF_COOKIE = "sportello_csrf";
    /** Who an audit entry names for a call made with the bearer API token. */
    public static final String API_TOKEN_ACTOR = "api-token";
    /** Who an audit entry names without a login (option A): anyone on the local network. */
    public static final String LOCAL_NETWORK_ACTOR = "local-network";

    private static final String VISIT = "sportello.staffVisit";
    private static final String ACTOR = "sportello.actor";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> PUBLIC_PATHS = Set.of("/webhook", "/health", "/login", "/", "/favicon.ico");
    private static final Set<String> PUBLIC_PREFIXES = Set.of("/static/", "/webjars/", "/lang/");

    private final WebAccess access;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final StaffLogin login;

    /** Who uses the dashboard in this request: the username (null without login) and the CSRF token of forms. */
    public record StaffVisit(String username, String csrfToken) {}

    /** What a login attempt led to. */
    public sealed interface LoginOutcome {
        record LoggedIn() implements LoginOutcome {}

        record WrongCredentials() implements LoginOutcome {}

        record Throttled(Duration retryAfter) implements LoginOutcome {}
    }

    public AccessControl(WebAccess access, InstantSource clock) {
        this.access = access;
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
        this.login = access.requiresLogin() ? new StaffLogin(access.username(), access.passwordHash()) : null;
    }

    public boolean loginEnabled() {
        return access.requiresLogin();
    }

    /** The before-handler of every request. */
    public void check(Context ctx) {
        String path = ctx.path();
        if (isPublic(path)) {
            return;
        }
        if (path.startsWith("/api/") || path.equals("/metrics")) {
            checkApi(ctx);
        } else {
            checkStaff(ctx);
        }
    }

    /** The staff visit the before-handler admitted; only on staff routes. */
    public static StaffVisit visit(Context ctx) {
        StaffVisit visit = ctx.attribute(VISIT);
        if (visit == null) {
            throw new IllegalStateException("no staff visit on " + ctx.path() + ": is the route public by mistake?");
        }
        return visit;
    }

    /**
     * Who made this request, for audit logs: the logged-in username (option B), {@value #API_TOKEN_ACTOR} for a
     * bearer call, {@value #LOCAL_NETWORK_ACTOR} without a login (option A). Only on staff routes and the API.
     */
    public static String actor(Context ctx) {
        String actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("no actor on " + ctx.path() + ": is the route public by mistake?");
        }
        return actor;
    }

    /** The CSRF token of the login form, kept in a cookie until the form is sent (double submit). */
    public String loginFormToken(Context ctx) {
        return csrfCookie(ctx);
    }

    /** Checks the login form and, when the credentials are right, starts a session in a fresh cookie. */
    public LoginOutcome logIn(Context ctx, String username, String password) {
        requireToken(ctx, ctx.cookie(CSRF_COOKIE));
        if (login == null) {
            throw AccessDenied.forbidden("Logging in is not enabled: set DASHBOARD_USERNAME and a password.");
        }
        String address = ctx.ip();
        var wait = throttle.waitFor(username, address);
        if (wait.isPresent()) {
            return new LoginOutcome.Throttled(wait.get());
        }
        if (!login.matches(username, password)) {
            throttle.failed(username, address);
            return new LoginOutcome.WrongCredentials();
        }
        throttle.succeeded(username, address);
        sessions.end(ctx.cookie(SESSION_COOKIE)); // never keep an id chosen before login
        var session = sessions.start(login.username());
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, session.id()));
        return new LoginOutcome.LoggedIn();
    }

    /** Ends the session of this request (the route itself checked the CSRF token). */
    public void logOut(Context ctx) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    private void checkApi(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            checkBearer(authorization);
            ctx.attribute(ACTOR, API_TOKEN_ACTOR);
            return;
        }
        if (access.requiresLogin()) {
            var session = session(ctx)
                    .orElseThrow(() -> AccessDenied.unauthorized(
                            "Log in to the dashboard first, or send" + " 'Authorization: Bearer <API_TOKEN>'."));
            if (unsafe(ctx) && !Tokens.same(ctx.header(CSRF_HEADER), session.csrfToken())) {
                throw AccessDenied.forbidden("Send the session's CSRF token in the " + CSRF_HEADER + " header.");
            }
            admit(ctx, new StaffVisit(session.username(), session.csrfToken()));
            return;
        }
        LocalNetworkOnly.check(ctx);
        if (unsafe(ctx)) {
            SameOrigin.check(ctx);
        }
        ctx.attribute(ACTOR, LOCAL_NETWORK_ACTOR);
    }

    private void checkBearer(String authorization) {
        var token = access.apiTokenValue();
        if (token.isEmpty()) {
            throw AccessDenied.unauthorized("Bearer tokens are not enabled: set API_TOKEN to use them.");
        }
        String prefix = "bearer ";
        boolean bearer = authorization.length() > prefix.length()
                && authorization
                        .substring(0, prefix.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(prefix);
        if (!bearer || !Tokens.same(authorization.substring(prefix.length()).strip(), token.get())) {
            throw AccessDenied.unauthorized("The API token is wrong; send 'Authorization: Bearer <API_TOKEN>'.");
        }
    }

    private void checkStaff(Context ctx) {
        if (access.requiresLogin()) {
            var session = session(ctx).orElseThrow(LoginRequired::new);
            if (unsafe(ctx)) {
                requireToken(ctx, session.csrfToken());
            }
            admit(ctx, new StaffVisit(session.username(), session.csrfToken()));
            return;
        }
        LocalNetworkOnly.check(ctx);
        String token = csrfCookie(ctx);
        if (unsafe(ctx)) {
            SameOrigin.check(ctx);
            requireToken(ctx, token);
        }
        admit(ctx, new StaffVisit(null, token));
    }

    private static void admit(Context ctx, StaffVisit visit) {
        ctx.attribute(VISIT, visit);
        ctx.attribute(ACTOR, visit.username() != null ? visit.username() : LOCAL_NETWORK_ACTOR);
    }

    private Optional<Sessions.Session> session(Context ctx) {
        return sessions.resume(ctx.cookie(SESSION_COOKIE));
    }

    /** The token must come back in the header (htmx, fetch) or in the form field (plain forms). */
    private static void requireToken(Context ctx, String expected) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null && isForm(ctx)) {
            given = ctx.formParam(CSRF_FIELD);
        }
        if (!Tokens.same(given, expected)) {
            throw AccessDenied.forbidden(
                    "The form's security token is missing or expired; reload the page and try" + " again.");
        }
    }

    private static String csrfCookie(Context ctx) {
        String token = ctx.cookie(CSRF_COOKIE);
        if (token == null || token.length() < 40) {
            token = Tokens.random();
            ctx.res().addHeader("Set-Cookie", cookie(ctx, CSRF_COOKIE, token));
        }
        return token;
    }

    private static String cookie(Context ctx, String name, String value) {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (overHttps(ctx) ? "; Secure" : "");
    }

    /** Directly over TLS, or through a proxy that terminated TLS and says so. */
    static boolean overHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static boolean unsafe(Context ctx) {
        return !SAFE_METHODS.contains(ctx.method().name());
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static boolean isPublic(String path) {
        if (PUBLIC_PATHS.contains(path)) {
            return true;
        }
        // a path that plays with dots or encodings is never public, whatever it starts with
        if (path.contains("..") || path.contains("%") || path.contains(";") || path.contains("//")) {
            return false;
        }
        return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
