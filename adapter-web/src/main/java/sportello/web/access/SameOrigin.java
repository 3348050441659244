package sportello.web.access;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * Without a login, a state-changing request must not come from another site: a page on the internet can make the
 * browser of someone on the local network post to the dashboard. Browsers say where a request comes from; scripts
 * such as curl say nothing and are not affected.
 *
 * <p>The rule follows the OWASP CSRF Prevention Cheat Sheet ("Fetch Metadata headers", with the mandatory fallback
 * "Using Standard Headers to Verify Origin"):
 *
 * <ol>
 *   <li>{@code Sec-Fetch-Site} comes first. {@code cross-site} and {@code same-site} (another port or a sibling
 *       host) are refused. A value outside the specification is ignored, as the cheat sheet advises.
 *   <li>An {@code Origin} that names a host must be this server's {@code Host}, whatever else the request says.
 *   <li>{@code Origin: null} is an opaque origin: a sandboxed frame, a {@code data:} page, a redirect across sites,
 *       but also our own form when the page's referrer policy is {@code no-referrer} or the browser's privacy
 *       settings strip referrers. It proves nothing either way, so it needs other evidence: {@code Sec-Fetch-Site:
 *       same-origin} (or {@code none}, a navigation the user started), or a {@code Referer} on this host. Both are
 *       forbidden header names that a page cannot set, and a browser that sends {@code Sec-Fetch-Site} always sends
 *       {@code cross-site} for another site's sandboxed frame. Without either it is refused.
 *   <li>Without {@code Origin}, a {@code Referer} on another host is refused (old browsers sent no {@code Origin}
 *       on form posts). A request with none of these headers is not from a modern browser, which always sends
 *       {@code Origin} across sites, so it is let through as before.
 * </ol>
 *
 * Browsers send {@code Sec-Fetch-Site} only to secure origins, which include {@code localhost} and 127.0.0.1 but not
 * a plain {@code http://192.168.1.10:8080}; there, {@code Origin} and {@code Referer} decide alone, which is why
 * {@link SecurityHeaders} keeps both for our own requests.
 */
final class SameOrigin {

    private static final Set<String> KNOWN_SITES = Set.of("same-origin", "same-site", "cross-site", "none");
    private static final Set<String> ALLOWED_SITES = Set.of("same-origin", "none");
    private static final String OPAQUE_ORIGIN = "null";

    private SameOrigin() {}

    /** The request headers that tell where a request comes from, as received (null when absent). */
    record Headers(String fetchSite, String origin, String referer, String host) {
        static Headers of(Context ctx) {
            return new Headers(
                    ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Referer"), ctx.header("Host"));
        }
    }

    /** What the headers show. */
    sealed interface Verdict {
        /** Nothing shows another site; {@code evidence} names what decided it. */
        record Allowed(String evidence) implements Verdict {}

        /** Another site sent it, or an opaque origin came with nothing to vouch for it. */
        record Refused(String reason) implements Verdict {}
    }

    static void check(Context ctx) {
        if (judge(Headers.of(ctx)) instanceof Verdict.Refused(var reason)) {
            throw AccessDenied.forbidden(reason);
        }
    }

    static Verdict judge(Headers headers) {
        String site = knownSite(headers.fetchSite());
        if (site != null && !ALLOWED_SITES.contains(site)) {
            return fromAnotherSite("Sec-Fetch-Site: " + site);
        }
        String origin = headers.origin() == null ? null : headers.origin().strip();
        if (origin != null && !origin.equals(OPAQUE_ORIGIN)) {
            return sameHost(origin, headers.host()) ? new Verdict.Allowed("Origin") : fromAnotherSite(origin);
        }
        if (site != null) {
            return new Verdict.Allowed("Sec-Fetch-Site: " + site);
        }
        if (headers.referer() != null) {
            return sameHost(headers.referer(), headers.host())
                    ? new Verdict.Allowed("Referer")
                    : fromAnotherSite("Referer: " + headers.referer());
        }
        if (origin != null) {
            return new Verdict.Refused("Your browser sent this request without saying which page it came from"
                    + " (Origin: null, no Referer), so it could have come from another web site and was refused."
                    + " Let the browser send referrers to this address (privacy settings or extensions), or open"
                    + " the dashboard at http://localhost on this machine.");
        }
        return new Verdict.Allowed("no browser headers");
    }

    private static Verdict fromAnotherSite(String evidence) {
        return new Verdict.Refused("This request came from another web site (" + evidence + ") and was refused.");
    }

    private static String knownSite(String header) {
        if (header == null) {
            return null;
        }
        String site = header.strip().toLowerCase(Locale.ROOT);
        return KNOWN_SITES.contains(site) ? site : null;
    }

    /**
     * Whether the URL ({@code Origin} or {@code Referer}) names the host and port the browser was pointed at. The
     * authority is cut out by hand rather than with {@link java.net.URI}, which rejects characters browsers leave
     * in a Referer's query; one with user info is never ours.
     */
    static boolean sameHost(String url, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            return false;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        return !authority.isEmpty() && !authority.contains("@") && authority.equalsIgnoreCase(host.strip());
    }
}
