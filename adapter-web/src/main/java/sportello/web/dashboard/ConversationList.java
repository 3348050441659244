package sportello.web.dashboard;

import java.util.List;

/**
 * The conversation list partial: one page of rows, "1–50 of 123", and the links to the neighbouring pages. The
 * same partial is part of the page and is what htmx swaps in on search, filter, paging and live updates.
 */
public record ConversationList(
        Texts t, List<Row> rows, String range, String previousUrl, String nextUrl, String refreshUrl) {

    /** One conversation, with every text already formatted; the template only escapes and places them. */
    public record Row(
            String id,
            String url,
            String name,
            String number,
            String lastMessage,
            String lastTime,
            String lastTimeExact,
            String lastTimeIso,
            String modeClass,
            String modeLabel,
            boolean profileComplete,
            Window window,
            int unread,
            String attentionReason) {}
}
