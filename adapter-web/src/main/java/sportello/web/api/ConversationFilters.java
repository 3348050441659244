package sportello.web.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sportello.domain.conversation.Mode;
import sportello.ports.out.ConversationQuery;

/**
 * The search and filters of the conversation list, as the API and the dashboard take them from the query string:
 * {@code q}, {@code attention=true}, {@code complete=true|false}, {@code mode=BOT|HUMAN}, {@code window=open|closed}.
 * A value that is not one of these is refused with a message that says which are.
 */
public record ConversationFilters(String search, boolean attention, Boolean complete, Mode mode, Boolean windowOpen) {

    public static final ConversationFilters NONE = new ConversationFilters(null, false, null, null, null);

    public ConversationFilters {
        search = search == null || search.isBlank() ? null : search.strip();
    }

    public static ConversationFilters from(Context ctx) {
        return new ConversationFilters(
                ctx.queryParam("q"),
                flag(ctx, "attention"),
                choice(ctx, "complete", "true", "false"),
                mode(ctx),
                choice(ctx, "window", "open", "closed"));
    }

    public ConversationQuery query(Instant now, int limit, int offset) {
        return new ConversationQuery(search, attention, complete, mode, windowOpen, now, limit, offset);
    }

    /** These filters as a query string ({@code q=…&mode=BOT}), empty when there are none. */
    public String queryString() {
        var parts = new ArrayList<String>();
        if (search != null) {
            parts.add("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        if (attention) {
            parts.add("attention=true");
        }
        if (complete != null) {
            parts.add("complete=" + complete);
        }
        if (mode != null) {
            parts.add("mode=" + mode.name());
        }
        if (windowOpen != null) {
            parts.add("window=" + (windowOpen ? "open" : "closed"));
        }
        return String.join("&", parts);
    }

    private static boolean flag(Context ctx, String name) {
        String raw = blankToNull(ctx.queryParam(name));
        if (raw == null) {
            return false;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new BadRequest("query parameter '" + name + "' must be true or false, got '" + raw + "'");
        };
    }

    /** True for the first allowed value, false for the second, null when absent. */
    private static Boolean choice(Context ctx, String name, String yes, String no) {
        String raw = blankToNull(ctx.queryParam(name));
        if (raw == null) {
            return null;
        }
        if (raw.equalsIgnoreCase(yes)) {
            return true;
        }
        if (raw.equalsIgnoreCase(no)) {
            return false;
        }
        throw new BadRequest("query parameter '" + name + "' must be " + yes + " or " + no + ", got '" + raw + "'");
    }

    private static Mode mode(Context ctx) {
        String raw = blankToNull(ctx.queryParam("mode"));
        if (raw == null) {
            return null;
        }
        try {
            return Mode.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(
                    "query parameter 'mode' must be one of " + List.of(Mode.values()) + ", got '" + raw + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
