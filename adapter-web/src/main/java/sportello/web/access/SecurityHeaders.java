package sportello.web.access;

import io.javalin.http.Context;

/**
 * Headers on every answer. The policy allows scripts, styles and connections only from this server and no inline
 * script at all, so text a customer wrote can never run as code even if escaping failed somewhere.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static void add(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        String path = ctx.path();
        if (!path.startsWith("/static/") && !path.startsWith("/webjars/")) {
            ctx.header("Cache-Control", "no-store"); // customer data must not linger in shared caches or disks
        }
    }
}
