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
        // Our own requests carry Origin and Referer; links to other sites get no Referer. With "no-referrer" a browser
        // sends
        // "Origin: null" on a plain form post (the Fetch standard's rule), which SameOrigin cannot tell from a
        // forged one over plain http on the local network, so forms without JavaScript were refused.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        String path = ctx.path();
        if (!path.startsWith("/static/") && !path.startsWith("/webjars/")) {
            ctx.header("Cache-Control", "no-store"); // customer data must not linger in shared caches or disks
        }
    }
}
