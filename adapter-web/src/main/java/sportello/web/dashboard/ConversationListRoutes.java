package sportello.web.dashboard;

import io.javalin.http.Context;
import java.util.Map;
import sportello.ports.in.QueryConversations;
import sportello.web.api.BadRequest;
import sportello.web.api.ConversationFilters;

/** {@code GET /dashboard}: the conversation list, searched, filtered and paged; htmx gets just the list. */
public final class ConversationListRoutes {

    static final int PAGE_SIZE = 50;
    /** Where staff land after erasing a customer: the list, saying it was done. */
    static final String ERASED_URL = "/dashboard?erased=1";

    private final QueryConversations queries;
    private final Chrome chrome;

    ConversationListRoutes(QueryConversations queries, Chrome chrome) {
        this.queries = queries;
        this.chrome = chrome;
    }

    public void page(Context ctx) {
        var t = chrome.texts(ctx);
        var filters = ConversationFilters.from(ctx);
        var list = list(t, filters, pageNumber(ctx));
        ctx.header("Vary", "HX-Request");
        if (Htmx.wantsPartial(ctx)) {
            ctx.render("partials/conversationList.jte", Map.of("list", list));
            return;
        }
        var layout = chrome.layout(ctx, t, t.get("list.title"), "conversations", "list", null);
        String notice = "1".equals(ctx.queryParam("erased")) ? t.get("list.erased") : null;
        ctx.render(
                "dashboard/list.jte", Map.of("page", new ListPage(layout, ListPage.Filters.of(filters), list, notice)));
    }

    /** {@code GET /dashboard/attention}: {@code {"count": n}}, for the title and the sound. */
    public void attention(Context ctx) {
        ctx.json(Map.of("count", chrome.attention()));
    }

    private ConversationList list(Texts t, ConversationFilters filters, int page) {
        var now = chrome.clock().instant();
        var query = filters.query(now, PAGE_SIZE, (page - 1) * PAGE_SIZE);
        int total = queries.count(query);
        var views = chrome.views(t);
        var rows = queries.list(query).stream().map(views::row).toList();
        int first = rows.isEmpty() ? 0 : query.offset() + 1;
        int last = query.offset() + rows.size();
        String base = "/dashboard?" + join(filters.queryString());
        String previous = page > 1 ? base + "page=" + (page - 1) : null;
        String next = last < total ? base + "page=" + (page + 1) : null;
        String range = t.format("list.range", first, last, total);
        return new ConversationList(t, rows, range, previous, next, base + "page=" + page);
    }

    private static String join(String queryString) {
        return queryString.isEmpty() ? "" : queryString + "&";
    }

    private static int pageNumber(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page < 1) {
                throw new NumberFormatException();
            }
            return Math.min(page, 1_000_000);
        } catch (NumberFormatException e) {
            throw new BadRequest("'page' must be a whole number from 1, got '" + raw + "'");
        }
    }
}
