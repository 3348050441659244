package sportello.web.dashboard;

import io.javalin.http.Context;
import java.time.InstantSource;
import java.time.ZoneId;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.ViewMedia;
import sportello.ports.out.ConversationQuery;
import sportello.web.access.AccessControl;

/**
 * Builds what every page has around its content, and the language, formats and conversation views of the request.
 */
final class Chrome {

    private final QueryConversations queries;
    private final ViewMedia media;
    private final InstantSource clock;
    private final ZoneId zone;
    private final boolean simulator;

    Chrome(QueryConversations queries, ViewMedia media, InstantSource clock, ZoneId zone, boolean simulator) {
        this.queries = queries;
        this.media = media;
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

    /** Conversations as the templates show them, in this language, as of now. */
    ConversationViews views(Texts t) {
        return new ConversationViews(t, formats(t), clock.instant(), media);
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
