package sportello.web.dashboard;

import sportello.web.api.ConversationFilters;

/**
 * {@code GET /dashboard}: the search and filter form above the conversation list, and a notice after something
 * done elsewhere (an erasure), or null.
 */
public record ListPage(Layout layout, Filters filters, ConversationList list, String notice) {

    /** The form's current values; the select values are "" for "any". */
    public record Filters(String q, boolean attention, String complete, String mode, String window) {

        static Filters of(ConversationFilters f) {
            return new Filters(
                    f.search() == null ? "" : f.search(),
                    f.attention(),
                    f.complete() == null ? "" : f.complete().toString(),
                    f.mode() == null ? "" : f.mode().name(),
                    f.windowOpen() == null ? "" : f.windowOpen() ? "open" : "closed");
        }
    }
}
