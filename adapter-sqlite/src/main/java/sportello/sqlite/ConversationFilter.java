package sportello.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sportello.domain.conversation.ServiceWindow;
import sportello.ports.out.ConversationQuery;
import sportello.sql.Timestamps;

/**
 * A {@link ConversationQuery} as SQL over the {@code conversation} row. Every term reads a column of the index
 * {@code conversation_list} (or, for attention, matches the partial index {@code conversation_attention}), so
 * filtering never reads table rows that are not on the page.
 */
record ConversationFilter(String where, Map<String, Object> bindings) {

    /**
     * {@link ServiceWindow#after(java.util.Optional, java.util.Optional)} open at {@code :now}: the customer's last
     * message is less than 24 hours old ({@code now < last inbound + 24 h}, that is last inbound after
     * {@code :windowStart}), and the channel did not close the window since that message ({@code window_closed_at}
     * missing, before the last inbound, or still to come). A closure at or after the 24-hour end needs no test: the
     * first term already failed.
     */
    static final String WINDOW_OPEN = "last_inbound_at > :windowStart AND (window_closed_at IS NULL"
            + " OR window_closed_at < last_inbound_at OR window_closed_at > :now)";

    /**
     * The negation of {@link #WINDOW_OPEN}, also true when the customer never wrote. Without a closure the BETWEEN is
     * NULL, which WHERE treats as false, so only the 24-hour terms decide.
     */
    static final String WINDOW_CLOSED = "(last_inbound_at IS NULL OR last_inbound_at <= :windowStart"
            + " OR window_closed_at BETWEEN last_inbound_at AND :now)";

    static ConversationFilter of(ConversationQuery query) {
        var terms = new ArrayList<String>();
        var bindings = new LinkedHashMap<String, Object>();
        if (query.needsAttentionOnly()) {
            terms.add("attention_reason IS NOT NULL");
        }
        if (query.profileComplete() != null) {
            terms.add("profile_complete = :complete");
            bindings.put("complete", query.profileComplete() ? 1 : 0);
        }
        if (query.mode() != null) {
            terms.add("mode = :mode");
            bindings.put("mode", query.mode().name());
        }
        if (query.windowOpen() != null) {
            terms.add(query.windowOpen() ? WINDOW_OPEN : WINDOW_CLOSED);
            bindings.put("windowStart", Timestamps.text(query.now().minus(ServiceWindow.LENGTH)));
            bindings.put("now", Timestamps.text(query.now()));
        }
        if (query.search() != null) {
            // instr, not LIKE: no wildcards to escape, and search_text is already folded to lower case
            terms.add("instr(search_text, :needle) > 0");
            bindings.put("needle", fold(query.search()));
        }
        return new ConversationFilter(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), bindings);
    }

    /** The text a search compares, in the form {@code search_text} is stored in. */
    static String searchText(List<String> values) {
        return fold(String.join(
                "\u001f", values.stream().filter(v -> v != null && !v.isEmpty()).toList()));
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
