package sportello.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sportello.domain.conversation.ServiceWindow;
import sportello.ports.out.ConversationQuery;

/**
 * A {@link ConversationQuery} as SQL over the {@code conversation} row. Every term reads a column of the index
 * {@code conversation_list} (or, for attention, matches the partial index {@code conversation_attention}), so
 * filtering never reads table rows that are not on the page.
 */
record ConversationFilter(String where, Map<String, Object> bindings) {

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
            // open while now < last inbound + 24 h, that is while the last inbound is after now - 24 h
            terms.add(
                    query.windowOpen()
                            ? "last_inbound_at > :windowStart"
                            : "(last_inbound_at IS NULL OR last_inbound_at <= :windowStart)");
            bindings.put("windowStart", Timestamps.text(query.now().minus(ServiceWindow.LENGTH)));
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
