package sportello.web.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The dashboard's own addresses, with ids encoded; and the check that a "go back to" address stays here. */
final class Urls {

    private Urls() {}

    static String conversation(String id) {
        return "/dashboard/conversations/" + encode(id);
    }

    /** One path segment. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A path on this dashboard or the simulator, never another site ({@code //evil.example},
     * {@code /\evil.example}).
     */
    static String safeReturn(String target) {
        if (target == null
                || !(target.startsWith("/dashboard") || target.startsWith("/simulator"))
                || target.contains("\\")
                || target.contains("//")
                || target.chars().anyMatch(Character::isISOControl)) {
            return "/dashboard";
        }
        return target;
    }
}
