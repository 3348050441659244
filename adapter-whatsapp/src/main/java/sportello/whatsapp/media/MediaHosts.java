package sportello.whatsapp.media;

import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The hosts that may receive the access token with a download: the configured Graph host, and Meta's file hosts over
 * HTTPS. Graph hands out the download link, and a link (or a redirect) to anywhere else would leak the token.
 */
final class MediaHosts {

    /** Meta's own domains; a file link sits on a subdomain such as {@code lookaside.fbsbx.com}. */
    private static final List<String> META_DOMAINS = List.of("fbsbx.com", "facebook.com", "fbcdn.net", "whatsapp.net");

    private final HttpUrl graph;

    MediaHosts(HttpUrl graph) {
        this.graph = graph;
    }

    boolean allow(HttpUrl url) {
        String host = url.host().toLowerCase(Locale.ROOT);
        if (host.equals(graph.host().toLowerCase(Locale.ROOT))) {
            // Tests and proxies configure a plain-http Graph; never downgrade from a configured https one.
            return url.isHttps() || !graph.isHttps();
        }
        return url.isHttps() && META_DOMAINS.stream().anyMatch(domain -> isWithin(host, domain));
    }

    private static boolean isWithin(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** Scheme and host only: the rest of a file link is a signed secret of its own. */
    static String describe(HttpUrl url) {
        return url.scheme() + "://" + url.host();
    }
}
