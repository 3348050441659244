package sportello.web.access;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Without a login, a state-changing request must not come from another site: a page on the internet can make the
 * browser of someone on the local network post to the dashboard. Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}); scripts such as curl send neither and are not affected.
 */
final class SameOrigin {

    private static final Set<String> ALLOWED_SITES = Set.of("same-origin", "none");

    private SameOrigin() {}

    static void check(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !ALLOWED_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
            throw AccessDenied.forbidden("This request came from another web site (" + site + ") and was refused.");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameHost(origin, ctx.header("Host"))) {
            throw AccessDenied.forbidden("This request came from another web site (" + origin + ") and was refused.");
        }
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            var uri = URI.create(origin.strip());
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
