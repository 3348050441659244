package sportello.web.dashboard;

import io.javalin.http.Context;
import java.time.InstantSource;
import java.time.ZoneId;
import sportello.ports.in.QueryConversations;
import sportello.ports.out.ConversationQuery;
import sportello.web.access.AccessControl;

/** Builds what every page has around its content, and the language and formats of the request. */
final class Chrome {

    private final QueryConversations queries;
    private final InstantSource clock;
    private final ZoneId zone;
    private final boolean simulator;

    Chrome(QueryConversations queries, InstantSource clock, ZoneId zone, boolean simulator) {
        this.queries = queries;
        this.clock = clock;
        this.zone = zone;
        this.simulator = simulator;
    }

    Texts texts(Context ctx) {
        return Texts.of(Language.of(ctx));
    }

    Formats formats(Texts t) {
        return new Formats(t, zone, clock.instant());
    }

    InstantSource clock() {
        return clock;
    }

    ZoneId zone() {
        return zone;
    }

    /** How many conversations need staff now. */
    int attention() {
        return queries.count(new ConversationQuery(null, true, null, null, null, clock.instant(), 1, 0));
    }

    Layout layout(Context ctx, Texts t, String title, String section, String page, String conversationId) {
        var visit = AccessControl.visit(ctx);
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return new Layout(
                t,
                title,
                section,
                page,
                conversationId,
                visit.csrfToken(),
                visit.username(),
                attention(),
                languageLink(Language.IT, here),
                languageLink(Language.EN, here),
                simulator);
    }

    static String languageLink(Language language, String back) {
        return language.switchLink(back);
    }
}
